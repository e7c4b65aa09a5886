package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS against a real Prosody with a self-signed certificate for {@code localhost}, dialled as 127.0.0.1:
 * the certificate is checked against the XMPP domain (not the dialled address), a certificate Java does not
 * trust is refused with its fingerprint in the message, and the same fingerprint given back is accepted.
 * The server is the shared test configuration with Prosody's {@code tls} module added and the certificate in a
 * folder of the test's own.
 */
class StartTlsTest {
    @TempDir
    static Path work;
    private static LocalProsody server;
    private static String fingerprint;

    @BeforeAll
    static void startServerWithCertificate() throws Exception {
        Path certificates = Files.createDirectories(work.resolve("certificates"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", certificates.resolve("localhost.key").toString(),
                "-out", certificates.resolve("localhost.crt").toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl: %s", output).isZero();
        try (InputStream in = Files.newInputStream(certificates.resolve("localhost.crt"))) {
            fingerprint = ServerCertificates.fingerprint((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        server = TestServers.start(tlsVariant(certificates));
    }

    /** The shared configuration, with STARTTLS offered (mod_tls) and certificates read from our folder. */
    private static Path tlsVariant(Path certificates) throws IOException {
        String shared = Files.readString(TestServers.configFile());
        String modules = "\"roster\"; \"saslauth\";";
        String certificatesLine = "certificates = dir";
        assertThat(shared).as("the shared config's module list and certificates line").contains(modules)
                .contains(certificatesLine);
        String variant = shared.replace(modules, modules + " \"tls\";")
                .replace(certificatesLine, "certificates = \"" + certificates + "\"");
        return Files.writeString(work.resolve("prosody-tls.cfg.lua"), variant);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static final String SCRIPT = """
            # TLS
            [Client] Romeo
            \tjid: romeo@localhost/balcony
            \tpassword: password

            ---
            Romeo connects
            Romeo sends:
            \t<iq type="get" id="ping1" to="localhost"><ping xmlns="urn:xmpp:ping"/></iq>
            Romeo receives:
            \t<iq type="result" id="ping1" from="localhost"/>
            Romeo disconnects
            """;

    private static ScriptResult replay(Set<String> trusted) throws InterruptedException {
        ReplayOptions options = ReplayOptions.defaults().withServer(server.host(), server.port())
                .withTrustedCertificates(trusted);
        ParseResult parsed = new ScriptParser().parse("tls.scs", SCRIPT);
        assertThat(parsed.errors()).isEmpty();
        RunResult result = new Replayer(options).run(List.of(parsed.script()), new Recorder());
        return result.scripts().get(0);
    }

    @Test
    void anUntrustedCertificateIsRefusedWithItsFingerprintToTrustIt() throws Exception {
        ScriptResult result = replay(Set.of());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.location()).isEqualTo("tls.scs:7");
        assertThat(result.message()).contains("the server's certificate for localhost is not trusted")
                .contains("self-signed").contains("--trust-certificate " + fingerprint);
    }

    @Test
    void aPinnedFingerprintIsAcceptedInAnySpelling() throws Exception {
        assertThat(replay(Set.of(fingerprint))).satisfies(r -> assertThat(r.verdict()).as(r.message())
                .isEqualTo(Verdict.PASSED));
        String lowerWithoutColons = fingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        assertThat(replay(Set.of(lowerWithoutColons)).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(server.logTail(400)).as("the server's log").contains("tls");
    }

    @Test
    void anotherFingerprintDoesNotOpenTheDoor() throws Exception {
        String other = "00" + fingerprint.substring(2);

        assertThat(replay(Set.of(other)).verdict()).isEqualTo(Verdict.ERROR);
    }
}
