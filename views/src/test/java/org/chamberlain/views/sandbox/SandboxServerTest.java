package org.chamberlain.views.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.chamberlain.views.shell.AccountProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox server really authenticates: its accounts log in with their passwords and nobody else does
 * (the test server's config accepts anyone, the sandbox's must not). Checked with a raw SASL PLAIN
 * exchange so the test needs no XMPP library.
 */
class SandboxServerTest {

    @Test
    void registersThreeAccountsThatLogInWithTheirPasswordsOnly(@TempDir Path parent) throws Exception {
        Path baseDir;
        try (SandboxServer server = SandboxServer.start("sandbox.localhost", parent)) {
            assertThat(server.accounts()).extracting(AccountProfile::jid).containsExactly(
                    "owner@sandbox.localhost", "alice@sandbox.localhost", "bob@sandbox.localhost");
            assertThat(server.mucService()).isEqualTo("conference.sandbox.localhost");
            for (AccountProfile account : server.accounts()) {
                assertThat(saslPlain(server, account.localpart(), account.password()))
                        .as("login of %s", account.jid()).contains("<success");
            }
            assertThat(saslPlain(server, "alice", "wrong-password")).contains("<failure");
            assertThat(saslPlain(server, "mallory", "anything")).contains("<failure");
            try (var dirs = Files.list(parent)) {
                baseDir = dirs.findFirst().orElseThrow();
            }
        }
        assertThat(baseDir).doesNotExist();
    }

    @Test
    void saysSoWhenItsServerDiesButNotWhenItIsClosed(@TempDir Path parent) throws Exception {
        try (SandboxServer server = SandboxServer.start("sandbox.localhost", parent)) {
            var stopped = server.consoleTarget().whenStoppedUnexpectedly().toCompletableFuture();
            ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
            assertThat(stopped.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .startsWith("Prosody exited with code ").contains("The end of its log:");
        }
        try (SandboxServer server = SandboxServer.start("sandbox.localhost", parent)) {
            var stopped = server.stoppedUnexpectedly().toCompletableFuture();
            server.close();
            Thread.sleep(500);
            assertThat(stopped).as("an ordinary stop is not news").isNotDone();
        }
    }

    private static String saslPlain(SandboxServer server, String user, String password) throws Exception {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("<?xml version='1.0'?><stream:stream to='" + server.domain() + "' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
                    .getBytes(StandardCharsets.UTF_8));
            readUntil(in, "</stream:features>");
            String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + token + "</auth>")
                    .getBytes(StandardCharsets.UTF_8));
            return readUntil(in, "</failure>", "<success");
        }
    }

    private static String readUntil(InputStream in, String... ends) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            for (String end : ends) {
                if (text.indexOf(end) >= 0) {
                    return text.toString();
                }
            }
        }
        return text.toString();
    }
}
