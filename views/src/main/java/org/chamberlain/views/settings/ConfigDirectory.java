package org.chamberlain.views.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Chamberlain keeps its settings on this platform: {@code $XDG_CONFIG_HOME/chamberlain} (default
 * {@code ~/.config/chamberlain}) on Linux and other Unix systems, {@code ~/Library/Application Support/
 * Chamberlain} on macOS, {@code %APPDATA%\Chamberlain} on Windows. {@code -Dchamberlain.config.dir}
 * overrides all of them (tests and sandboxes use it so they never touch the person's own settings).
 */
public final class ConfigDirectory {
    public static final String OVERRIDE_PROPERTY = "chamberlain.config.dir";

    private ConfigDirectory() {
    }

    /** The directory for this process, from the system properties and environment. */
    public static Path resolve() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getenv(), System.getProperty(OVERRIDE_PROPERTY));
    }

    static Path resolve(String osName, String home, Map<String, String> env, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isBlank()
                    ? Path.of(home, "AppData", "Roaming", "Chamberlain")
                    : Path.of(appData, "Chamberlain");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Chamberlain");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "chamberlain");
        }
        return Path.of(home, ".config", "chamberlain");
    }
}
