package org.chamberlain.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Live Prosody processes that this JVM started with a given config. Only our own children count, so servers
 * of other builds running on the same machine cannot disturb the tests.
 */
final class ProsodyProcesses {
    private ProsodyProcesses() {
    }

    static List<Long> startedWith(Path config) {
        String needle = config.toAbsolutePath().toString();
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("prosody") && c.contains(needle))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toList());
    }
}
