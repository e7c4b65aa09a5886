package org.chamberlain.scripting.run;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.chamberlain.scripting.xml.XmlParsing;
import org.chamberlain.scripting.xml.XmlWriter;

/**
 * One client connection of the replayer, without an XMPP library: TCP (Nagle off), stream, STARTTLS when
 * offered, SASL (SCRAM preferred, PLAIN where allowed), stream restart, resource binding, all on the calling
 * thread; then every top-level element that arrives is handed, exactly as it arrived, to a {@link Sink} on a
 * reader thread of the connection's own, and {@link #send} writes the caller's text unchanged.
 * docs/decisions/0003-replayer-without-smack.md says why this is not Smack.
 *
 * <p>Threads: {@link #open}, {@link #send} and the closing methods are called by the runner thread; the sink
 * is called on the reader thread (started at the end of {@link #open}, ended and joined by {@link #awaitClosed}
 * or {@link #shutdownNow}).
 */
final class RawConnection {
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    private static final int READ_BUFFER_CHARS = 8192;

    /** Receives the connection's elements on its reader thread, once the handshake is over. */
    interface Sink {
        void element(String xml, long arrivalNanos);

        /** The server sent its closing tag while we were not closing. */
        void streamClosedByServer();

        /** What arrived cannot be part of a stream. */
        void unreadable(String problem);

        /** The socket reached its end or failed while we were not closing. */
        void ended(String why);
    }

    /** Where a connect failed. */
    enum Stage { CONNECT, LOGIN_REFUSED, LOGIN }

    /** A connect that did not work, with what went wrong in words for people (no exception names). */
    static final class ConnectFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final Stage stage;

        ConnectFailure(Stage stage, String message) {
            super(message);
            this.stage = stage;
        }

