package org.chamberlain.app.audit;

import java.util.List;

/**
 * Entries read from the audit log, oldest first, plus the lines that could not be read (for example a line cut
 * short by a crash of an old version), each as "file:line: why".
 */
public record AuditHistory(List<AuditEntry> entries, List<String> problems) {
    public AuditHistory {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
