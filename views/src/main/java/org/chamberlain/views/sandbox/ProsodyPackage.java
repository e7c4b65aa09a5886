package org.chamberlain.views.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds Prosody and, when allowed, installs it with the system's package manager. */
final class ProsodyPackage {

    private ProsodyPackage() {
    }

    static boolean installed() {
        return onPath("prosody").isPresent() && onPath("prosodyctl").isPresent();
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/usr/local/bin:/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** The command that installs Prosody here, for the person to run when we may not. */
    static String installCommand() {
        if (onPath("apt-get").isPresent()) {
            return "sudo apt-get install -y prosody";
        }
        if (onPath("dnf").isPresent()) {
            return "sudo dnf install -y prosody";
        }
        if (onPath("pacman").isPresent()) {
            return "sudo pacman -S prosody";
        }
        if (onPath("brew").isPresent()) {
            return "brew install prosody";
        }
        return "install Prosody 0.12 from https://prosody.im/download/ so that 'prosody' and 'prosodyctl' are on "
                + "the PATH";
    }

    static boolean runningAsRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return id.waitFor() == 0 && uid.strip().equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Installs with apt-get (Debian, Ubuntu); output goes to the terminal. Returns apt-get's exit status. */
    static int installWithApt() throws IOException, InterruptedException {
        List<String> command = List.of("apt-get", "install", "-y", "--no-install-recommends", "prosody");
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }
}
