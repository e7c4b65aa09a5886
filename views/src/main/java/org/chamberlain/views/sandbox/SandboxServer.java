package org.chamberlain.views.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.prosody.ProsodyException;
import org.chamberlain.views.shell.AccountProfile;

/**
 * A private Prosody for trying Chamberlain: loopback only, normal (hashed-password) accounts, the real clock,
 * a MUC service at {@code conference.<domain>}, everything in one temp directory that {@link #close()}
 * removes. No JavaFX here: the sandbox command and tests use it alike.
 *
 * <p>Not thread-safe; one owner starts and closes it.
 */
public final class SandboxServer implements AutoCloseable {
    static final String CONFIG_RESOURCE = "sandbox.cfg.lua";
    /** The owner first: the app signs in as the first account. */
    public static final List<String> ACCOUNT_NAMES = List.of("owner", "alice", "bob");

    private final LocalProsody prosody;
    private final Path baseDir;
    private final List<AccountProfile> accounts;
    private final Path config;
    /** Accounts registered for scripts (console), local part → password: each once. Guarded by itself. */
    private final java.util.Map<String, String> scriptAccounts = new java.util.HashMap<>();
    /** Cleans up when the process is ended by a signal (Ctrl+C, timeout) instead of the window closing. */
    private final Thread cleanupOnExit;
    private volatile boolean closed;

    private SandboxServer(LocalProsody prosody, Path baseDir, Path config, List<AccountProfile> accounts) {
        this.prosody = prosody;
        this.config = config;
        this.baseDir = baseDir;
        this.accounts = List.copyOf(accounts);
        this.cleanupOnExit = new Thread(this::stopAndDelete, "sandbox-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Starts the server and registers the sandbox accounts with fresh random passwords. Blocks for the
     * server's start (~0.2 s) and one {@code prosodyctl} run per account.
     *
     * @param parentDir where the sandbox's temp directory is created
     */
    public static SandboxServer start(String domain, Path parentDir) throws ProsodyException {
        Path baseDir;
        Path config;
        try {
            Files.createDirectories(parentDir);
            baseDir = Files.createTempDirectory(parentDir, "chamberlain-sandbox-");
            config = baseDir.resolve("sandbox.cfg.lua");
            try (InputStream in = SandboxServer.class.getResourceAsStream(CONFIG_RESOURCE)) {
                if (in == null) {
                    throw new ProsodyException("The sandbox configuration is missing from the application");
                }
                Files.copy(in, config);
            }
        } catch (IOException e) {
            throw new ProsodyException("Cannot prepare the sandbox directory under " + parentDir + ": "
                    + e.getMessage(), e);
        }
        String ownerJid = ACCOUNT_NAMES.get(0) + "@" + domain;
        LocalProsody server = null;
        try {
            server = LocalProsody.start(new LocalProsody.Options(config)
                    .parentDir(baseDir)
                    .domain(domain)
                    .environment("SANDBOX_DOMAIN", domain)
                    .environment("SANDBOX_ADMIN", ownerJid));
            List<AccountProfile> accounts = new ArrayList<>();
            for (String name : ACCOUNT_NAMES) {
                String password = randomPassword();
                register(server, config, name, domain, password);
                accounts.add(new AccountProfile(name + "@" + domain, password, server.host(), server.port(), true));
            }
            SandboxServer sandbox = new SandboxServer(server, baseDir, config, accounts);
            return sandbox;
        } catch (ProsodyException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            deleteTree(baseDir);
            throw e;
        }
    }

    /**
     * The sandbox as the script console targets it: its accounts, and registration of the accounts a script
     * declares (each local part once, then listed in {@code accounts()} with its password; the sandbox's own
     * accounts are never re-registered, so their passwords stay the ones the app signed in with).
     */
    public org.chamberlain.views.console.SandboxTarget consoleTarget() {
        return new org.chamberlain.views.console.SandboxTarget() {
            @Override
            public String host() {
                return SandboxServer.this.host();
            }

            @Override
            public int port() {
                return SandboxServer.this.port();
            }

            @Override
            public String domain() {
                return SandboxServer.this.domain();
            }

            @Override
            public java.util.Map<String, String> accounts() {
                java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
                accounts.forEach(account -> all.put(account.jid(), account.password()));
                synchronized (scriptAccounts) {
                    scriptAccounts.forEach((local, password) -> all.put(local + "@" + domain(), password));
                }
                return all;
            }

            @Override
            public CompletionStage<String> whenStoppedUnexpectedly() {
                return stoppedUnexpectedly();
            }

            @Override
            public void ensureAccount(String localpart, String password) throws IOException {
                if (ACCOUNT_NAMES.contains(localpart)) {
                    return;
                }
                synchronized (scriptAccounts) {
                    if (scriptAccounts.containsKey(localpart)) {
                        return;
                    }
                    try {
                        register(prosody, config, localpart, domain(), password);
                    } catch (ProsodyException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                    scriptAccounts.put(localpart, password);
                }
            }
        };
    }

    /**
     * Registers an account with {@code prosodyctl register}, which writes the hashed password into the data
     * directory the running server reads (Prosody's internal storage reads account files on every login,
     * so no restart is needed).
     */
    private static void register(LocalProsody server, Path config, String user, String domain, String password)
            throws ProsodyException {
        ProcessBuilder builder = new ProcessBuilder(prosodyctl(), "--config", config.toString(), "register",
                user, domain, password);
        builder.environment().put("XMPP_TEST_DIR", server.workDir().toString());
        builder.environment().put("XMPP_TEST_PORT", Integer.toString(server.port()));
        builder.environment().put("XMPP_TEST_HTTP_PORT", Integer.toString(server.httpPort()));
        builder.environment().put("SANDBOX_DOMAIN", domain);
        builder.environment().put("SANDBOX_ADMIN", ACCOUNT_NAMES.get(0) + "@" + domain);
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ProsodyException("prosodyctl did not finish registering " + user + "@" + domain);
            }
            if (process.exitValue() != 0) {
                throw new ProsodyException("prosodyctl could not register " + user + "@" + domain + " (exit "
                        + process.exitValue() + "): " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new ProsodyException("Cannot run prosodyctl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProsodyException("Interrupted while registering sandbox accounts", e);
        }
    }

    static String prosodyctl() {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, "prosodyctl"))) {
                return dir + "/prosodyctl";
            }
        }
        return "prosodyctl";
    }

