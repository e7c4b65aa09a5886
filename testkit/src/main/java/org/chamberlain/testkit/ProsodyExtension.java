package org.chamberlain.testkit;

import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.prosody.ProsodyException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Prosody lazily when a test first asks for a {@link TestServer}: one per test class, or one per
 * test for methods annotated {@link FreshProsody}. Servers are stopped with SIGTERM when their scope ends,
 * whether the tests passed or not.
 */
public final class ProsodyExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ProsodyExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean fresh = context.getTestMethod().map(m -> m.isAnnotationPresent(FreshProsody.class)).orElse(false);
        ExtensionContext scope = fresh ? context : classScope(context);
        // Store lookups fall through to parent contexts, so a fresh server needs a key of its own.
        String key = fresh ? "fresh-server" : "class-server";
        return scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> RunningServer.start(), RunningServer.class)
                .server;
    }

    private static ExtensionContext classScope(ExtensionContext context) {
        ExtensionContext scope = context;
        while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
            scope = scope.getParent().get();
        }
        return scope;
    }

    private static final class RunningServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LocalProsody prosody;
        private final TestServer server;

        private RunningServer(LocalProsody prosody) {
            this.prosody = prosody;
            this.server = new TestServer(prosody);
        }

        static RunningServer start() {
            try {
                return new RunningServer(TestServers.start());
            } catch (ProsodyException e) {
                throw new ParameterResolutionException("The test needs a Prosody server, which did not start: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            prosody.close();
        }
    }
}
