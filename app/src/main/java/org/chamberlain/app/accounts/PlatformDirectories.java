package org.chamberlain.app.accounts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Chamberlain keeps settings and data on this platform: XDG base directories on Linux and other
 * Unix systems, {@code ~/Library/Application Support} on macOS, {@code %APPDATA%} / {@code %LOCALAPPDATA%}
 * on Windows. The system property {@code chamberlain.config.dir} (and {@code chamberlain.data.dir})
 * overrides the result, for tests and portable installs. Stateless; any thread.
 */
public final class PlatformDirectories {
    static final String APP = "chamberlain";

    private PlatformDirectories() {
    }

    /** The directory for settings such as the account list. Not created by this call. */
    public static Path configDir() {
        return configDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty("chamberlain.config.dir"));
    }

    /** The directory for data such as logs. Not created by this call. */
    public static Path dataDir() {
        return dataDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty("chamberlain.data.dir"));
    }

    static Path configDir(String osName, Map<String, String> env, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Path.of(env.getOrDefault("APPDATA", home + "\\AppData\\Roaming"), "Chamberlain");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Chamberlain");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // XDG: a relative path is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve(APP);
    }

    static Path dataDir(String osName, Map<String, String> env, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Path.of(env.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local"), "Chamberlain");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Chamberlain");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve(APP);
    }
}
