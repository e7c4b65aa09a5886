package org.chamberlain.app.connections;

import org.chamberlain.app.errors.ModerationException;

/**
 * Connecting stopped because the server's certificate is not trusted. {@link #problem()} has what the person
 * needs to decide; to go on, trust it with {@link AccountConnection#trustCertificate(CertificateProblem)} and
 * connect again (and save {@link AccountConnection#account()} so the decision is remembered).
 */
public class UntrustedCertificateException extends ModerationException {
    private static final long serialVersionUID = 1L;

    private final transient CertificateProblem problem;

    public UntrustedCertificateException(CertificateProblem problem, Throwable cause) {
        super(Condition.CERTIFICATE_REJECTED, "The certificate of " + problem.server() + " is not trusted ("
                + problem.reason() + "). SHA-256 fingerprint: " + problem.sha256Fingerprint() + ".", null, cause);
        this.problem = problem;
    }

    public CertificateProblem problem() {
        return problem;
    }
}
