package org.chamberlain.scripting.run;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides whether a server's certificate is trusted during STARTTLS: Java's trust store with the XMPP domain as
 * the identity to check (RFC 6120 §13.7.2), or else a certificate the person pinned by its SHA-256 fingerprint
 * (test servers have self-signed ones). Remembers the certificate it refused, so the error can name its
 * fingerprint. One instance per handshake; used on the runner thread only.
 */
final class ServerCertificates extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager system;
    private final Set<String> pinned;
    private String refusedFingerprint;

    ServerCertificates(Set<String> pinnedFingerprints) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509ExtendedTrustManager found = null;
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                found = extended;
            }
        }
        if (found == null) {
            throw new GeneralSecurityException("this Java has no X.509 trust manager");
        }
        this.system = found;
        this.pinned = pinnedFingerprints.stream().map(ServerCertificates::normalised).collect(Collectors.toSet());
    }

    /** A TLS context that trusts what this instance trusts. */
    SSLContext context() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context;
    }

    /** The fingerprint of the certificate refused in the last handshake, or null. */
    String refusedFingerprint() {
        return refusedFingerprint;
    }

    /** "AB:CD:…", the form browsers and {@code openssl x509 -fingerprint -sha256} show. */
    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot compute the certificate's SHA-256 fingerprint", e);
        }
    }

    /** Upper-case hex without separators, so "ab:cd" and "ABCD" are the same fingerprint. */
    static String normalised(String fingerprint) {
        return fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        systemOrPinned(chain, () -> system.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        systemOrPinned(chain, () -> system.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        systemOrPinned(chain, () -> ((X509TrustManager) system).checkServerTrusted(chain, authType));
    }

    /** One of the system trust manager's checks. */
    private interface SystemCheck {
        void run() throws CertificateException;
    }

    private void systemOrPinned(X509Certificate[] chain, SystemCheck check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException refused) {
            acceptPinnedOrThrow(chain, refused);
        }
    }

    private void acceptPinnedOrThrow(X509Certificate[] chain, CertificateException refused)
            throws CertificateException {
        if (chain.length == 0) {
            throw refused;
        }
        String fingerprint = fingerprint(chain[0]);
        if (pinned.contains(normalised(fingerprint))) {
            return;
        }
        refusedFingerprint = fingerprint;
        throw refused;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }
}
