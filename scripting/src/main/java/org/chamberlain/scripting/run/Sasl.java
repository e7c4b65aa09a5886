package org.chamberlain.scripting.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of the SASL mechanisms the replayer logs in with: SCRAM-SHA-256 and SCRAM-SHA-1 (RFC 5802,
 * RFC 7677; preferred when offered, as the contract says) and PLAIN (RFC 4616; only over TLS or where the user
 * allowed plaintext, as on a loopback test server). No channel binding, no authorization identity.
 *
 * <p>Used by one thread (the runner, during a connect).
 */
final class Sasl {
    private Sasl() {
    }

    /** One exchange of one mechanism. */
    interface Mechanism {
        String name();

        /** What goes into {@code <auth>}. */
        byte[] initialResponse();

        /** The answer to a {@code <challenge>}. */
        byte[] respond(byte[] challenge) throws SaslProblem;

        /** Checks the data of {@code <success>} (SCRAM: the server's signature). */
        void verifySuccess(byte[] additionalData) throws SaslProblem;
    }

    /** The server's SASL messages cannot be accepted (a forged or broken exchange). */
    static final class SaslProblem extends Exception {
        private static final long serialVersionUID = 1L;

        SaslProblem(String message) {
            super(message);
        }
    }

    /**
     * The best mechanism the server offers, or null if none can be used.
     *
     * @param plainAllowed PLAIN may be used (the stream is encrypted, or the user allowed plaintext)
     */
    static Mechanism choose(List<String> offered, String user, String password, boolean plainAllowed) {
        String name = choice(offered, plainAllowed);
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "SCRAM-SHA-256" -> new Scram(name, "HmacSHA256", "SHA-256", user, password, randomNonce());
            case "SCRAM-SHA-1" -> new Scram(name, "HmacSHA1", "SHA-1", user, password, randomNonce());
            default -> new Plain(user, password);
        };
    }

    /** The name of the mechanism {@link #choose} picks from these, or null; nothing is created. */
    static String choice(List<String> offered, boolean plainAllowed) {
        if (offered.contains("SCRAM-SHA-256")) {
            return "SCRAM-SHA-256";
        }
        if (offered.contains("SCRAM-SHA-1")) {
            return "SCRAM-SHA-1";
        }
        if (plainAllowed && offered.contains("PLAIN")) {
            return "PLAIN";
        }
        return null;
    }

    private static String randomNonce() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** RFC 4616: NUL, user, NUL, password in one message. */
    static final class Plain implements Mechanism {
        private final String user;
        private final String password;

        Plain(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public String name() {
            return "PLAIN";
        }

        @Override
        public byte[] initialResponse() {
            return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] respond(byte[] challenge) throws SaslProblem {
            throw new SaslProblem("the server sent a challenge to PLAIN");
        }

        @Override
        public void verifySuccess(byte[] additionalData) {
            // PLAIN has nothing to verify.
        }
    }

    /** RFC 5802 without channel binding ({@code n,,}). */
    static final class Scram implements Mechanism {
        private static final String GS2_HEADER = "n,,";
        private final String name;
        private final String hmac;
        private final String digest;
        private final String password;
        private final String clientNonce;
        private final String clientFirstBare;
        private byte[] serverSignature;

        Scram(String name, String hmac, String digest, String user, String password, String clientNonce) {
            this.name = name;
            this.hmac = hmac;
            this.digest = digest;
            this.password = password;
            this.clientNonce = clientNonce;
            this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public byte[] initialResponse() {
            return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] respond(byte[] challenge) throws SaslProblem {
            if (serverSignature != null) {
                throw new SaslProblem("the server sent a second SCRAM challenge");
            }
            String serverFirst = new String(challenge, StandardCharsets.UTF_8);
            String nonce = null;
            String salt = null;
            int iterations = -1;
            for (String part : serverFirst.split(",")) {
                if (part.startsWith("r=")) {
                    nonce = part.substring(2);
                } else if (part.startsWith("s=")) {
                    salt = part.substring(2);
                } else if (part.startsWith("i=")) {
                    try {
                        iterations = Integer.parseInt(part.substring(2));
                    } catch (NumberFormatException e) {
                        throw new SaslProblem("the server's SCRAM iteration count is not a number");
                    }
                } else if (part.startsWith("m=")) {
                    throw new SaslProblem("the server requires a SCRAM extension the replayer does not know");
                }
            }
            if (nonce == null || salt == null || iterations < 1 || !nonce.startsWith(clientNonce)) {
                throw new SaslProblem("the server's first SCRAM message is invalid");
            }
            try {
                byte[] saltedPassword = hi(password.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(salt),
                        iterations);
                String clientFinalWithoutProof = "c=" + Base64.getEncoder().encodeToString(
                        GS2_HEADER.getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
                byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof)
                        .getBytes(StandardCharsets.UTF_8);
                byte[] clientKey = mac(saltedPassword, "Client Key".getBytes(StandardCharsets.UTF_8));
                byte[] storedKey = MessageDigest.getInstance(digest).digest(clientKey);
                byte[] clientSignature = mac(storedKey, authMessage);
                byte[] proof = clientKey.clone();
                for (int i = 0; i < proof.length; i++) {
                    proof[i] ^= clientSignature[i];
                }
                byte[] serverKey = mac(saltedPassword, "Server Key".getBytes(StandardCharsets.UTF_8));
                serverSignature = mac(serverKey, authMessage);
                return (clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new SaslProblem("the server's SCRAM salt is not base64");
            } catch (GeneralSecurityException e) {
                throw new SaslProblem("this Java runtime cannot compute " + name + ": " + e.getMessage());
            }
        }

        @Override
        public void verifySuccess(byte[] additionalData) throws SaslProblem {
            String serverFinal = new String(additionalData, StandardCharsets.UTF_8);
            if (serverSignature == null || !serverFinal.startsWith("v=")) {
                throw new SaslProblem("the server's SCRAM success carries no signature");
            }
            byte[] received;
            try {
                received = Base64.getDecoder().decode(serverFinal.substring(2));
            } catch (IllegalArgumentException e) {
                throw new SaslProblem("the server's SCRAM signature is not base64");
            }
            if (!MessageDigest.isEqual(received, serverSignature)) {
                throw new SaslProblem("the server's SCRAM signature is wrong (not the server that knows the "
                        + "password)");
            }
        }

        /** PBKDF2 with the mechanism's HMAC, one block (RFC 5802's Hi). */
        private byte[] hi(byte[] secret, byte[] salt, int iterations) throws GeneralSecurityException {
            Mac mac = Mac.getInstance(hmac);
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, hmac));
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1});
            byte[] u = mac.doFinal();
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        }

        private byte[] mac(byte[] key, byte[] data) throws GeneralSecurityException {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            return mac.doFinal(data);
        }
    }
}
