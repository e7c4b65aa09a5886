package org.chamberlain.scripting.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.SocketFactory;
import org.chamberlain.scripting.parse.ClientDeclaration;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.chamberlain.scripting.xml.XmlParsing;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * One account's connection during a script. Used by the runner thread only; its connection's threads talk to
 * the {@link Inbox}.
 */
final class Session {
    private static final SocketFactory NO_DELAY = new NoDelaySocketFactory();

    private final ClientDeclaration client;
    private final Inbox inbox;
    private CapturingConnection connection;
    private volatile boolean capturing;
    private volatile boolean closing;
    private String fullJid;

    /** A connect, send or close that did not work, with a sentence for people. */
    static final class SessionException extends Exception {
        private static final long serialVersionUID = 1L;

        SessionException(String message) {
            super(message);
        }
    }

    Session(ClientDeclaration client, Inbox inbox) {
        this.client = client;
        this.inbox = inbox;
    }

    String name() {
        return client.name();
    }

    boolean isConnected() {
        return connection != null && !closing;
    }

    /** The full JID bound on the latest connection, or null if the account never connected. */
    String fullJid() {
        return fullJid;
    }

    void connect(ReplayOptions options) throws SessionException, InterruptedException {
        if (isConnected()) {
            throw new SessionException(client.name() + " is already connected");
        }
        String bare = client.bareJid();
        int at = bare.indexOf('@');
        if (at <= 0 || at == bare.length() - 1) {
            throw new SessionException("the jid of " + client.name() + " (" + client.jid()
                    + ") has no user part: the replayer logs in as user@domain");
        }
        String local = bare.substring(0, at);
        String domain = bare.substring(at + 1);
        String host = client.connectHost() != null ? client.connectHost()
                : options.defaultHost() != null ? options.defaultHost() : domain;
        int port = client.connectPort() > 0 ? client.connectPort()
                : options.defaultPort() > 0 ? options.defaultPort() : 5222;
        String resource = client.resource();
        CapturingConnection candidate;
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(domain)
                    .setHostAddress(InetAddress.getByName(host))
                    .setPort(port)
                    .setUsernameAndPassword(local, client.password())
                    .setSecurityMode(options.allowPlaintext() ? SecurityMode.ifpossible : SecurityMode.required)
                    .setSendPresence(false)
                    .setLanguage(Locale.ENGLISH)
                    .setSocketFactory(NO_DELAY)
                    .setConnectTimeout((int) options.connectTimeout().toMillis());
            if (resource != null) {
                builder.setResource(resource);
            }
            candidate = new CapturingConnection(builder.build(), new Sink());
        } catch (UnknownHostException e) {
            throw new SessionException("cannot resolve host '" + host + "' for " + client.name());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SessionException("invalid connection settings for " + client.name() + " (" + client.jid()
                    + "): " + describe(e));
        }
        candidate.setReplyTimeout(options.connectTimeout().toMillis());
        candidate.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                if (!closing) {
                    inbox.problem("the connection of " + client.name() + " was lost: " + describe(e));
                }
            }
        });
        closing = false;
        connection = candidate;
        try {
            candidate.connect();
        } catch (SmackException | IOException | XMPPException e) {
            shutdownQuietly();
            throw new SessionException(client.name() + " cannot connect to " + host + ":" + port + ": "
                    + describe(e));
        }
        try {
            candidate.login();
        } catch (SASLErrorException e) {
            shutdownQuietly();
            throw new SessionException("the server refused the login of " + client.name() + " as " + bare + ": "
                    + e.getSASLFailure().getSASLErrorString()
                    + (e.getSASLFailure().getDescriptiveText() == null ? ""
                            : " (" + e.getSASLFailure().getDescriptiveText() + ")"));
        } catch (SmackException | IOException | XMPPException e) {
            shutdownQuietly();
            throw new SessionException(client.name() + " could not log in as " + bare + ": " + describe(e));
        }
        String bound = candidate.getUser() == null ? null : candidate.getUser().toString();
        if (bound == null) {
            shutdownQuietly();
            throw new SessionException("the server bound no JID for " + client.name());
        }
        if (resource != null && !sameJid(bound, bare + "/" + resource)) {
            shutdownQuietly();
            throw new SessionException("the server bound " + bound + " for " + client.name() + ", but the script "
                    + "asked for " + bare + "/" + resource);
        }
        fullJid = bound;
        capturing = true;
    }

    private static boolean sameJid(String bound, String requested) {
        int boundSlash = bound.indexOf('/');
        int requestedSlash = requested.indexOf('/');
        return bound.substring(0, boundSlash).equalsIgnoreCase(requested.substring(0, requestedSlash))
                && bound.substring(boundSlash).equals(requested.substring(requestedSlash));
    }

    /**
     * Writes the XML as one top-level element and returns once its bytes are flushed to the socket.
     */
    void send(String xml, Duration timeout) throws SessionException, InterruptedException {
        if (!isConnected()) {
            throw new SessionException(client.name() + " is not connected");
        }
        FlushTrackingWriter writer = connection.trackedWriter();
        long target = writer.written() + xml.length();
        try {
            connection.sendNonza(new CapturingConnection.RawXml(xml));
        } catch (SmackException.NotConnectedException e) {
            throw new SessionException("cannot send as " + client.name() + ": the connection is closed");
        }
        if (!writer.awaitFlushed(target, timeout.toNanos())) {
            throw new SessionException("the stanza of " + client.name() + " was not written to the socket within "
                    + timeout.toMillis() + " ms");
        }
    }

    /** Closes the stream (no unavailable presence of our own) and the socket. Idempotent, never throws. */
    void close() {
        if (connection == null || closing) {
            return;
        }
        closing = true;
        capturing = false;
        CapturingConnection current = connection;
        try {
            if (current.isConnected() && !current.ended() && inbox.problem() == null) {
                // Closes the stream and waits (up to the reply timeout) for the server's closing tag: the
                // server has then left this account's rooms before the next script starts.
                current.disconnect((Presence) null);
            } else {
                current.instantShutdown();
            }
        } catch (SmackException.NotConnectedException | RuntimeException e) {
            current.instantShutdown();
        }
    }

    private void shutdownQuietly() {
        closing = true;
        capturing = false;
        CapturingConnection current = connection;
        if (current != null) {
            current.instantShutdown();
        }
    }

    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof XMPPException.StreamErrorException streamError) {
                String text = streamError.getStreamError().getDescriptiveText();
                return "the server sent stream error '" + streamError.getStreamError().getCondition() + "'"
                        + (text == null ? "" : ": " + text);
            }
            if (cause instanceof SASLErrorException saslError) {
                String text = saslError.getSASLFailure().getDescriptiveText();
                return "login refused (" + saslError.getSASLFailure().getSASLErrorString() + ")"
                        + (text == null ? "" : ": " + text);
            }
            if (cause instanceof SmackException.EndpointConnectionException endpoints) {
                // Smack's message lists every endpoint with Java exception names; people need the reason.
                for (var failure : endpoints.getConnectionExceptions()) {
                    Throwable reason = failure.getException();
                    if (reason != null && reason.getMessage() != null) {
                        return reason.getMessage();
                    }
                }
                return "the connection failed";
            }
            if (cause instanceof SmackException.NoResponseException) {
                return "the server did not answer in time";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName()
                : message.replaceAll("\\s+", " ");
    }

    /** Receives the connection's elements on its reader thread. */
    private final class Sink implements CapturingConnection.ElementSink {
        @Override
        public void element(String xml, long arrivalNanos) {
            if (!capturing) {
                return;
            }
            String text = xml.stripLeading();
            Element element;
            try {
                element = XmlParsing.parseStanza(text);
            } catch (XmlParsing.XmlProblem e) {
                inbox.add(new ReceivedStanza(client.name(), text, null, arrivalNanos));
                return;
            }
            if (isStanza(element)) {
                inbox.add(new ReceivedStanza(client.name(), text, element, arrivalNanos));
            }
        }

        @Override
        public void streamClosedByServer() {
            if (!closing) {
                inbox.problem("the server closed the stream of " + client.name());
            }
        }

        @Override
        public void ended(String why) {
            if (!closing) {
                inbox.problem("the connection of " + client.name() + " was lost: " + why);
            }
        }

        @Override
        public void unreadable(String problem) {
            if (!closing) {
                inbox.problem("the data received by " + client.name() + " cannot be read: " + problem);
            }
        }
    }

    private static boolean isStanza(Element element) {
        if (!Namespaces.JABBER_CLIENT.equals(element.namespace())) {
            return false;
        }
        String name = element.localName();
        return "message".equals(name) || "presence".equals(name) || "iq".equals(name);
    }

    /** Sockets with Nagle's algorithm off: a script's small stanzas must leave at once. */
    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket socket = new Socket(host, port, localHost, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket socket = new Socket(address, port, localAddress, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