        Stage stage() {
            return stage;
        }
    }

    /** What a connect needs to know. */
    record Settings(InetAddress address, int port, String host, String domain, String user, String password,
            String resource, boolean allowPlaintext, int timeoutMillis, java.util.Set<String> trustedCertificates) {
    }

    private record Arrival(String xml, long nanos) {
    }

    private final Settings settings;
    private final ArrayDeque<Arrival> handshakeQueue = new ArrayDeque<>();
    private final StreamSplitter splitter = new StreamSplitter(new SplitHandler());
    private final char[] buffer = new char[READ_BUFFER_CHARS];
    private Socket socket;
    private Reader in;
    private OutputStream out;
    private boolean encrypted;
    private boolean streamOpened;
    private long chunkArrival;
    private String boundJid;
    private Thread reader;
    /** Set on the runner thread before the reader thread starts (published by {@code Thread.start}). */
    private Sink sink;
    private volatile boolean closing;
    private volatile boolean serverClosed;
    private volatile boolean ended;

    private RawConnection(Settings settings) {
        this.settings = settings;
    }

    /**
     * Connects, logs in and binds; then starts capturing into {@code sink}. Nothing else is sent: no presence,
     * no roster request, nothing after the bind.
     */
    static RawConnection open(Settings settings, Sink sink, String readerName) throws ConnectFailure {
        RawConnection connection = new RawConnection(settings);
        try {
            connection.handshake();
        } catch (ConnectFailure e) {
            connection.closeSocket();
            throw e;
        } catch (RuntimeException e) {
            connection.closeSocket();
            throw new ConnectFailure(Stage.LOGIN, "unexpected answer from the server (" + e.getMessage() + ")");
        }
        connection.startCapture(sink, readerName);
        return connection;
    }

    /** The full JID the server bound. */
    String boundJid() {
        return boundJid;
    }

    /** True once the socket reached its end or failed. */
    boolean ended() {
        return ended;
    }

    /**
     * Writes the text as it is; returns once all its bytes are in the kernel's socket buffer (the socket's
     * stream is unbuffered), so a pause after it really follows the send.
     */
    void send(String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            out.write(bytes);
        }
    }

    private void handshake() throws ConnectFailure {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.address(), settings.port()), settings.timeoutMillis());
            socket.setSoTimeout(settings.timeoutMillis());
            useStreams();
        } catch (IOException e) {
            throw new ConnectFailure(Stage.CONNECT, message(e));
        }
        Element features = openStream(Stage.CONNECT);
        if (child(features, TLS, "starttls") != null) {
            features = startTls();
        } else if (!settings.allowPlaintext()) {
            throw new ConnectFailure(Stage.CONNECT, "the server offers no TLS, and plaintext was not allowed");
        }
        authenticate(features);
        features = openStream(Stage.LOGIN);
        if (child(features, BIND, "bind") == null) {
            throw new ConnectFailure(Stage.LOGIN, "the server offers no resource binding");
        }
        String resource = settings.resource() == null ? ""
                : "<resource>" + XmlWriter.escapeAttribute(settings.resource())
                        + "</resource>";
        Element bound = request("<iq type='set' id='bind-1'><bind xmlns='" + BIND + "'>" + resource
                + "</bind></iq>", "bind-1");
        Element jid = child(child(bound, BIND, "bind"), Namespaces.JABBER_CLIENT, "jid");
        if (jid == null) {
            jid = child(child(bound, BIND, "bind"), BIND, "jid");
        }
        if (jid == null || jid.text().isBlank()) {
            throw new ConnectFailure(Stage.LOGIN, "the server bound no JID");
        }
        boundJid = jid.text().strip();
        Element session = child(features, SESSION, "session");
        if (session != null && child(session, SESSION, "optional") == null) {
            // RFC 3921 servers still want the session IQ (RFC 6121 made it optional, as Prosody says).
            request("<iq type='set' id='session-1'><session xmlns='" + SESSION + "'/></iq>", "session-1");
        }
        try {
            socket.setSoTimeout(0);
        } catch (IOException e) {
            throw new ConnectFailure(Stage.LOGIN, message(e));
        }
    }

    private void useStreams() throws IOException {
        in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
        out = socket.getOutputStream();
    }

    /** Sends our stream header and reads the server's header and features. */
    private Element openStream(Stage stage) throws ConnectFailure {
        streamOpened = false;
        try {
            send("<stream:stream xmlns='jabber:client' to='" + XmlWriter.escapeAttribute(settings.domain())
                    + "' xmlns:stream='" + Namespaces.STREAMS
                    + "' version='1.0' xml:lang='en'>");
        } catch (IOException e) {
            throw new ConnectFailure(stage, message(e));
        }
        Element features = next(stage);
        if (!streamOpened || !isStreams(features, "features")) {
            throw new ConnectFailure(stage, "the server answered the stream header with <" + features.displayName()
                    + "> instead of its stream features");
        }
        return features;
    }

    private Element startTls() throws ConnectFailure {
        try {
            send("<starttls xmlns='" + TLS + "'/>");
        } catch (IOException e) {
            throw new ConnectFailure(Stage.CONNECT, message(e));
        }
        Element answer = next(Stage.CONNECT);
        if (!TLS.equals(answer.namespace()) || !"proceed".equals(answer.localName())) {
            throw new ConnectFailure(Stage.CONNECT, "the server refused STARTTLS");
        }
        ServerCertificates trust;
        SSLSocket tls;
        try {
            trust = new ServerCertificates(settings.trustedCertificates());
            // The identity to check is the XMPP domain, not the host we dialled (--host 127.0.0.1, a
            // connect_host): RFC 6120 §13.7.2. The same name goes out as SNI.
            tls = (SSLSocket) trust.context().getSocketFactory().createSocket(socket, settings.domain(),
                    settings.port(), true);
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new ConnectFailure(Stage.CONNECT, "TLS could not start: " + message(e));
        }
        try {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            socket = tls;
            encrypted = true;
            useStreams();
        } catch (IOException e) {
            String refused = trust.refusedFingerprint();
            if (refused != null) {
                throw new ConnectFailure(Stage.CONNECT, "the server's certificate for " + settings.domain()
                        + " is not trusted (" + certificateProblem(e) + "). Its SHA-256 fingerprint is " + refused
                        + "; if this is the server you meant, run again with --trust-certificate " + refused);
            }
            throw new ConnectFailure(Stage.CONNECT, "TLS failed: " + message(e));
        }
        return openStream(Stage.CONNECT);
    }

    /** Java's reasons for refusing a certificate, in words for people where we know them. */
    private String certificateProblem(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = String.valueOf(root.getMessage());
        if (text.contains("unable to find valid certification path")) {
            return "it is not signed by an authority this Java trusts, e.g. self-signed";
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "it is not issued for " + settings.domain();
        }
        if (root instanceof java.security.cert.CertificateExpiredException) {
            return "it has expired";
        }
        return text;
    }

    private void authenticate(Element features) throws ConnectFailure {
        List<String> offered = new ArrayList<>();
        Element mechanisms = child(features, SASL, "mechanisms");
        if (mechanisms != null) {
            for (Element mechanism : mechanisms.children()) {
                offered.add(mechanism.text().strip());
            }
        }
        Sasl.Mechanism mechanism = Sasl.choose(offered, settings.user(), settings.password(),
                encrypted || settings.allowPlaintext());
        if (mechanism == null) {
            throw new ConnectFailure(Stage.LOGIN, "the server offers no login mechanism the replayer can use "
                    + offered);
        }
        try {
            send("<auth xmlns='" + SASL + "' mechanism='" + mechanism.name() + "'>"
                    + base64(mechanism.initialResponse()) + "</auth>");
            while (true) {
                Element answer = next(Stage.LOGIN);
                if (!SASL.equals(answer.namespace())) {
                    throw new ConnectFailure(Stage.LOGIN, "the server answered the login with <"
                            + answer.displayName() + ">");
                }
                switch (answer.localName()) {
                    case "challenge" -> send("<response xmlns='" + SASL + "'>"
                            + base64(mechanism.respond(decode(answer.text()))) + "</response>");
                    case "success" -> {
                        mechanism.verifySuccess(decode(answer.text()));
                        return;
                    }
                    case "failure" -> throw refused(answer);
                    default -> throw new ConnectFailure(Stage.LOGIN, "the server answered the login with <"
                            + answer.localName() + ">");
                }
            }
        } catch (IOException e) {
            throw new ConnectFailure(Stage.LOGIN, message(e));
        } catch (Sasl.SaslProblem e) {
            throw new ConnectFailure(Stage.LOGIN, e.getMessage());
        }
    }

    private static ConnectFailure refused(Element failure) {
        String condition = "not-authorized";
        String text = null;
        for (Element child : failure.children()) {
            if ("text".equals(child.localName())) {
                text = child.text().strip();
            } else {
                condition = child.localName();
            }
        }
        return new ConnectFailure(Stage.LOGIN_REFUSED, condition + (text == null || text.isEmpty() ? ""
                : " (" + text + ")"));
    }

    /** Sends an IQ and reads until its answer; an error answer fails the login. */
    private Element request(String iq, String id) throws ConnectFailure {
        try {
            send(iq);
        } catch (IOException e) {
            throw new ConnectFailure(Stage.LOGIN, message(e));
        }
        while (true) {
            Element answer = next(Stage.LOGIN);
            if ("iq".equals(answer.localName()) && id.equals(answer.attribute("id"))) {
                if ("result".equals(answer.attribute("type"))) {
                    return answer;
                }
                Element error = child(answer, Namespaces.JABBER_CLIENT, "error");
                String condition = error == null || error.children().isEmpty() ? "no condition"
                        : error.children().get(0).localName();
                throw new ConnectFailure(Stage.LOGIN, "the server refused " + (id.startsWith("bind")
                        ? "to bind the resource" : "the session") + " (" + condition + ")");
            }
            // Anything else before the answer (nothing is expected) is not the script's business.
        }
    }

    /** The next top-level element during the handshake; stream errors and an ended stream fail it. */
    private Element next(Stage stage) throws ConnectFailure {
        try {
            while (handshakeQueue.isEmpty()) {
                if (serverClosed) {
                    throw new ConnectFailure(stage, "the server closed the stream");
                }
                int count = in.read(buffer);
                if (count < 0) {
                    throw new EOFException("the server closed the connection");
                }
                chunkArrival = System.nanoTime();
                splitter.feed(buffer, 0, count);
            }
        } catch (SocketTimeoutException e) {
            throw new ConnectFailure(stage, "the server did not answer in time");
        } catch (IOException e) {
            throw new ConnectFailure(stage, message(e));
        }
        Arrival arrival = handshakeQueue.removeFirst();
        Element element;
        try {
            element = XmlParsing.parseStanza(arrival.xml());
        } catch (XmlParsing.XmlProblem e) {
            throw new ConnectFailure(stage, "the server sent XML that cannot be read: " + e.getMessage());
        }
        if (isStreams(element, "error")) {
            String condition = "undefined-condition";
            String text = null;
            for (Element child : element.children()) {
                if ("text".equals(child.localName())) {
                    text = child.text().strip();
                } else {
                    condition = child.localName();
                }
            }
            throw new ConnectFailure(stage, "the server sent stream error '" + condition + "'"
                    + (text == null || text.isEmpty() ? "" : ": " + text));
        }
        return element;
    }

    private void startCapture(Sink target, String readerName) {
        sink = target;
        // Anything that came with the bind answer (nothing does today) goes to the sink first, in order.
        while (!handshakeQueue.isEmpty()) {
            Arrival early = handshakeQueue.removeFirst();
            target.element(early.xml(), early.nanos());
        }
        reader = new Thread(this::readLoop, readerName);
        reader.setDaemon(true);
        reader.start();
    }

    /** The reader thread: reads until the end of the socket, or the server's closing tag once we close. */
    private void readLoop() {
        try {
            while (!(closing && serverClosed)) {
                int count = in.read(buffer);
                if (count < 0) {
                    ended = true;
                    if (!closing) {
                        sink.ended("the server closed the connection");
                    }
                    return;
                }
                chunkArrival = System.nanoTime();
                splitter.feed(buffer, 0, count);
            }
        } catch (IOException e) {
            ended = true;
            if (!closing) {
                if (e instanceof java.net.SocketException || e instanceof EOFException) {
                    sink.ended(message(e));
                } else {
                    sink.unreadable(message(e));
                }
            }
        } catch (RuntimeException e) {
            ended = true;
            if (!closing) {
                sink.unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
    }

    /**
     * Starts closing: sends our closing tag unless the socket is already gone. {@link #awaitClosed} finishes.
     * Several connections can be closed at once this way.
     */
    void beginClose() {
        closing = true;
        if (!ended && !serverClosed) {
            try {
                send("</stream:stream>");
            } catch (IOException e) {
                ended = true;
            }
        }
    }

    /**
     * Waits (up to the timeout) for the server's closing tag or the end of the socket — the server has then
     * ended the session (left its rooms) — then closes the socket and joins the reader thread.
     */
    void awaitClosed(long timeoutMillis) throws InterruptedException {
        closing = true;
        if (reader != null && !ended) {
            reader.join(Math.max(1, timeoutMillis));
        }
        closeSocket();
        joinReader();
    }

    /** Closes the socket at once and joins the reader thread. */
    void shutdownNow() {
        closing = true;
        closeSocket();
        boolean interrupted = false;
        while (true) {
            try {
                joinReader();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinReader() throws InterruptedException {
        if (reader != null) {
            reader.join();
        }
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a socket that failed: nothing left to release or report.
                ended = true;
            }
        }
    }

    private static boolean isStreams(Element element, String name) {
        return Namespaces.STREAMS.equals(element.namespace()) && name.equals(element.localName());
    }

    private static Element child(Element parent, String namespace, String name) {
        if (parent == null) {
            return null;
        }
        for (Element child : parent.children()) {
            if (namespace.equals(child.namespace()) && name.equals(child.localName())) {
                return child;
            }
        }
        return null;
    }

    private static String base64(byte[] data) {
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }

    private static byte[] decode(String text) throws Sasl.SaslProblem {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new Sasl.SaslProblem("the server's SASL data is not base64");
        }
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    /** Feeds the handshake queue, then (after {@link #startCapture}) the sink. */
    private final class SplitHandler implements StreamSplitter.Handler {
        @Override
        public void streamOpened() {
            streamOpened = true;
        }

        @Override
        public void element(String xml) {
            if (sink == null) {
                handshakeQueue.addLast(new Arrival(xml, chunkArrival));
            } else {
                sink.element(xml, chunkArrival);
            }
        }

        @Override
        public void streamClosed() {
            serverClosed = true;
            if (sink != null && !closing) {
                sink.streamClosedByServer();
            }
        }
    }
}
