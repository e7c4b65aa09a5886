package org.chamberlain.app.affiliations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Member lists as CSV (RFC 4180): columns {@code jid,affiliation,reason}, a header line, UTF-8.
 *
 * <p>Export writes every entry of the four lists. Import reads rows that say "this JID should have this
 * affiliation" ({@code none} removes it) and turns them into a change set to preview; it never applies anything
 * by itself, and JIDs not in the file keep their affiliation. Pure functions apart from the file I/O; any thread.
 */
public final class AffiliationCsv {
    /** The header line written on export and recognised (case-insensitively) on import. */
    public static final String HEADER = "jid,affiliation,reason";

    private AffiliationCsv() {
    }

    /** The lists as CSV text, owners first, then admins, members, banned; sorted by JID within a list. */
    public static String export(AffiliationLists lists) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AffiliatedJid entry : lists.all()) {
            out.append(quote(entry.jid())).append(',').append(entry.affiliation().xmppName()).append(',')
                    .append(quote(entry.reason().orElse(""))).append("\r\n");
        }
        return out.toString();
    }

    public static void export(AffiliationLists lists, Path file) throws IOException {
        Files.writeString(file, export(lists), StandardCharsets.UTF_8);
    }

    /** Reads a CSV file; problems name the file and line. */
    public static CsvImport read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses CSV text.
     *
     * @param source the file name used in problem messages ("members.csv:4: …")
     */
    public static CsvImport parse(String text, String source) {
        List<CsvImport.Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Optional<String> syntaxProblem = split(text, records, lineNumbers);
        syntaxProblem.ifPresent(p -> problems.add(source + ":" + p));
        for (int i = 0; i < records.size(); i++) {
            List<String> fields = records.get(i);
            int line = lineNumbers.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.get(0).strip().startsWith("#")) {
                continue;
            }
            if (i == 0 && fields.get(0).strip().toLowerCase(Locale.ROOT).equals("jid")) {
                continue;
            }
            String where = source + ":" + line + ": ";
            if (fields.size() < 2) {
                problems.add(where + "expected 'jid,affiliation[,reason]', found one column.");
                continue;
            }
            if (fields.size() > 3) {
                problems.add(where + "expected at most 3 columns (jid,affiliation,reason), found " + fields.size()
                        + "; quote reasons that contain commas.");
                continue;
            }
            String jid = fields.get(0).strip();
            String affiliationText = fields.get(1).strip();
            Optional<Affiliation> affiliation = Affiliation.parse(affiliationText);
            if (jid.isEmpty()) {
                problems.add(where + "the JID is empty.");
                continue;
            }
            if (affiliation.isEmpty()) {
                problems.add(where + "'" + affiliationText + "' is not an affiliation (owner, admin, member, "
                        + "outcast/banned or none).");
                continue;
            }
            Optional<ChangeProblem> jidProblem = BareJids.problem(jid);
            if (jidProblem.isPresent()) {
                problems.add(where + jidProblem.get().message());
                continue;
            }
            String reason = fields.size() == 3 ? fields.get(2).strip() : "";
            rows.add(new CsvImport.Row(line, BareJids.normalise(jid).orElse(jid), affiliation.get(),
                    reason.isEmpty() ? Optional.empty() : Optional.of(reason)));
        }
        return new CsvImport(source, rows, problems);
    }

    /** Splits RFC 4180 text into records; returns "line: problem" for an unterminated quote. */
    private static Optional<String> split(String text, List<List<String>> records, List<Integer> lineNumbers) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                lineNumbers.add(recordLine);
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return Optional.of(quoteLine + ": a quoted field is not closed (missing \").");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
            lineNumbers.add(recordLine);
        }
        return Optional.empty();
    }

    private static String quote(String value) {
        if (value.isEmpty()) {
            return "";
        }
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r") || !value.equals(value.strip());
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
