package org.chamberlain.app.connections;

import java.time.Instant;
import java.util.Objects;

/**
 * A server certificate that the system does not trust, described so a person can decide whether to trust it
 * anyway (compare the fingerprint with one obtained from the server's administrator).
 *
 * @param server the XMPP domain we connected to
 * @param subject the certificate's subject (distinguished name)
 * @param issuer the certificate's issuer
 * @param sha256Fingerprint SHA-256 of the encoded certificate, upper-case hex, colon-separated
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param reason why the system refused it, in the TLS library's words
 */
public record CertificateProblem(String server, String subject, String issuer, String sha256Fingerprint,
        Instant notBefore, Instant notAfter, String reason) {

    public CertificateProblem {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(reason, "reason");
    }

    /** The question to ask the person, in one paragraph. */
    public String question() {
        return "The server " + server + " presented a certificate that is not trusted (" + reason + ").\n"
                + "Subject: " + subject + "\nIssuer: " + issuer + "\nValid: " + notBefore + " to " + notAfter
                + "\nSHA-256: " + sha256Fingerprint
                + "\nTrust this certificate for this account only if the fingerprint matches the one the server's"
                + " administrator gave you.";
    }
}
