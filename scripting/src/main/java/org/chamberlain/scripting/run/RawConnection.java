package org.chamberlain.scripting.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.chamberlain.scripting.xml.XmlParsing;
import org.chamberlain.scripting.xml.XmlWriter;

/**
 * One client connection of the replayer, without an XMPP library: TCP (Nagle off), stream, STARTTLS when
 * offered, SASL (SCRAM preferred, PLAIN where allowed), stream restart, resource binding; then every top-level
 * element that arrives is handed, exactly as it arrived, to a {@link Sink}, and {@link #send} writes the
 * caller's text unchanged. docs/decisions/0003-replayer-without-smack.md says why this is not Smack, and why
 * there is no thread of its own.
 *
 * <p>The socket is a non-blocking channel registered with the run's {@link Poller}; TLS is an {@link SSLEngine}
 * over it. Threads: everything, including the sink's calls, happens on the runner thread: its own calls
 * ({@link #open}, {@link #send}, the closing methods) and, whenever the runner waits in the poller,
 * {@link #ready} for what arrived.
 */
final class RawConnection {
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    private static final int READ_BUFFER_BYTES = 32 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    /** Receives the connection's elements (on the runner thread), once the handshake is over. */
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
    private final Poller poller;
    private final long timeoutNanos;
    private final ArrayDeque<Arrival> handshakeQueue = new ArrayDeque<>();
    private final StreamSplitter splitter = new StreamSplitter(new SplitHandler());
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(READ_BUFFER_BYTES);
    /** Bytes read from the socket and not yet used (write mode). */
    private ByteBuffer netIn = ByteBuffer.allocate(READ_BUFFER_BYTES);
    /** TLS: decrypted bytes not yet decoded (write mode). */
    private ByteBuffer appIn;
    /** TLS: encrypted bytes not yet written (write mode). */
    private ByteBuffer netOut;
    private SocketChannel channel;
    private SelectionKey key;
    private SSLEngine engine;
    /** During the TLS handshake the engine reads {@link #netIn} itself; arrivals only fill it. */
    private boolean tlsHandshaking;
    private long bytesRead;
    private boolean connected;
    private String connectProblem;
    private boolean writable;
    /** In {@link #writeAll}: {@link #netOut} is being written and must not be wrapped into meanwhile. */
    private boolean writing;
    private boolean encrypted;
    private boolean streamOpened;
    private long chunkArrival;
    private String boundJid;
    private Sink sink;
    private boolean closing;
    private boolean serverClosed;
    private boolean ended;
    /** Why reading ended, for a handshake that was waiting. */
    private String endProblem;
    /** How often the login waited for the server's next element (its round trips, roughly). */
    private int waits;
    /** A pipelined login: the mechanism the {@code <auth>} was written for, and its exchange. */
    private String predicted;
    private Sasl.Mechanism mechanism;
    /** Started by {@link #prepare} ahead of its connects action. */
    private boolean prepared;
    private long started;
    private long connectedAt;
    /** When the login went on towards the features: at once, or (prepared) at the connects action. */
    private long resumedAt;
    private long featuresAt;

    private RawConnection(Settings settings, Poller poller) {
        this.settings = settings;
        this.poller = poller;
        this.timeoutNanos = settings.timeoutMillis() * 1_000_000L;
    }

    /**
     * Connects, logs in and binds; then hands arrivals to {@code sink}. Nothing else is sent: no presence, no
     * roster request, nothing after the bind.
     */
    static RawConnection open(Settings settings, Poller poller, Sink sink) throws ConnectFailure,
            InterruptedException {
        return open(settings, poller, sink, null);
    }

