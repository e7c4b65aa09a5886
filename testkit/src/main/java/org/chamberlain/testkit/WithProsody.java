package org.chamberlain.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class needs a real Prosody server: test methods, constructors and lifecycle methods
 * may declare a {@link TestServer} parameter. One server serves the whole class; a test method annotated
 * {@link FreshProsody} gets a server of its own.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ProsodyExtension.class)
public @interface WithProsody {
}
