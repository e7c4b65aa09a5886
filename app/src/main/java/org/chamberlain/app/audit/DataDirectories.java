package org.chamberlain.app.audit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where Chamberlain keeps its data on each platform: {@code $XDG_DATA_HOME/chamberlain} (default
 * {@code ~/.local/share/chamberlain}) on Linux and other Unix systems, {@code ~/Library/Application
 * Support/Chamberlain} on macOS, {@code %LOCALAPPDATA%\Chamberlain} on Windows. The system property
 * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} overrides it (tests, portable installs).
 */
public final class DataDirectories {
    public static final String PROPERTY = "chamberlain.data.dir";
    public static final String ENVIRONMENT = "CHAMBERLAIN_DATA_DIR";

    private DataDirectories() {
    }

    /** The data directory for this process's system properties and environment. */
    public static Path dataDirectory() {
        return dataDirectory(System.getProperties(), System.getenv());
    }

    /** The data directory for the given properties and environment (pure, for tests). */
    public static Path dataDirectory(Properties properties, Map<String, String> environment) {
        String override = properties.getProperty(PROPERTY);
        if (isSet(override)) {
            return Path.of(override);
        }
        if (isSet(environment.get(ENVIRONMENT))) {
            return Path.of(environment.get(ENVIRONMENT));
        }
        String home = properties.getProperty("user.home", ".");
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            return (isSet(local) ? Path.of(local) : Path.of(home, "AppData", "Local")).resolve("Chamberlain");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Chamberlain");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "chamberlain");
        }
        return Path.of(home, ".local", "share", "chamberlain");
    }

    /** The audit log file inside the data directory. */
    public static Path auditLog() {
        return dataDirectory().resolve("audit.jsonl");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