    /**
     * Like {@link #open(Settings, Poller, Sink)}, finishing {@code prepared} (from {@link #prepare}, or null) if it
     * can be. A prepared login that meets anything unexpected — other features, a refusal, a stream error, a closed
     * socket, no answer — is closed and the login is done again from the start, step by step, so that the outcome
     * and its message are those of today's login started at this moment.
     */
    static RawConnection open(Settings settings, Poller poller, Sink sink, RawConnection prepared)
            throws ConnectFailure, InterruptedException {
        boolean mayPipeline = true;
        if (prepared != null) {
            try {
                prepared.resumedAt = System.nanoTime();
                prepared.finishHandshake();
                prepared.startCapture(sink);
                return prepared;
            } catch (ConnectFailure | Mispredicted | RuntimeException e) {
                prepared.closeChannel();
                poller.logins().preparedRedone();
                mayPipeline = false;
            }
        }
        RawConnection connection;
        try {
            connection = attempt(settings, poller, mayPipeline);
        } catch (Mispredicted e) {
            // The server's features were not those the pipelined <auth> was written for: that connection is
            // closed (it never bound a resource, so no other account saw it), and this one talks step by step.
            poller.logins().fallback();
            try {
                connection = attempt(settings, poller, false);
            } catch (Mispredicted impossible) {
                throw new IllegalStateException("a login without pipelining cannot be mispredicted", impossible);
            }
        }
        connection.startCapture(sink);
        return connection;
    }

