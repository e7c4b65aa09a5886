package org.chamberlain.app.affiliations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed CSV member file: the rows that made sense and one message per line that did not.
 *
 * @param source the file name
 * @param rows the valid rows, in file order
 * @param problems "file:line: what is wrong", in file order
 */
public record CsvImport(String source, List<Row> rows, List<String> problems) {
    public CsvImport {
        Objects.requireNonNull(source, "source");
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * The changes this file asks for against the current lists: rows whose JID already has that affiliation are
     * left out (see {@link #unchanged}). Duplicated JIDs stay in, so that validation reports them.
     */
    public AffiliationChangeSet changeSet(AffiliationLists current) {
        AffiliationChangeSet set = AffiliationChangeSet.against(current);
        for (Row row : rows) {
            if (current.affiliationOf(row.jid()) != row.affiliation()) {
                set = set.set(row.jid(), row.affiliation(), row.reason().orElse(null));
            }
        }
        return set;
    }

    /** Rows that ask for what is already so. */
    public List<Row> unchanged(AffiliationLists current) {
        return rows.stream().filter(r -> current.affiliationOf(r.jid()) == r.affiliation()).toList();
    }

    /**
     * One line of the file.
     *
     * @param line the line number (1-based) where the record starts
     * @param jid the normalised bare JID
     * @param affiliation the affiliation it should have
     * @param reason the reason column, if filled
     */
    public record Row(int line, String jid, Affiliation affiliation, Optional<String> reason) {
    }
}
