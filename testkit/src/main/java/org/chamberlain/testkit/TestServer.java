package org.chamberlain.testkit;

import org.chamberlain.prosody.LocalProsody;

/**
 * A running test server configured like Prosody's own 0.12.3 test environment: domain {@code localhost},
 * MUC at {@code conference.localhost}, any username and password accepted, plaintext allowed on loopback.
 */
public final class TestServer {
    private final LocalProsody prosody;

    TestServer(LocalProsody prosody) {
        this.prosody = prosody;
    }

    public String host() {
        return prosody.host();
    }

    public int port() {
        return prosody.port();
    }

    public String domain() {
        return prosody.domain();
    }

    /** The multi-user chat service of the test configuration. */
    public String mucService() {
        return "conference." + prosody.domain();
    }

    /** A bare JID on this server, e.g. {@code jid("owner")} is {@code owner@localhost}. */
    public String jid(String localpart) {
        return localpart + "@" + prosody.domain();
    }

    public boolean isAlive() {
        return prosody.isAlive();
    }

    public long pid() {
        return prosody.pid();
    }

    /** Kills the server abruptly, as a crash would. */
    public void kill() {
        prosody.kill();
    }

    public String logTail(int lines) {
        return prosody.logTail(lines);
    }

    @Override
    public String toString() {
        return prosody.toString();
    }
}
