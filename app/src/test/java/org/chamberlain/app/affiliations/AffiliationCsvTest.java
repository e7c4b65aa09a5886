package org.chamberlain.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV export and import-as-preview. */
class AffiliationCsvTest {

    @Test
    void exportThenImportGivesBackTheSameListsAndNoChanges() {
        AffiliationLists lists = new AffiliationLists("r@muc.example.org", Map.of(
                Affiliation.OWNER, List.of(AffiliatedJid.of("o@example.org", Affiliation.OWNER)),
                Affiliation.MEMBER, List.of(AffiliatedJid.of("m@example.org", Affiliation.MEMBER)),
                Affiliation.OUTCAST, List.of(new AffiliatedJid("s@example.org", Affiliation.OUTCAST,
                        Optional.empty(), Optional.of("spam, \"ads\" and more")))));

        String csv = AffiliationCsv.export(lists);
        assertThat(csv).isEqualTo("jid,affiliation,reason\r\n"
                + "o@example.org,owner,\r\n"
                + "m@example.org,member,\r\n"
                + "s@example.org,outcast,\"spam, \"\"ads\"\" and more\"\r\n");

        CsvImport imported = AffiliationCsv.parse(csv, "lists.csv");
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.rows()).hasSize(3);
        assertThat(imported.rows().get(2).reason()).contains("spam, \"ads\" and more");
        assertThat(imported.changeSet(lists).isEmpty()).isTrue();
        assertThat(imported.unchanged(lists)).hasSize(3);
    }

    @Test
    void importBecomesAChangeSetPreviewAgainstTheCurrentLists() {
        AffiliationLists current = AffiliationLists.of("r@muc.example.org", Map.of(
                Affiliation.OWNER, List.of("o@example.org"),
                Affiliation.MEMBER, List.of("m@example.org")));
        String csv = "# members for the spring event\n"
                + "new@example.org,member,signed up\n"
                + "M@example.org,admins\n"
                + "o@example.org,owner\n"
                + "gone@example.org,none\n";

        CsvImport imported = AffiliationCsv.parse(csv, "spring.csv");
        AffiliationChangeSet set = imported.changeSet(current);

        assertThat(imported.problems()).isEmpty();
        assertThat(set.changes()).extracting(AffiliationChange::describe).containsExactly(
                "add new@example.org to members (signed up)",
                "move m@example.org from members to admins");
        assertThat(imported.unchanged(current)).extracting(CsvImport.Row::jid)
                .containsExactly("o@example.org", "gone@example.org");
        assertThat(set.validate("o@example.org", false)).isEmpty();
    }

    @Test
    void badLinesAreReportedWithFileAndLine() {
        String csv = "jid,affiliation,reason\n"
                + "ok@example.org,member\n"
                + "\n"
                + "phone@example.org/res,member\n"
                + "x@example.org,king\n"
                + "onlyjid@example.org\n"
                + "a@example.org,member,one,two\n"
                + ",member\n"
                + "q@example.org,member,\"open quote\n";

        CsvImport imported = AffiliationCsv.parse(csv, "bad.csv");

        assertThat(imported.rows()).extracting(CsvImport.Row::jid).containsExactly("ok@example.org");
        assertThat(imported.problems()).containsExactly(
                "bad.csv:9: a quoted field is not closed (missing \").",
                "bad.csv:4: 'phone@example.org/res' has a resource; use the bare address phone@example.org.",
                "bad.csv:5: 'king' is not an affiliation (owner, admin, member, outcast/banned or none).",
                "bad.csv:6: expected 'jid,affiliation[,reason]', found one column.",
                "bad.csv:7: expected at most 3 columns (jid,affiliation,reason), found 4; quote reasons that "
                        + "contain commas.",
                "bad.csv:8: the JID is empty.");
    }
}
