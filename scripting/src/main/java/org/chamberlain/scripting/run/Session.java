package org.chamberlain.scripting.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.chamberlain.scripting.parse.ClientDeclaration;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.XmlParsing;

/**
 * One account's connection during a script. Used by the runner thread only, which also serves the connection
 * (see {@link Poller}) and so calls the sink that fills the {@link Inbox}.
 */
final class Session {
    private final ClientDeclaration client;
    private final Inbox inbox;
    private final Poller poller;
    private RawConnection connection;
    /** A login started ahead of this account's connects action and not finished yet. */
    private RawConnection prepared;
    private boolean closing;
    private String fullJid;

    /** A connect, send or close that did not work, with a sentence for people. */
    static final class SessionException extends Exception {
        private static final long serialVersionUID = 1L;

        SessionException(String message) {
            super(message);
        }
    }

    Session(ClientDeclaration client, Inbox inbox, Poller poller) {
        this.client = client;
        this.inbox = inbox;
        this.poller = poller;
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

    /** Where and how this account logs in; null if its host cannot be resolved (reported by {@link #connect}). */
    private RawConnection.Settings settings(ReplayOptions options) {
        String bare = client.bareJid();
        int at = bare.indexOf('@');
        if (at <= 0 || at == bare.length() - 1) {
            return null;
        }
        String domain = bare.substring(at + 1);
        String host = host(options, domain);
        InetAddress address;
        try {
            address = poller.resolve(host);
        } catch (UnknownHostException e) {
            return null;
        }
        return new RawConnection.Settings(address, port(options), host, domain, bare.substring(0, at),
                client.password() == null ? "" : client.password(), client.resource(), options.allowPlaintext(),
                (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()),
                options.trustedCertificates());
    }

    private String host(ReplayOptions options, String domain) {
        return client.connectHost() != null ? client.connectHost()
                : options.defaultHost() != null ? options.defaultHost() : domain;
    }

    private int port(ReplayOptions options) {
        return client.connectPort() > 0 ? client.connectPort()
                : options.defaultPort() > 0 ? options.defaultPort() : 5222;
    }

    /**
     * Starts this account's login ahead of its {@code connects} action where that can be done without waiting
     * (see {@link RawConnection#prepare}); {@link #connect} finishes it. Problems are not reported here: the
     * connects action logs in from the start then, and reports them as always.
     */
    void prepare(ReplayOptions options) {
        if (connection != null || prepared != null) {
            return;
        }
        RawConnection.Settings settings = settings(options);
        if (settings != null) {
            prepared = RawConnection.prepare(settings, poller);
        }
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
        String domain = bare.substring(at + 1);
        String host = host(options, domain);
        int port = port(options);
        String resource = client.resource();
        RawConnection.Settings settings = settings(options);
        if (settings == null) {
            throw new SessionException("cannot resolve host '" + host + "' for " + client.name());
        }
        closing = false;
        RawConnection ahead = prepared;
        prepared = null;
        RawConnection opened;
        try {
            opened = RawConnection.open(settings, poller, new Sink(), ahead);
        } catch (RawConnection.ConnectFailure e) {
            String message = switch (e.stage()) {
                case CONNECT -> client.name() + " cannot connect to " + host + ":" + port + ": " + e.getMessage();
                case LOGIN_REFUSED -> "the server refused the login of " + client.name() + " as " + bare + ": "
                        + e.getMessage();
                default -> client.name() + " could not log in as " + bare + ": " + e.getMessage();
            };
            throw new SessionException(message);
        }
        String bound = opened.boundJid();
        if (resource != null && !sameJid(bound, bare + "/" + resource)) {
            opened.shutdownNow();
            throw new SessionException("the server bound " + bound + " for " + client.name() + ", but the script "
                    + "asked for " + bare + "/" + resource);
        }
        connection = opened;
        fullJid = bound;
    }

    private static boolean sameJid(String bound, String requested) {
        int boundSlash = bound.indexOf('/');
        int requestedSlash = requested.indexOf('/');
        return boundSlash > 0
                && bound.substring(0, boundSlash).equalsIgnoreCase(requested.substring(0, requestedSlash))
                && bound.substring(boundSlash).equals(requested.substring(requestedSlash));
    }

    /**
     * Writes the XML as one top-level element; returns once its bytes are in the kernel's socket buffer.
     */
    void send(String xml) throws SessionException, InterruptedException {
        if (!isConnected()) {
            throw new SessionException(client.name() + " is not connected");
        }
        try {
            connection.send(xml);
        } catch (IOException e) {
            throw new SessionException("cannot send as " + client.name() + ": the connection is closed ("
                    + RawConnection.message(e) + ")");
        }
    }

    /**
     * Starts closing the stream (no unavailable presence of our own); {@link #finishClose} waits for the
     * server. Idempotent.
     */
    void beginClose() throws InterruptedException {
        if (prepared != null) {
            // Never used (the script ended before this account's connects): the server ends the unbound session.
            prepared.beginClose();
        }
        if (connection == null || closing) {
            return;
        }
        closing = true;
        if (inbox.problem() == null) {
            connection.beginClose();
        }
    }

    /**
     * Waits (until the deadline, serving every connection) for the server's closing tag: the server has then left
     * this account's rooms before the next script starts. Then the socket is closed.
     */
    void finishClose(long deadlineNanos) throws InterruptedException {
        RawConnection unused = prepared;
        if (unused != null) {
            prepared = null;
            unused.awaitClosed(deadlineNanos);
        }
        RawConnection current = connection;
        if (current == null) {
            return;
        }
        connection = null;
        closing = true;
        if (inbox.problem() != null) {
            current.shutdownNow();
            return;
        }
        current.awaitClosed(deadlineNanos);
    }

    /** Closes the socket at once, without waiting for the server. Idempotent. */
    void shutdownNow() {
        if (prepared != null) {
            prepared.shutdownNow();
            prepared = null;
        }
        closing = true;
        if (connection != null) {
            connection.shutdownNow();
            connection = null;
        }
    }

    /** Closes the stream and waits for the server's end of it. Idempotent. */
    void close(long timeoutMillis) throws InterruptedException {
        beginClose();
        finishClose(System.nanoTime() + timeoutMillis * 1_000_000L);
    }

    /** Receives the connection's elements (on the runner thread, while it waits in the poller). */
    private final class Sink implements RawConnection.Sink {
        @Override
        public void element(String text, long arrivalNanos) {
            if (isStanza(text)) {
                inbox.add(new ReceivedStanza(client.name(), text, arrivalNanos));
            } else if (text.startsWith("<stream:error") && !closing) {
                inbox.problem("the server sent stream error " + streamError(text) + " to " + client.name());
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

    /** {@code 'condition'} and the server's text, if any, of a {@code <stream:error>}. */
    static String streamError(String xml) {
        Element error;
        try {
            error = XmlParsing.parseStanza(xml);
        } catch (XmlParsing.XmlProblem e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        String condition = "undefined-condition";
        String text = null;
        for (Element child : error.children()) {
            if ("text".equals(child.localName())) {
                text = child.text().strip();
            } else {
                condition = child.localName();
            }
        }
        return "'" + condition + "'" + (text == null || text.isEmpty() ? "" : " (" + text + ")");
    }

    /**
     * Whether a top-level element is a stanza ({@code message}, {@code presence}, {@code iq} in the stream's
     * default namespace {@code jabber:client}), judged from its start tag without parsing it. Anything that is not
     * well-formed still goes to the queue (the receives that looks at it reports it).
     */
    static boolean isStanza(String xml) {
        int end = 1;
        while (end < xml.length() && " \t\r\n/>".indexOf(xml.charAt(end)) < 0) {
            end++;
        }
        String name = xml.substring(1, end);
        if (!name.equals("message") && !name.equals("presence") && !name.equals("iq")) {
            return false;
        }
        int tagEnd = xml.indexOf('>');
        String startTag = tagEnd < 0 ? xml : xml.substring(0, tagEnd);
        // A default namespace other than jabber:client on the element itself makes it something else.
        int declaration = startTag.indexOf("xmlns=");
        return declaration < 0 || startTag.startsWith("jabber:client", declaration + 7);
    }
}
