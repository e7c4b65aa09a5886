package org.chamberlain.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing, previewing and validating change sets without a server. */
class AffiliationChangeSetTest {
    private static final String ME = "me@example.org";

    private static AffiliationLists lists() {
        return AffiliationLists.of("room@muc.example.org", Map.of(
                Affiliation.OWNER, List.of(ME),
                Affiliation.ADMIN, List.of("ann@example.org"),
                Affiliation.MEMBER, List.of("bob@example.org", "cid@example.org"),
                Affiliation.OUTCAST, List.of("spam@example.org")));
    }

    @Test
    void addRemoveAndMoveAreRecordedAgainstTheSnapshotAndPreviewed() {
        AffiliationChangeSet set = AffiliationChangeSet.against(lists())
                .add("New@Example.org", Affiliation.MEMBER, "welcome")
                .remove("cid@example.org", "left the project")
                .move("bob@example.org", Affiliation.ADMIN, null)
                .remove("spam@example.org", "");

        assertThat(set.changes()).extracting(AffiliationChange::describe).containsExactly(
                "add new@example.org to members (welcome)",
                "remove cid@example.org from members (left the project)",
                "move bob@example.org from members to admins",
                "remove spam@example.org from banned");
        AffiliationLists preview = set.preview();
        assertThat(preview.jids(Affiliation.MEMBER)).containsExactly("new@example.org");
        assertThat(preview.jids(Affiliation.ADMIN)).containsExactly("ann@example.org", "bob@example.org");
        assertThat(preview.jids(Affiliation.OUTCAST)).isEmpty();
        assertThat(set.validate(ME, false)).isEmpty();
    }

    @Test
    void withdrawUndoesOneJidsChanges() {
        AffiliationChangeSet set = AffiliationChangeSet.against(lists())
                .add("x@example.org", Affiliation.MEMBER, null)
                .remove("bob@example.org", null)
                .withdraw("bob@example.org");
        assertThat(set.changes()).extracting(AffiliationChange::jid).containsExactly("x@example.org");
    }

    @Test
    void fullInvalidDuplicateAndNoOpChangesAreReported() {
        AffiliationChangeSet set = AffiliationChangeSet.against(lists())
                .add("eve@example.org/phone", Affiliation.MEMBER, null)
                .add("not valid@@", Affiliation.MEMBER, null)
                .add("dan@example.org", Affiliation.MEMBER, null)
                .add("dan@example.org", Affiliation.ADMIN, null)
                .add("bob@example.org", Affiliation.MEMBER, null);

        List<ChangeProblem> problems = set.validate(ME, false);

        assertThat(problems).extracting(ChangeProblem::kind).containsExactly(ChangeProblem.Kind.NOT_BARE_JID,
                ChangeProblem.Kind.INVALID_JID, ChangeProblem.Kind.DUPLICATE, ChangeProblem.Kind.NO_CHANGE);
        assertThat(problems.get(0).message()).contains("use the bare address eve@example.org");
        assertThat(problems.get(3).message()).isEqualTo("bob@example.org is already on the members list.");
    }

    @Test
    void theLastOwnerCannotBeRemovedButCanBeReplaced() {
        AffiliationChangeSet removeOnly = AffiliationChangeSet.against(lists()).remove(ME, null);
        assertThat(removeOnly.validate(ME, true)).extracting(ChangeProblem::kind)
                .containsExactly(ChangeProblem.Kind.LAST_OWNER);

        AffiliationChangeSet handOver = AffiliationChangeSet.against(lists())
                .move(ME, Affiliation.ADMIN, "handing over")
                .move("ann@example.org", Affiliation.OWNER, null);
        assertThat(handOver.validate(ME, true)).isEmpty();
    }

    @Test
    void selfDemotionNeedsConfirmationAndIsSentLast() {
        AffiliationChangeSet set = AffiliationChangeSet.against(lists())
                .move(ME, Affiliation.MEMBER, null)
                .move("ann@example.org", Affiliation.OWNER, null)
                .remove("bob@example.org", null);

        List<ChangeProblem> unconfirmed = set.validate(ME, false);
        assertThat(unconfirmed).hasSize(1);
        assertThat(unconfirmed.get(0).needsConfirmationOnly()).isTrue();
        assertThat(unconfirmed.get(0).message()).contains("member instead of owner");
        assertThat(set.validate(ME, true)).isEmpty();

        assertThat(set.applyOrder(ME)).extracting(AffiliationChange::jid)
                .containsExactly("ann@example.org", "bob@example.org", ME);
    }

    @Test
    void pastedAddressesAreSplitAndAddedTogether() {
        List<String> pasted = BareJids.splitPasted("alice@example.org, <xmpp:Bob@Example.org>;\n\t carl@example.org  ");
        assertThat(pasted).containsExactly("alice@example.org", "Bob@Example.org", "carl@example.org");

        AffiliationChangeSet set = AffiliationChangeSet.against(lists()).addAll(pasted, Affiliation.MEMBER, "team");
        assertThat(set.changes()).extracting(AffiliationChange::jid)
                .containsExactly("alice@example.org", "bob@example.org", "carl@example.org");
        assertThat(set.validate(ME, false)).extracting(ChangeProblem::kind)
                .containsExactly(ChangeProblem.Kind.NO_CHANGE);
    }

    @Test
    void affiliationNamesAreReadAsPeopleWriteThem() {
        assertThat(Affiliation.parse("Owners")).contains(Affiliation.OWNER);
        assertThat(Affiliation.parse("banned")).contains(Affiliation.OUTCAST);
        assertThat(Affiliation.parse(" none ")).contains(Affiliation.NONE);
        assertThat(Affiliation.parse("moderator")).isEmpty();
        assertThat(Affiliation.parse("")).isEmpty();
    }
}
