package org.chamberlain.app.connections;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;

/**
 * Trust decisions for one account: the system's trust store and hostname check, plus the fingerprints the
 * person chose to trust. A refusal is recorded as a {@link CertificateProblem} before the handshake fails, so
 * the connection can hand it to the person; nothing is ever accepted silently.
 *
 * <p>Called on the thread doing the TLS handshake (the one inside {@code connect()}); thread-safe.
 */
final class CertificateCheck implements X509TrustManager, HostnameVerifier {
    private final String server;
    private final X509TrustManager system;
    private final HostnameVerifier systemHostnames = new XmppHostnameVerifier();
    private final Supplier<Set<String>> trustedFingerprints;
    private final AtomicReference<CertificateProblem> lastProblem = new AtomicReference<>();

    CertificateCheck(String server, Supplier<Set<String>> trustedFingerprints) {
        this.server = server;
        this.system = systemTrustManager();
        this.trustedFingerprints = trustedFingerprints;
    }

    /** The problem seen by the last handshake, cleared by {@link #clearProblem()}. */
    CertificateProblem lastProblem() {
        return lastProblem.get();
    }

    void clearProblem() {
        lastProblem.set(null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate");
        }
        if (isPinned(chain[0])) {
            return;
        }
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            lastProblem.set(describe(chain[0], e.getMessage()));
            throw e;
        }
    }

    @Override
    public boolean verify(String hostname, SSLSession session) {
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) session.getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            return false;
        }
        if (isPinned(leaf)) {
            // The person looked at this exact certificate (including its names) and trusted it.
            return true;
        }
        if (systemHostnames.verify(hostname, session)) {
            return true;
        }
        lastProblem.set(describe(leaf, "the certificate is not valid for " + hostname));
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    private boolean isPinned(X509Certificate certificate) {
        try {
            return trustedFingerprints.get().contains(fingerprint(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private CertificateProblem describe(X509Certificate certificate, String reason) {
        String fingerprint;
        try {
            fingerprint = fingerprint(certificate);
        } catch (CertificateEncodingException e) {
            fingerprint = "(cannot be computed: " + e.getMessage() + ")";
        }
        return new CertificateProblem(server, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), fingerprint,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                reason == null ? "not trusted" : reason);
    }

    /** SHA-256 of the DER encoding, upper-case hex pairs joined by colons. */
    static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    return (X509TrustManager) manager;
                }
            }
            throw new IllegalStateException("The Java runtime offers no X.509 trust manager");
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("The Java runtime's trust store cannot be loaded: " + e.getMessage(), e);
        }
    }
}
