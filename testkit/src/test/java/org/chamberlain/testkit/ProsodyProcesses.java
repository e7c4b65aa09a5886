package org.chamberlain.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Counts live Prosody processes started by this JVM's harness (their command line names the config). */
final class ProsodyProcesses {
    private ProsodyProcesses() {
    }

    static List<Long> startedWith(Path config) throws IOException {
        List<Long> pids = new ArrayList<>();
        String needle = config.toAbsolutePath().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    String status = Files.readString(proc.resolve("status"));
                    if (status.contains("State:\tZ")) {
                        continue;
                    }
                } catch (IOException ignored) {
                    continue; // the process ended while we looked
                }
                if (cmdline.contains("prosody") && cmdline.contains(needle)) {
                    pids.add(Long.parseLong(name));
                }
            }
        }
        return pids;
    }
}
