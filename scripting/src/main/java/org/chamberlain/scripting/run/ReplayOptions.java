package org.chamberlain.scripting.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a replay.
 *
 * @param defaultHost host for accounts without {@code connect_host}; null = the JID's domain
 * @param defaultPort port for accounts without {@code connect_port}; 0 = 5222
 * @param receiveTimeout how long a {@code receives} waits for a match
 * @param pause pause after each send, after the bytes are on the socket
 * @param nothingWindow how long {@code receives: nothing} watches
 * @param strictFifo fail a {@code receives} on the first stanza that does not match (diagnostic mode)
 * @param allowPlaintext allow logging in without TLS when the server offers none (loopback test servers)
 * @param trustedCertificates SHA-256 fingerprints (hex, any case, colons optional) of server certificates to
 *     accept although Java's trust store does not (a test server's self-signed certificate)
 */
public record ReplayOptions(String defaultHost, int defaultPort, Duration receiveTimeout, Duration pause,
        Duration nothingWindow, boolean strictFifo, boolean allowPlaintext, Duration connectTimeout,
        Set<String> trustedCertificates) {
    public ReplayOptions {
        Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        trustedCertificates = Set.copyOf(trustedCertificates);
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(nothingWindow, "nothingWindow");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Defaults of the contract: 5 s timeout, 1 ms pause, 0.5 s window, queue semantics, plaintext allowed. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(null, 0, Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(500),
                false, true, Duration.ofSeconds(10), Set.of());
    }

    public ReplayOptions withServer(String host, int port) {
        return new ReplayOptions(host, port, receiveTimeout, pause, nothingWindow, strictFifo, allowPlaintext,
                connectTimeout, trustedCertificates);
    }

    public ReplayOptions withReceiveTimeout(Duration value) {
        return new ReplayOptions(defaultHost, defaultPort, value, pause, nothingWindow, strictFifo, allowPlaintext,
                connectTimeout, trustedCertificates);
    }

    public ReplayOptions withPause(Duration value) {
        return new ReplayOptions(defaultHost, defaultPort, receiveTimeout, value, nothingWindow, strictFifo,
                allowPlaintext, connectTimeout, trustedCertificates);
    }

    public ReplayOptions withNothingWindow(Duration value) {
        return new ReplayOptions(defaultHost, defaultPort, receiveTimeout, pause, value, strictFifo, allowPlaintext,
                connectTimeout, trustedCertificates);
    }

    public ReplayOptions withStrictFifo(boolean value) {
        return new ReplayOptions(defaultHost, defaultPort, receiveTimeout, pause, nothingWindow, value,
                allowPlaintext, connectTimeout, trustedCertificates);
    }

    public ReplayOptions withTrustedCertificates(Set<String> fingerprints) {
        return new ReplayOptions(defaultHost, defaultPort, receiveTimeout, pause, nothingWindow, strictFifo,
                allowPlaintext, connectTimeout, fingerprints);
    }
}