    /**
     * Starts a login ahead of its {@code connects} action, where it can be pipelined (see {@link #handshake}): TCP,
     * then the stream header and the {@code <auth>} in one write; nothing is waited for. The server's answers are
     * read into the connection while the runner waits for anything else; {@link #open(Settings, Poller, Sink,
     * RawConnection)} finishes it at the {@code connects} action (the bind, which makes the session visible to
     * others, happens only then). Returns null where the login cannot be started so (features not known yet,
     * STARTTLS, a connect that does not complete at once, any error): the connects action then logs in as usual.
     */
    static RawConnection prepare(Settings settings, Poller poller) {
        RawConnection connection = new RawConnection(settings, poller);
        if (connection.predictedMechanism() == null) {
            return null;
        }
        try {
            connection.started = System.nanoTime();
            if (connection.connectAtOnce()) {
                connection.connectedAt = System.nanoTime();
                if (connection.startPipelinedLogin()) {
                    connection.prepared = true;
                    poller.logins().prepared();
                    return connection;
                }
            }
        } catch (ConnectFailure | IOException | RuntimeException e) {
            // Not started ahead: the connects action will log in from the start and report what goes wrong then.
            connection.closeChannel();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.closeChannel();
        return null;
    }

    private static RawConnection attempt(Settings settings, Poller poller, boolean mayPipeline)
            throws ConnectFailure, InterruptedException, Mispredicted {
        RawConnection connection = new RawConnection(settings, poller);
        try {
            connection.handshake(mayPipeline);
            return connection;
        } catch (ConnectFailure | InterruptedException | Mispredicted e) {
            connection.closeChannel();
            throw e;
        } catch (RuntimeException e) {
            connection.closeChannel();
            throw new ConnectFailure(Stage.LOGIN, "unexpected answer from the server (" + e.getMessage() + ")");
        }
    }

    /** A pipelined login found other stream features than it was written for. */
    private static final class Mispredicted extends Exception {
        private static final long serialVersionUID = 1L;

        Mispredicted() {
            super(null, null, false, false);
        }
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
     * Writes the text as it is; returns once all its bytes are in the kernel's socket buffer, so a pause after
     * it really follows the send. (If the kernel's buffer is full, arrivals are handled while it drains.)
     */
    void send(String xml) throws IOException, InterruptedException {
        ByteBuffer bytes = ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8));
        if (engine == null) {
            writeAll(bytes);
        } else {
            wrap(bytes);
            writeAll(netOut);
        }
    }

    /**
     * Writes everything in {@code buffer} (read mode; for {@link #netOut}: write mode, written and compacted).
     */
    private void writeAll(ByteBuffer buffer) throws IOException, InterruptedException {
        boolean pending = buffer == netOut;
        if (pending) {
            netOut.flip();
        }
        writing = true;
        try {
            long deadline = 0;
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) > 0) {
                    continue;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + timeoutNanos;
                }
                writable = false;
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                while (!writable) {
                    if (ended) {
                        throw new IOException(endProblem);
                    }
                    if (!poller.poll(deadline)) {
                        throw new IOException("the server read nothing for " + settings.timeoutMillis() + " ms");
                    }
                }
            }
        } finally {
            writing = false;
            if (pending) {
                netOut.compact();
            }
        }
    }

    /** Called by the poller on the runner thread with what is ready on this connection's channel. */
    void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            finishConnect();
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && key.isValid()) {
            writable = true;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && key.isValid()) {
            readable();
        }
    }

    private void finishConnect() {
        try {
            if (channel.finishConnect()) {
                connected = true;
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            // A failed finishConnect has closed the channel (and so cancelled its key) already.
            connectProblem = message(e);
        }
    }

    private void readable() {
        while (!ended) {
            int room = netIn.remaining();
            int count;
            try {
                count = channel.read(netIn);
            } catch (IOException e) {
                end(message(e), false);
                return;
            }
            if (count < 0) {
                end("the server closed the connection", false);
                return;
            }
            if (count == 0) {
                return;
            }
            chunkArrival = System.nanoTime();
            bytesRead += count;
            if (tlsHandshaking) {
                if (!netIn.hasRemaining()) {
                    netIn = enlarged(netIn, netIn.capacity() * 2);
                }
                return;
            }
            try {
                useInput();
            } catch (IOException | RuntimeException e) {
                end(e.getMessage() == null ? e.getClass().getSimpleName() : message(e), true);
                return;
            }
            if (count < room) {
                // The socket had less than the buffer holds: it is drained (the selector says if more comes).
                return;
            }
        }
    }

    /** Reading is over: the end of the socket, a failure, or data that cannot be part of a stream. */
    private void end(String why, boolean unreadable) {
        ended = true;
        if (key.isValid()) {
            key.interestOps(0);
        }
        if (endProblem == null) {
            endProblem = unreadable ? "the server sent data that cannot be read: " + why : why;
        }
        if (sink != null && !closing) {
            if (unreadable) {
                sink.unreadable(why);
            } else {
                sink.ended(why);
            }
        }
    }

    /** Decrypts (TLS) and decodes what was read, and feeds the splitter. */
    private void useInput() throws IOException {
        if (engine == null) {
            netIn.flip();
            try {
                decode(netIn);
            } finally {
                netIn.compact();
            }
            return;
        }
        boolean closedByServer = false;
        netIn.flip();
        try {
            while (netIn.hasRemaining()) {
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runDelegatedTasks();
                }
                if (!writing && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    // A post-handshake message that needs an answer (a TLS 1.3 key update): written as soon as
                    // the socket takes it, without waiting here.
                    wrap(NOTHING);
                    writeWhatTheSocketTakes();
                }
                SSLEngineResult.Status status = result.getStatus();
                if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    break;
                } else if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn.flip();
                    decode(appIn);
                    appIn.compact();
                    int needed = engine.getSession().getApplicationBufferSize();
                    if (appIn.remaining() < needed) {
                        appIn = enlarged(appIn, appIn.position() + needed);
                    }
                } else if (status == SSLEngineResult.Status.CLOSED) {
                    closedByServer = true;
                    break;
                } else if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                    break;
                }
            }
        } finally {
            netIn.compact();
        }
        int packet = engine.getSession().getPacketBufferSize();
        if (netIn.capacity() < packet) {
            netIn = enlarged(netIn, packet);
        }
        appIn.flip();
        try {
            decode(appIn);
        } finally {
            appIn.compact();
        }
        if (closedByServer) {
            end("the server ended TLS", false);
        }
    }

    /** Decodes UTF-8 (an incomplete sequence at the end stays in {@code bytes}) and feeds the splitter. */
    private void decode(ByteBuffer bytes) throws IOException {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, false);
            chars.flip();
            if (chars.hasRemaining()) {
                splitter.feed(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
            }
            chars.clear();
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    /** TLS: encrypts {@code plain} into {@link #netOut}. */
    private SSLEngineResult wrap(ByteBuffer plain) throws SSLException {
        while (true) {
            SSLEngineResult result = engine.wrap(plain, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = enlarged(netOut, netOut.position() + engine.getSession().getPacketBufferSize());
                continue;
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
            if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            }
            if (!plain.hasRemaining()) {
                return result;
            }
        }
    }

    private void writeWhatTheSocketTakes() throws IOException {
        netOut.flip();
        try {
            channel.write(netOut);
        } finally {
            netOut.compact();
        }
    }

    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static ByteBuffer enlarged(ByteBuffer buffer, int capacity) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(capacity, buffer.capacity()));
        buffer.flip();
        larger.put(buffer);
        return larger;
    }

    /**
     * TCP, stream, SASL, restart, bind. The bytes and their order are always those of the step-by-step login; where
     * the answer is known, the next message is written without waiting for it (XEP-0305's idea, kept within what
     * the server has already done):
     * <ul>
     * <li>the stream header and the {@code <auth>} go out together when an earlier connection of this run to the
     * same address, port and domain saw features without STARTTLS in which the same mechanism would be chosen
     * ({@code mayPipeline}); if the features that come are different, {@link Mispredicted} sends the caller back to
     * the step-by-step login on a new connection;</li>
     * <li>after {@code <success/>} the restart header and the bind {@code <iq>} go out together.</li>
     * </ul>
     * Nothing is ever written after {@code <auth>} before the server's {@code <success/>}: Prosody 0.12 resets its
     * parser while it handles {@code <auth>}; that it still reads what followed {@code </auth>} in the same chunk
     * is a side effect of its synchronous authentication, not a promise (docs/notes/login-pipelining.md).
     */
    private void handshake(boolean mayPipeline) throws ConnectFailure, InterruptedException, Mispredicted {
        started = System.nanoTime();
        connect();
        connectedAt = System.nanoTime();
        resumedAt = connectedAt;
        if (!mayPipeline || !startPipelinedLogin()) {
            stepByStepLogin();
        }
        finishHandshake();
    }

    /** "address port domain": logins to the same key are expected to meet the same stream features. */
    private String serverKey() {
        return settings.address().getHostAddress() + " " + settings.port() + " " + settings.domain();
    }

    /**
     * If an earlier connection of this run saw this server's features and they allow it, writes the stream header
     * and the {@code <auth>} together (the connection is established) and returns true.
     */
    private boolean startPipelinedLogin() throws ConnectFailure, InterruptedException {
        predicted = predictedMechanism();
        if (predicted == null) {
            return false;
        }
        mechanism = Sasl.choose(poller.knownFeatures(serverKey()).mechanisms(), settings.user(), settings.password(),
                true);
        send(streamHeader() + authElement(mechanism), Stage.CONNECT);
        return true;
    }

    /** The mechanism a pipelined login would use here, or null if the login cannot be pipelined. */
    private String predictedMechanism() {
        Poller.KnownFeatures known = settings.allowPlaintext() ? poller.knownFeatures(serverKey()) : null;
        return known == null || known.startTls() ? null : Sasl.choice(known.mechanisms(), true);
    }

    private void stepByStepLogin() throws ConnectFailure, InterruptedException {
        Element features = openStream(Stage.CONNECT);
        featuresAt = System.nanoTime();
        poller.rememberFeatures(serverKey(), describe(features));
        if (child(features, TLS, "starttls") != null) {
            features = startTls();
        } else if (!settings.allowPlaintext()) {
            throw new ConnectFailure(Stage.CONNECT, "the server offers no TLS, and plaintext was not allowed");
        }
        authenticate(features);
    }

    /** After the pipelined or step-by-step start: SASL's end, restart, bind. */
    private void finishHandshake() throws ConnectFailure, InterruptedException, Mispredicted {
        if (predicted != null) {
            Element features = readFeatures(Stage.CONNECT);
            featuresAt = System.nanoTime();
            Poller.KnownFeatures seen = describe(features);
            poller.rememberFeatures(serverKey(), seen);
            if (seen.startTls() || !predicted.equals(Sasl.choice(seen.mechanisms(), true))) {
                throw new Mispredicted();
            }
            poller.logins().pipelined();
            awaitAuthentication(mechanism);
        }
        long authenticatedAt = System.nanoTime();
        String resource = settings.resource() == null ? ""
                : "<resource>" + XmlWriter.escapeAttribute(settings.resource())
                        + "</resource>";
        // The server reset its stream before it sent <success/>, so the restart and the bind can go out at once.
        send(streamHeader() + "<iq type='set' id='bind-1'><bind xmlns='" + BIND + "'>" + resource + "</bind></iq>",
                Stage.LOGIN);
        Element features = readFeatures(Stage.LOGIN);
        if (child(features, BIND, "bind") == null) {
            throw new ConnectFailure(Stage.LOGIN, "the server offers no resource binding");
        }
        Element bound = awaitResult("bind-1");
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
            send("<iq type='set' id='session-1'><session xmlns='" + SESSION + "'/></iq>", Stage.LOGIN);
            awaitResult("session-1");
        }
        poller.logins().add(connectedAt - started, featuresAt - resumedAt, authenticatedAt - featuresAt,
                System.nanoTime() - authenticatedAt, waits, prepared);
    }

    /** What a pipelined login needs to know of a server's first stream features. */
    private static Poller.KnownFeatures describe(Element features) {
        return new Poller.KnownFeatures(child(features, TLS, "starttls") != null, offeredMechanisms(features));
    }

    private static List<String> offeredMechanisms(Element features) {
        List<String> offered = new ArrayList<>();
        Element mechanisms = child(features, SASL, "mechanisms");
        if (mechanisms != null) {
            for (Element mechanism : mechanisms.children()) {
                offered.add(mechanism.text().strip());
            }
        }
        return offered;
    }

    /** TCP, non-blocking, registered with the poller; waits (handling other connections) for the connect. */
    private void connect() throws ConnectFailure, InterruptedException {
        try {
            if (connectAtOnce()) {
                return;
            }
        } catch (IOException e) {
            throw new ConnectFailure(Stage.CONNECT, message(e));
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!connected && connectProblem == null) {
            if (!poller.poll(deadline)) {
                throw new ConnectFailure(Stage.CONNECT, "connect timed out");
            }
        }
        if (connectProblem != null) {
            throw new ConnectFailure(Stage.CONNECT, connectProblem);
        }
    }

    /** TCP without waiting: true if the connection was established at once (usual on loopback). */
    private boolean connectAtOnce() throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        key = poller.register(channel, this);
        // On loopback the handshake has usually completed by the time connect returns "in progress": asking again
        // at once saves a turn through the selector.
        if (channel.connect(new InetSocketAddress(settings.address(), settings.port())) || channel.finishConnect()) {
            connected = true;
            key.interestOps(SelectionKey.OP_READ);
            return true;
        }
        return false;
    }

    /** Sends our stream header and reads the server's header and features. */
    private Element openStream(Stage stage) throws ConnectFailure, InterruptedException {
        send(streamHeader(), stage);
        return readFeatures(stage);
    }

    private String streamHeader() {
        // A new header starts a new stream: the server's next header must come after it.
        streamOpened = false;
        return "<stream:stream xmlns='jabber:client' to='" + XmlWriter.escapeAttribute(settings.domain())
                + "' xmlns:stream='" + Namespaces.STREAMS + "' version='1.0' xml:lang='en'>";
    }

    /** Reads the server's stream header and features (our header has been sent). */
    private Element readFeatures(Stage stage) throws ConnectFailure, InterruptedException {
        Element features = next(stage);
        if (!streamOpened || !isStreams(features, "features")) {
            throw new ConnectFailure(stage, "the server answered the stream header with <" + features.displayName()
                    + "> instead of its stream features");
        }
        return features;
    }

    /** Sends during the login; a failure to write fails the login at {@code stage}. */
    private void send(String xml, Stage stage) throws ConnectFailure, InterruptedException {
        try {
            send(xml);
        } catch (IOException e) {
            throw new ConnectFailure(stage, message(e));
        }
    }

    private Element startTls() throws ConnectFailure, InterruptedException {
        send("<starttls xmlns='" + TLS + "'/>", Stage.CONNECT);
        Element answer = next(Stage.CONNECT);
        if (!TLS.equals(answer.namespace()) || !"proceed".equals(answer.localName())) {
            throw new ConnectFailure(Stage.CONNECT, "the server refused STARTTLS");
        }
        ServerCertificates trust;
        try {
            trust = new ServerCertificates(settings.trustedCertificates());
            // The identity to check is the XMPP domain, not the host we dialled (--host 127.0.0.1, a
            // connect_host): RFC 6120 §13.7.2. The same name goes out as SNI.
            engine = trust.context().createSSLEngine(settings.domain(), settings.port());
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            String domain = settings.domain();
            boolean addressLiteral = domain.indexOf(':') >= 0 || domain.chars().allMatch(c -> c == '.'
                    || c >= '0' && c <= '9');
            try {
                // SNI carries host names only (RFC 6066 §3), as Java's own TLS sockets do.
                parameters.setServerNames(addressLiteral ? List.of() : List.of(new SNIHostName(domain)));
            } catch (IllegalArgumentException e) {
                parameters.setServerNames(List.of());
            }
            engine.setSSLParameters(parameters);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw new ConnectFailure(Stage.CONNECT, "TLS could not start: " + message(e));
        }
        int packet = engine.getSession().getPacketBufferSize();
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        netOut = ByteBuffer.allocate(packet);
        // Nothing may follow <proceed/> before the server's TLS records (RFC 6120 §5.4.3.3).
        netIn = ByteBuffer.allocate(Math.max(READ_BUFFER_BYTES, packet));
        decoder.reset();
        tlsHandshaking = true;
        try {
            tlsHandshake();
            tlsHandshaking = false;
            encrypted = true;
            useInput();
        } catch (IOException e) {
            String refused = trust.refusedFingerprint();
            if (refused != null) {
                throw new ConnectFailure(Stage.CONNECT, "the server's certificate for " + settings.domain()
                        + " is not trusted (" + certificateProblem(e) + "). Its SHA-256 fingerprint is " + refused
                        + "; if this is the server you meant, run again with --trust-certificate " + refused);
            }
            throw new ConnectFailure(Stage.CONNECT, "TLS failed: " + message(e));
        } finally {
            tlsHandshaking = false;
        }
        return openStream(Stage.CONNECT);
    }

    /** Runs the engine's handshake over the channel, waiting in the poller for the server's records. */
    private void tlsHandshake() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        engine.beginHandshake();
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        while (true) {
            switch (status) {
                case NEED_WRAP -> {
                    status = wrap(NOTHING).getHandshakeStatus();
                    writeAll(netOut);
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult result;
                    netIn.flip();
                    try {
                        result = engine.unwrap(netIn, appIn);
                    } finally {
                        netIn.compact();
                    }
                    switch (result.getStatus()) {
                        case BUFFER_UNDERFLOW -> {
                            awaitBytes(deadline);
                            status = engine.getHandshakeStatus();
                        }
                        case BUFFER_OVERFLOW -> {
                            appIn = enlarged(appIn, appIn.position() + engine.getSession().getApplicationBufferSize());
                            status = engine.getHandshakeStatus();
                        }
                        case CLOSED -> throw new SSLException("the server ended TLS during the handshake");
                        default -> status = result.getHandshakeStatus();
                    }
                }
                case NEED_TASK -> {
                    runDelegatedTasks();
                    status = engine.getHandshakeStatus();
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** Waits (handling other connections) until more bytes of this connection were read. */
    private void awaitBytes(long deadline) throws IOException, InterruptedException {
        long before = bytesRead;
        while (bytesRead == before) {
            if (ended) {
                throw new IOException(endProblem);
            }
            if (!poller.poll(deadline)) {
                throw new IOException("the server did not answer in time");
            }
        }
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

    private void authenticate(Element features) throws ConnectFailure, InterruptedException {
        List<String> offered = offeredMechanisms(features);
        Sasl.Mechanism mechanism = Sasl.choose(offered, settings.user(), settings.password(),
                encrypted || settings.allowPlaintext());
        if (mechanism == null) {
            throw new ConnectFailure(Stage.LOGIN, "the server offers no login mechanism the replayer can use "
                    + offered);
        }
        send(authElement(mechanism), Stage.LOGIN);
        awaitAuthentication(mechanism);
    }

    private static String authElement(Sasl.Mechanism mechanism) {
        return "<auth xmlns='" + SASL + "' mechanism='" + mechanism.name() + "'>"
                + base64(mechanism.initialResponse()) + "</auth>";
    }

    /** Reads the server's answers to our {@code <auth>} (and answers its challenges) until success or failure. */
    private void awaitAuthentication(Sasl.Mechanism mechanism) throws ConnectFailure, InterruptedException {
        try {
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

    /** Reads until the answer to our IQ {@code id}; an error answer fails the login. */
    private Element awaitResult(String id) throws ConnectFailure, InterruptedException {
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
    private Element next(Stage stage) throws ConnectFailure, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        if (handshakeQueue.isEmpty()) {
            waits++;
        }
        while (handshakeQueue.isEmpty()) {
            if (serverClosed) {
                throw new ConnectFailure(stage, "the server closed the stream");
            }
            if (ended) {
                throw new ConnectFailure(stage, endProblem);
            }
            if (!poller.poll(deadline)) {
                throw new ConnectFailure(stage, "the server did not answer in time");
            }
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

    private void startCapture(Sink target) {
        sink = target;
        // Anything that came with the bind answer (nothing does today) goes to the sink first, in order.
        while (!handshakeQueue.isEmpty()) {
            Arrival early = handshakeQueue.removeFirst();
            target.element(early.xml(), early.nanos());
        }
        if (ended && !closing) {
            // The end arrived together with the bind answer: tell the sink now.
            target.ended(endProblem);
        }
    }

    /**
     * Starts closing: sends our closing tag unless the socket is already gone. {@link #awaitClosed} finishes.
     * Several connections can be closed at once this way.
     */
    void beginClose() throws InterruptedException {
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
     * Waits (until {@code deadlineNanos}, handling every connection's arrivals) for the server's closing tag or
     * the end of the socket — the server has then ended the session (left its rooms) — then closes the socket.
     */
    void awaitClosed(long deadlineNanos) throws InterruptedException {
        closing = true;
        try {
            while (!ended && !serverClosed) {
                if (!poller.poll(deadlineNanos)) {
                    break;
                }
            }
        } finally {
            closeChannel();
        }
    }

    /** Closes the socket at once. */
    void shutdownNow() {
        closing = true;
        closeChannel();
    }

    private void closeChannel() {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        if (engine != null && !ended) {
            // Java's TLS sockets say goodbye with close_notify; so do we, if the socket takes it at once.
            try {
                engine.closeOutbound();
                wrap(NOTHING);
                writeWhatTheSocketTakes();
            } catch (IOException | RuntimeException e) {
                ended = true;
            }
        }
        try {
            // The selector releases the descriptor at its next select (the runner's next wait).
            channel.close();
        } catch (IOException e) {
            // Closing a socket that failed: nothing left to release or report.
            ended = true;
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
