package org.chamberlain.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The durable audit log: one JSON object per line (JSON Lines), appended and never rewritten.
 *
 * <p>Durability: {@link #append} opens the file in append mode, writes the whole line with one write, forces it
 * to the disk ({@code fsync}) and closes the file before it returns; when it creates the file it also syncs the
 * directory, so the new file's name survives a power cut. Nothing is buffered in the process, so a process
 * killed right after an action loses nothing. An exclusive file lock keeps lines of two Chamberlain processes
 * from interleaving.
 *
 * <p>Threads: {@link #append} blocks on disk I/O; call it from the thread that performed the action (never the
 * UI thread). Appends from several threads, and from several instances on the same file, are serialised.
 * Reading may happen on any background thread while appends go on.
 */
public final class AuditLog {
    /**
     * Created on the first read or append, not with the class: an ObjectMapper loads about 370 Jackson classes,
     * and the desktop app creates its audit log before its first window (docs/benchmarks.md, "Desktop UI").
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    /**
     * One monitor per file for the whole JVM: a file lock is held per process, and a second channel of the same
     * process asking for it gets OverlappingFileLockException, so instances that share a file must take turns.
     */
    private static final ConcurrentMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public AuditLog(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** The log at the platform's data directory (see {@link DataDirectories}). */
    public static AuditLog atDefaultLocation() {
        return new AuditLog(DataDirectories.auditLog());
    }

    public Path file() {
        return file;
    }

    /** Appends one entry and forces it to disk before returning. */
    public void append(AuditEntry entry) throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(file, key -> new Object())) {
            appendLocked(entry);
        }
    }

    private void appendLocked(AuditEntry entry) throws IOException {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path directory = file.getParent();
        boolean created = false;
        if (directory != null && !Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        if (!Files.exists(file)) {
            created = true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            FileLock lock = channel.lock();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } finally {
                lock.release();
            }
        }
        if (created && directory != null) {
            syncDirectory(directory);
        }
    }

    /** Every entry, oldest first. A missing file is an empty history. */
    public AuditHistory readAll() throws IOException {
        return read(null);
    }

    /** The entries of one room, oldest first (for the room's History tab). */
    public AuditHistory entriesFor(String room) throws IOException {
        return read(Objects.requireNonNull(room, "room"));
    }

    private AuditHistory read(String room) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    AuditEntry entry = fromJson(Json.MAPPER.readTree(line));
                    if (room == null || entry.room().equalsIgnoreCase(room)) {
                        entries.add(entry);
                    }
                } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                    problems.add(file + ":" + number + ": unreadable entry (" + firstLine(e.getMessage()) + ")");
                }
            }
        } catch (NoSuchFileException e) {
            return new AuditHistory(List.of(), List.of());
        }
        return new AuditHistory(entries, problems);
    }

    static String toJson(AuditEntry entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("time", entry.time().toString());
        node.put("actor", entry.actor());
        node.put("account", entry.account());
        node.put("room", entry.room());
        node.put("action", entry.action());
        entry.reason().ifPresent(r -> node.put("reason", r));
        ArrayNode items = node.putArray("items");
        for (AuditEntry.Item item : entry.items()) {
            ObjectNode itemNode = items.addObject();
            itemNode.put("target", item.target());
            itemNode.put("change", item.change());
            item.reason().ifPresent(r -> itemNode.put("reason", r));
            itemNode.put("result", item.result().jsonName());
            item.condition().ifPresent(c -> itemNode.put("condition", c));
            item.message().ifPresent(m -> itemNode.put("message", m));
        }
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an audit entry", e);
        }
    }

    static AuditEntry fromJson(JsonNode node) {
        List<AuditEntry.Item> items = new ArrayList<>();
        JsonNode itemsNode = node.path("items");
        if (!itemsNode.isArray()) {
            throw new IllegalArgumentException("no 'items' array");
        }
        for (JsonNode item : itemsNode) {
            items.add(new AuditEntry.Item(required(item, "target"), required(item, "change"),
                    optional(item, "reason"), AuditEntry.Result.fromJsonName(required(item, "result")),
                    optional(item, "condition"), optional(item, "message")));
        }
        return new AuditEntry(Instant.parse(required(node, "time")), required(node, "actor"),
                required(node, "account"), required(node, "room"), required(node, "action"),
                optional(node, "reason"), items);
    }

    private static String required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing '" + name + "'");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Makes a newly created file's directory entry durable (POSIX); Windows cannot open directories. */
    private static void syncDirectory(Path directory) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public String toString() {
        return "AuditLog[" + file + "]";
    }
}
