package org.chamberlain.views.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ChangeProblem;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The members editor's change set, rows and validation without a toolkit or a server. The gateway here only
 * hands over lists for loading; applying against a real server is covered by the TestFX workflow tests.
 */
class MembersViewModelTest {
    private static final String ROOM = "team@conference.example.org";
    private static final String SELF = "owner@example.org";

    private final NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
    private MembersViewModel model;

    @BeforeEach
    void setUp() {
        MembersGateway notUsed = new MembersGateway() {
            @Override
            public AffiliationLists fetch(String room) throws ModerationException {
                throw new ModerationException(ModerationException.Condition.FORBIDDEN,
                        "You are not an owner of " + room + ".");
            }

            @Override
            public ApplyReport apply(String room, AffiliationChangeSet changes, boolean confirmed) {
                throw new AssertionError("not applied in these tests");
            }
        };
        model = new MembersViewModel(new SameThreadTaskRunner(), notifications, notUsed, ROOM, SELF);
        model.showLists(AffiliationLists.of(ROOM, Map.of(
                Affiliation.OWNER, List.of(SELF),
                Affiliation.MEMBER, List.of("alice@example.org", "bob@example.org"),
                Affiliation.OUTCAST, List.of("troll@example.net"))));
    }

    @Test
    void showsAllFourListsWithoutPendingChanges() {
        assertThat(model.rows()).extracting(MemberRow::jid).containsExactly(SELF, "alice@example.org",
                "bob@example.org", "troll@example.net");
        assertThat(model.rows()).allMatch(r -> r.status() == MemberRow.Status.UNCHANGED);
        assertThat(model.counts().get()).isEqualTo("1 owner · 0 admins · 2 members · 1 banned");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void pastingManyJidsAddsOneRowEachAndFlagsTheBadOnes() {
        int added = model.addAll("carol@example.org, dave@example.org;\nuser@ @example.org eve@example.org/phone",
                Affiliation.MEMBER, "new team");
        assertThat(added).isEqualTo(5);
        assertThat(model.rows()).filteredOn(r -> r.status() == MemberRow.Status.ADDED).extracting(MemberRow::jid)
                .contains("carol@example.org", "dave@example.org", "eve@example.org/phone");
        assertThat(model.problems().get()).extracting(ChangeProblem::kind)
                .contains(ChangeProblem.Kind.INVALID_JID, ChangeProblem.Kind.NOT_BARE_JID);
        MemberRow eve = model.rows().stream().filter(r -> r.jid().equals("eve@example.org/phone")).findFirst()
                .orElseThrow();
        assertThat(eve.problem()).hasValueSatisfying(p -> assertThat(p).contains("eve@example.org"));
        assertThat(model.canApply().get()).isFalse();
        assertThat(model.rowProblemsSummary()).hasValue("3 rows have a problem (in red): correct the address, or "
                + "right-click \u2192 Undo the pending change, before Apply.");

        model.withdraw("user@");
        model.withdraw("@example.org");
        model.withdraw("eve@example.org/phone");
        assertThat(model.problems().get()).isEmpty();
        assertThat(model.rowProblemsSummary()).isEmpty();
        assertThat(model.canApply().get()).isTrue();
        assertThat(model.preview()).hasSize(2);
    }

    @Test
    void aSecondEditOfTheSameJidReplacesTheFirstAndGoingBackCancelsIt() {
        model.move("alice@example.org", Affiliation.ADMIN, null);
        model.move("alice@example.org", Affiliation.OWNER, "co-owner");
        assertThat(model.changes().get().changes()).hasSize(1);
        MemberRow alice = row("alice@example.org");
        assertThat(alice.status()).isEqualTo(MemberRow.Status.MOVED);
        assertThat(alice.pendingText()).isEqualTo("members → owners");
        assertThat(alice.reason()).contains("co-owner");

        model.move("alice@example.org", Affiliation.MEMBER, null);
        assertThat(model.changes().get().isEmpty()).isTrue();
        assertThat(row("alice@example.org").status()).isEqualTo(MemberRow.Status.UNCHANGED);
    }

    @Test
    void removingTheLastOwnerIsBlockedUntilAnotherOwnerIsAdded() {
        model.selfDemotionConfirmed().set(true);
        model.remove(SELF, "handing over");
        assertThat(model.setProblems()).extracting(ChangeProblem::kind).containsExactly(ChangeProblem.Kind.LAST_OWNER);
        assertThat(model.canApply().get()).isFalse();

        model.move("bob@example.org", Affiliation.OWNER, "new owner");
        assertThat(model.setProblems()).isEmpty();
        assertThat(model.canApply().get()).isTrue();
    }

    @Test
    void demotingYourselfNeedsConfirmation() {
        model.addAll("alice@example.org", Affiliation.OWNER, null);
        model.move(SELF, Affiliation.ADMIN, null);
        assertThat(model.needsSelfDemotionConfirmation()).isTrue();
        assertThat(model.canApply().get()).isFalse();
        model.selfDemotionConfirmed().set(true);
        assertThat(model.needsSelfDemotionConfirmation()).isFalse();
        assertThat(model.canApply().get()).isTrue();
    }

    @Test
    void filtersByTextAndList() {
        model.addAll("zed@example.org", Affiliation.MEMBER, null);
        model.filter().set("ZED");
        assertThat(model.rows()).extracting(MemberRow::jid).containsExactly("zed@example.org");
        model.filter().set("");
        model.listFilter().set(Affiliation.OUTCAST);
        assertThat(model.rows()).extracting(MemberRow::jid).containsExactly("troll@example.net");
        model.remove("troll@example.net", "forgiven");
        assertThat(model.rows()).extracting(MemberRow::status).containsExactly(MemberRow.Status.REMOVED);
    }

    @Test
    void aFilterThatKeepsEveryShownRowLeavesTheListAlone() {
        List<javafx.collections.ListChangeListener.Change<? extends MemberRow>> changes = new java.util.ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<MemberRow>) changes::add);
        model.filter().set("e"); // every address has an "e"
        assertThat(changes).isEmpty();
        assertThat(model.rows()).hasSize(4);
        model.filter().set("ex"); // still every row
        assertThat(changes).isEmpty();
        model.filter().set("example.org"); // not troll@example.net
        assertThat(changes).hasSize(1);
        assertThat(model.rows()).extracting(MemberRow::jid).doesNotContain("troll@example.net").hasSize(3);
        model.filter().set("");
        assertThat(model.rows()).hasSize(4);
        // After a change the rows are new objects: the same indexes must not keep the old ones on screen.
        model.addAll("zed@example.org", Affiliation.MEMBER, null);
        model.filter().set("e");
        assertThat(model.rows()).extracting(MemberRow::jid).contains("zed@example.org");
    }

    @Test
    void revertDropsEverything() {
        model.addAll("x@example.org y@example.org", Affiliation.ADMIN, null);
        model.remove("bob@example.org", null);
        model.revert();
        assertThat(model.changes().get().isEmpty()).isTrue();
        assertThat(model.rows()).hasSize(4);
    }

    @Test
    void csvImportBecomesPendingChangesAndExportWritesTheServerState(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("members.csv");
        Files.writeString(in, "jid,affiliation,reason\nfrank@example.org,member,imported\n"
                + "bob@example.org,outcast,spam\nbroken line without fields\n");
        model.importCsv(in);
        assertThat(row("frank@example.org").status()).isEqualTo(MemberRow.Status.ADDED);
        assertThat(row("bob@example.org").pendingText()).isEqualTo("members → banned");
        assertThat(notifications.visible()).anyMatch(n -> n.title().equals("CSV import"));

        Path out = dir.resolve("export.csv");
        model.exportCsv(out);
        String text = Files.readString(out);
        assertThat(text).contains("alice@example.org").doesNotContain("frank@example.org");
    }

    @Test
    void aRefusedLoadIsShownInPlainWords() {
        model.load();
        assertThat(model.status().get()).isEqualTo("You are not an owner of " + ROOM + ".");
        assertThat(notifications.visible()).anyMatch(n -> n.message().equals("You are not an owner of " + ROOM + "."));
        assertThat(model.busy().get()).isFalse();
    }

    private MemberRow row(String jid) {
        return model.rows().stream().filter(r -> r.jid().equals(jid)).findFirst().orElseThrow();
    }
}
