package org.chamberlain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.prosody.ProsodyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProsodyTest {

    @Test
    void startsAnsweringServerAndStopsItWithSigterm() throws Exception {
        LocalProsody server = TestServers.start();
        long pid = server.pid();
        try {
            assertThat(server.isAlive()).isTrue();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(streamFeaturesFrom(server)).contains("<stream:features");
            assertThat(ProsodyProcesses.startedWith(TestServers.configFile())).containsExactly(pid);
        } finally {
            server.close();
        }
        assertThat(ProsodyProcesses.startedWith(TestServers.configFile())).doesNotContain(pid);
        assertThat(server.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(server.logTail(200)).contains("Shutting down");
    }

    @Test
    void twoServersRunSideBySideOnDifferentPorts() throws Exception {
        try (LocalProsody first = TestServers.start(); LocalProsody second = TestServers.start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(streamFeaturesFrom(first)).contains("<stream:features");
            assertThat(streamFeaturesFrom(second)).contains("<stream:features");
        }
    }

    @Test
    void brokenConfigFailsWithTheServerLogTail(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.cfg.lua");
        Files.writeString(broken, Files.readString(TestServers.configFile())
                + "\nthis is not lua at all = = =\n");

        assertThatThrownBy(() -> TestServers.start(broken))
                .isInstanceOf(ProsodyException.class)
                .hasMessageContaining("before it was ready")
                .hasMessageContaining("Server log tail")
                .hasMessageContaining("broken.cfg.lua");
        assertThat(ProsodyProcesses.startedWith(broken)).isEmpty();
    }

    @Test
    void missingProgramIsNamedWithTheCommandThatInstallsIt() {
        LocalProsody.Options options = new LocalProsody.Options(TestServers.configFile())
                .executable("prosody-that-is-not-installed");

        assertThatThrownBy(() -> LocalProsody.start(options))
                .isInstanceOf(ProsodyException.class)
                .hasMessageContaining("Prosody is not installed")
                .hasMessageContaining("apt-get install -y prosody");
    }

    @Test
    void missingConfigFileIsNamed(@TempDir Path dir) {
        Path absent = dir.resolve("absent.cfg.lua");

        assertThatThrownBy(() -> TestServers.start(absent))
                .isInstanceOf(ProsodyException.class)
                .hasMessageContaining(absent.toString());
    }

    @Test
    void killStopsTheServerAtOnce() throws Exception {
        LocalProsody server = TestServers.start();
        server.kill();
        assertThat(server.isAlive()).isFalse();
    }

    static String streamFeaturesFrom(LocalProsody server) throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(("<stream:stream to='" + server.domain() + "' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
                    .getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while (received.indexOf("</stream:features>") < 0 && (n = in.read(buffer)) > 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return received.toString();
        }
    }
}
