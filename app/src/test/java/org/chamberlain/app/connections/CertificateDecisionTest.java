package org.chamberlain.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.testkit.TestServers;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prosody that offers STARTTLS with a self-signed certificate (made with openssl for this test): the
 * certificate must come back as a decision with its fingerprint, and only a person's explicit trust lets the
 * account connect.
 */
class CertificateDecisionTest {
    @TempDir
    static Path dir;
    private static LocalProsody tlsServer;
    private static String expectedFingerprint;

    @BeforeAll
    static void startServerWithSelfSignedCertificate() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", certs.resolve("localhost.key").toString(), "-out", certs.resolve("localhost.crt").toString(),
                "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost")
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
        try (InputStream in = Files.newInputStream(certs.resolve("localhost.crt"))) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            expectedFingerprint = CertificateCheck.fingerprint(certificate);
        }
        // The shared test configuration plus mod_tls (it has none) with certificates from our directory, so
        // STARTTLS is offered.
        String config = Files.readString(TestServers.configFile(), StandardCharsets.UTF_8)
                .replace("certificates = dir", "certificates = \"" + certs.toAbsolutePath() + "\"")
                .replace("\"roster\"; \"saslauth\";", "\"roster\"; \"saslauth\"; \"tls\";");
        assertThat(config).contains("\"tls\";");
        assertThat(config).contains(certs.toAbsolutePath().toString());
        Path configFile = dir.resolve("prosody-tls.cfg.lua");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        tlsServer = TestServers.start(configFile);
    }

    @AfterAll
    static void stopServer() {
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    private static Account account(String user) {
        return new Account(user + "@localhost", Optional.of(tlsServer.host()), tlsServer.port(), TlsPolicy.REQUIRED,
                PasswordStorage.MEMORY, Set.of());
    }

    @Test
    void untrustedCertificateComesBackAsADecisionAndIsNeverAcceptedSilently() throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection connection = manager.open(account("careful"), "secret".toCharArray());

            assertThatThrownBy(connection::connect).isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                assertThat(e.condition()).isEqualTo(Condition.CERTIFICATE_REJECTED);
                CertificateProblem problem = e.problem();
                assertThat(problem.server()).isEqualTo("localhost");
                assertThat(problem.subject()).isEqualTo("CN=localhost");
                assertThat(problem.sha256Fingerprint()).isEqualTo(expectedFingerprint);
                assertThat(e.getMessage()).contains(expectedFingerprint);
                assertThat(problem.question()).contains("SHA-256: " + expectedFingerprint);
            });
            assertThat(connection.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(connection.isConnected()).isFalse();
        }
    }

    @Test
    void afterThePersonTrustsTheCertificateTheAccountConnectsEncrypted() throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection connection = manager.open(account("trusting"), "secret".toCharArray());
            UntrustedCertificateException refusal = org.junit.jupiter.api.Assertions.assertThrows(
                    UntrustedCertificateException.class, connection::connect);

            connection.trustCertificate(refusal.problem());
            connection.connect();

            assertThat(connection.isConnected()).isTrue();
            assertThat(((XMPPTCPConnection) connection.xmppConnection()).isSecureConnection()).isTrue();
            assertThat(connection.account().trustedCertificates()).containsExactly(expectedFingerprint);
        }
    }

    @Test
    void aDifferentPinnedCertificateDoesNotHelp() throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection connection = manager.open(account("pinned").trusting("00:11:22"),
                    "secret".toCharArray());
            assertThatThrownBy(connection::connect).isInstanceOf(UntrustedCertificateException.class);
        }
    }
}
