package org.chamberlain.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.prosody.ProsodyException;

/** Finds the shared test configuration and starts servers with it. */
public final class TestServers {
    /** System property or environment variable naming another config file (e.g. to test a broken one). */
    public static final String CONFIG_PROPERTY = "chamberlain.prosody.config";

    private TestServers() {
    }

    /** Starts a server with the shared test configuration. */
    public static LocalProsody start() throws ProsodyException {
        return start(configFile());
    }

    public static LocalProsody start(Path config) throws ProsodyException {
        return LocalProsody.start(new LocalProsody.Options(config).parentDir(workRoot()));
    }

    /** The {@code shared/} folder beside the repository. */
    public static Path sharedDir() {
        String property = System.getProperty("chamberlain.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("prosody"))) {
                return candidate.normalize();
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the shared/ folder beside the repository "
                + "(set -Dchamberlain.shared.dir=PATH)");
    }

    public static Path configFile() {
        String override = System.getProperty(CONFIG_PROPERTY, System.getenv("CHAMBERLAIN_PROSODY_CONFIG"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return sharedDir().resolve("prosody").resolve("prosody-test.cfg.lua");
    }

    private static Path workRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "chamberlain-test-servers");
    }
}
