package org.chamberlain.prosody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Prosody server process on loopback, started in the foreground from a private directory.
 *
 * <p>The configuration file reads its paths and ports from the environment ({@code XMPP_TEST_DIR},
 * {@code XMPP_TEST_PORT}, {@code XMPP_TEST_HTTP_PORT}), so many servers can run side by side. The server is
 * ready when a stream header sent to its client port is answered with {@code <stream:features>}. It is
 * stopped with SIGTERM by {@link #close()}, and by a JVM shutdown hook for any instance still running when
 * the JVM exits, so no server outlives the process that started it.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread, more than once.
 */
public final class LocalProsody implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Set<LocalProsody> RUNNING = ConcurrentHashMap.newKeySet();
    private static final int PORT_ATTEMPTS = 3;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LocalProsody::stopAll, "prosody-reaper"));
    }

    private final Process process;
    private final Path workDir;
    private final Path configFile;
    private final String domain;
    private final int port;
    private final int httpPort;

    private LocalProsody(Process process, Path workDir, Path configFile, String domain, int port, int httpPort) {
        this.process = process;
        this.workDir = workDir;
        this.configFile = configFile;
        this.domain = domain;
        this.port = port;
        this.httpPort = httpPort;
    }

    /** Starts a server with {@code configFile}; blocks until it answers or fails. */
    public static LocalProsody start(Options options) throws ProsodyException {
        Objects.requireNonNull(options, "options");
        if (!Files.isReadable(options.configFile)) {
            throw new ProsodyException("Prosody configuration not found or not readable: " + options.configFile);
        }
        String executable = findExecutable(options.executable);
        ProsodyException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return startOnce(executable, options);
            } catch (PortTakenException e) {
                // Another process took a port between our probe and Prosody's bind: try fresh ports.
                last = e;
            }
        }
        throw last;
    }

    private static LocalProsody startOnce(String executable, Options options) throws ProsodyException {
        Path workDir;
        try {
            Files.createDirectories(options.parentDir);
            workDir = Files.createTempDirectory(options.parentDir, "prosody-");
        } catch (IOException e) {
            throw new ProsodyException("Cannot create a directory for Prosody under " + options.parentDir + ": "
                    + e.getMessage(), e);
        }
        int[] ports = freePorts(2);
        int port = ports[0];
        int httpPort = ports[1];
        ProcessBuilder builder = new ProcessBuilder(executable, "-F", "--config",
                options.configFile.toAbsolutePath().toString());
        builder.directory(workDir.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(workDir.resolve("console.log").toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        env.put("XMPP_TEST_DIR", workDir.toAbsolutePath().toString());
        env.put("XMPP_TEST_PORT", Integer.toString(port));
        env.put("XMPP_TEST_HTTP_PORT", Integer.toString(httpPort));
        env.putAll(options.environment);

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProsodyException("Cannot run " + executable + ": " + e.getMessage(), e);
        }
        LocalProsody server = new LocalProsody(process, workDir, options.configFile, options.domain, port, httpPort);
        RUNNING.add(server);
        try {
            server.awaitReady(options.startTimeout);
            return server;
        } catch (ProsodyException e) {
            server.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) throws ProsodyException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ProsodyException("Prosody exited with status " + process.exitValue()
                        + " before it was ready (config " + configFile + ")." + logTailSection());
            }
            try {
                if (answersStreamHeader(Duration.ofMillis(500))) {
                    return;
                }
                lastProblem = "the stream header was not answered with <stream:features>";
            } catch (IOException e) {
                lastProblem = e.getMessage();
            }
            sleep(20);
        }
        String log = logTail(40);
        if (log.contains("Address already in use") || log.contains("Failed to open server port")) {
            throw new PortTakenException("Prosody could not bind port " + port + "." + logTailSection());
        }
        throw new ProsodyException("Prosody did not answer on " + LOOPBACK + ":" + port + " within "
                + timeout.toMillis() + " ms (" + lastProblem + ")." + logTailSection());
    }

    private boolean answersStreamHeader(Duration readTimeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), (int) readTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (received.indexOf("<stream:features") >= 0) {
                    out.write("</stream:stream>".getBytes(StandardCharsets.UTF_8));
                    return true;
                }
            }
            return false;
        }
    }

    /** Host to connect to: always the IPv4 loopback address ({@code localhost} may resolve to ::1). */
    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return port;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The XMPP domain served (the configuration's VirtualHost). */
    public String domain() {
        return domain;
    }

    public Path workDir() {
        return workDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last {@code lines} lines of the server's log and console output. */
    public String logTail(int lines) {
        List<String> tail = new ArrayList<>();
        for (String name : List.of("prosody.log", "console.log")) {
            Path file = workDir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!all.isEmpty()) {
                    tail.add("--- " + name + " ---");
                    tail.addAll(all.subList(Math.max(0, all.size() - lines), all.size()));
                }
            } catch (IOException e) {
                tail.add("--- " + name + " could not be read: " + e.getMessage());
            }
        }
        return tail.isEmpty() ? "(the server wrote no log)" : String.join(System.lineSeparator(), tail);
    }

    private String logTailSection() {
        return System.lineSeparator() + "Server log tail (" + workDir + "):" + System.lineSeparator() + logTail(30);
    }

    /** Completes with the server's exit code when its process ends, for whatever reason (any thread). */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Kills the server at once (SIGKILL), as a crash would: for tests of a server dying mid-run. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(5));
        RUNNING.remove(this);
    }

    /** Stops the server with SIGTERM, escalating to SIGKILL if it has not exited after five seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(5))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(5));
            }
        }
        RUNNING.remove(this);
    }

    private boolean waitFor(Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void stopAll() {
        for (LocalProsody server : List.copyOf(RUNNING)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "Prosody[" + domain + " at " + LOOPBACK + ":" + port + ", pid " + process.pid() + "]";
    }

    private static String findExecutable(String requested) throws ProsodyException {
        if (requested.contains("/")) {
            if (Files.isExecutable(Path.of(requested))) {
                return requested;
            }
            throw new ProsodyException("Prosody executable not found: " + requested);
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, requested);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, requested);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new ProsodyException("Prosody is not installed: no '" + requested + "' on the PATH. "
                + "Install it with: apt-get install -y prosody");
    }

    /**
     * Distinct free loopback ports. All sockets stay open until every port is chosen: probing one at a time
     * can hand out the same port twice (seen: client and HTTP port equal, and Prosody failing to start).
     */
    static int[] freePorts(int count) throws ProsodyException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new ProsodyException("Cannot find a free loopback port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Only probing: the port is free either way.
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(long millis) throws ProsodyException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProsodyException("Interrupted while waiting for Prosody to start", e);
        }
    }

    /** What to start and where. */
    public static final class Options {
        private final Path configFile;
        private Path parentDir = Path.of(System.getProperty("java.io.tmpdir"));
        private String domain = "localhost";
        private String executable = "prosody";
        private Duration startTimeout = Duration.ofSeconds(15);
        private final Map<String, String> environment = new LinkedHashMap<>();

        public Options(Path configFile) {
            this.configFile = Objects.requireNonNull(configFile, "configFile");
        }

        /** Directory under which the server's private temp directory is created. */
        public Options parentDir(Path dir) {
            this.parentDir = Objects.requireNonNull(dir);
            return this;
        }

        public Options domain(String value) {
            this.domain = Objects.requireNonNull(value);
            return this;
        }

        /** Name looked up on the PATH, or a path to the program. */
        public Options executable(String value) {
            this.executable = Objects.requireNonNull(value);
            return this;
        }

        public Options startTimeout(Duration value) {
            this.startTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** An extra environment variable for the server (the config may read it as {@code ENV_NAME}). */
        public Options environment(String name, String value) {
            environment.put(name, value);
            return this;
        }
    }

    private static final class PortTakenException extends ProsodyException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