    private static String randomPassword() {
        // No look-alike characters: people copy these from the terminal into other clients.
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public List<AccountProfile> accounts() {
        return accounts;
    }

    public AccountProfile owner() {
        return accounts.get(0);
    }

    /** The sandbox's own audit log: sandbox actions stay out of the person's real one and go with it. */
    public Path auditLog() {
        return baseDir.resolve("audit.jsonl");
    }

    public String domain() {
        return prosody.domain();
    }

    public String mucService() {
        return "conference." + prosody.domain();
    }

    public String host() {
        return prosody.host();
    }

    public int port() {
        return prosody.port();
    }

    public boolean isAlive() {
        return prosody.isAlive();
    }

    /** The server process's id (to tell it apart in a process list, or to end it as a crash would). */
    public long pid() {
        return prosody.pid();
    }

    /**
     * Completes if the server ends before {@link #close()} stops it (a crash, a kill from outside): its exit code
     * and the end of its log. Its files are still there then; {@code close()} deletes them.
     */
    public CompletionStage<String> stoppedUnexpectedly() {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        prosody.onExit().thenAccept(code -> {
            if (!closed) {
                stopped.complete("Prosody exited with code " + code + ". The end of its log:\n" + logTail(12));
            }
        });
        return stopped;
    }

    public String logTail(int lines) {
        return prosody.logTail(lines);
    }

    /** Stops the server and deletes the sandbox's accounts, rooms and logs. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is doing the same work.
            return;
        }
        stopAndDelete();
    }

    private synchronized void stopAndDelete() {
        if (!closed) {
            closed = true;
            prosody.close();
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless; say where it is.
            java.util.logging.Logger.getLogger(SandboxServer.class.getName())
                    .warning("Could not delete the sandbox directory " + dir + ": " + e.getMessage());
        }
    }
}
