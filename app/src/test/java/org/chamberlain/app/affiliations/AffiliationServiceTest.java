package org.chamberlain.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chamberlain.app.TestAccounts;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Affiliation lists on a real Prosody. */
@WithProsody
class AffiliationServiceTest {

    @Test
    void grantingMembershipToSomeoneNotInTheRoomNotifiesTheOwnerAndShowsInTheMemberList(TestServer server)
            throws Exception {
        XMPPTCPConnection romeo = TestAccounts.connect(server, "romeo");
        XMPPTCPConnection juliet = TestAccounts.connect(server, "juliet");
        try {
            String room = "notify@" + server.mucService();
            TestAccounts.instantRoom(romeo, room, "Romeo");
            AffiliationService service = new AffiliationService(romeo, AffiliationAuditor.NONE);
            String julietJid = server.jid("juliet");
            StanzaCollector notifications = romeo.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                    FromMatchesFilter.createBare(JidCreate.entityBareFrom(room))));
            try {
                ApplyReport report = service.apply(room, AffiliationChangeSet.against(service.fetch(room))
                        .add(julietJid, Affiliation.MEMBER, "friend of the house"), false);

                assertThat(report.isComplete()).as(report.summary()).isTrue();
                Message notice = notifications.nextResultOrThrow(5000);
                MUCItem item = MUCUser.from(notice).getItem();
                assertThat(item.getJid().asBareJid().toString()).isEqualTo(julietJid);
                assertThat(item.getAffiliation().toString()).isEqualTo("member");
            } finally {
                notifications.cancel();
            }
            assertThat(service.fetch(room, Affiliation.MEMBER)).extracting(AffiliatedJid::jid)
                    .containsExactly(julietJid);

            MultiUserChat julietRoom = MultiUserChatManager.getInstanceFor(juliet)
                    .getMultiUserChat(JidCreate.entityBareFrom(room));
            julietRoom.join(Resourcepart.from("Juliet"));
            assertThat(service.fetch(room).affiliationOf(julietJid)).isEqualTo(Affiliation.MEMBER);
        } finally {
            juliet.disconnect();
            romeo.disconnect();
        }
    }

    @Test
    void multiTargetGrantsApplyToEveryTargetReportPerItemAndCanBeUndone(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "multiowner");
        try {
            String room = "multi@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            AffiliationService service = new AffiliationService(owner, AffiliationAuditor.NONE);

            AffiliationChangeSet set = AffiliationChangeSet.against(service.fetch(room))
                    .add(server.jid("m1"), Affiliation.MEMBER, "one")
                    .add(server.jid("m2"), Affiliation.MEMBER, "two")
                    .add(server.jid("m3"), Affiliation.MEMBER, "three")
                    .add(server.jid("a1"), Affiliation.ADMIN, "helps")
                    .add(server.jid("troll"), Affiliation.OUTCAST, "spam");
            ApplyReport report = service.apply(room, set, false);

            assertThat(report.items()).hasSize(5)
                    .allMatch(i -> i.outcome() == ItemResult.Outcome.APPLIED, "every item applied");
            assertThat(report.items()).extracting(i -> i.change().jid()).as("admins before members before bans")
                    .containsExactly(server.jid("a1"), server.jid("m1"), server.jid("m2"), server.jid("m3"),
                            server.jid("troll"));
            AffiliationLists after = report.after().orElseThrow();
            assertThat(after.jids(Affiliation.MEMBER)).containsExactly(server.jid("m1"), server.jid("m2"),
                    server.jid("m3"));
            assertThat(after.jids(Affiliation.ADMIN)).containsExactly(server.jid("a1"));
            assertThat(after.jids(Affiliation.OUTCAST)).containsExactly(server.jid("troll"));
            assertThat(service.fetch(room)).isEqualTo(after);

            ApplyReport undone = service.apply(room, report.undo().orElseThrow(), false);
            assertThat(undone.isComplete()).as(undone.summary()).isTrue();
            assertThat(undone.after().orElseThrow().all()).extracting(AffiliatedJid::jid)
                    .containsExactly(server.jid("multiowner"));
        } finally {
            owner.disconnect();
        }
    }

    /** The Prosody behaviour that forces one request per target (see docs/notes/affiliations.md). */
    @Test
    void prosodyAppliesOnlyTheFirstItemOfAMultiItemRequestYetAnswersResult(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "quirkowner");
        try {
            String room = "quirk@" + server.mucService();
            MultiUserChat muc = TestAccounts.instantRoom(owner, room, "Owner");
            List<BareJid> three = List.of(JidCreate.bareFrom(server.jid("q1")), JidCreate.bareFrom(server.jid("q2")),
                    JidCreate.bareFrom(server.jid("q3")));

            muc.grantMembership(three);

            assertThat(new AffiliationService(owner, AffiliationAuditor.NONE).fetch(room, Affiliation.MEMBER))
                    .extracting(AffiliatedJid::jid).containsExactly(server.jid("q1"));
        } finally {
            owner.disconnect();
        }
    }

    @Test
    void aPartialFailureSaysExactlyWhatWasAppliedAndWhatWasNot(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "partowner");
        XMPPTCPConnection admin = TestAccounts.connect(server, "partadmin");
        try {
            String room = "partial@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            AffiliationService asOwner = new AffiliationService(owner, AffiliationAuditor.NONE);
            asOwner.apply(room, AffiliationChangeSet.against(asOwner.fetch(room))
                    .add(server.jid("partadmin"), Affiliation.ADMIN, null), false);

            AffiliationService asAdmin = new AffiliationService(admin, AffiliationAuditor.NONE);
            AffiliationLists adminView = asAdmin.fetch(room);
            assertThat(adminView.unreadable()).as("Prosody hides the owner list from admins")
                    .containsExactly(Affiliation.OWNER);
            ApplyReport report = asAdmin.apply(room, AffiliationChangeSet.against(adminView)
                    .add(server.jid("p1"), Affiliation.MEMBER, null)
                    .add(server.jid("p2"), Affiliation.OWNER, "admins cannot do this")
                    .add(server.jid("p3"), Affiliation.MEMBER, null), false);

            assertThat(report.isComplete()).isFalse();
            assertThat(report.with(ItemResult.Outcome.APPLIED)).extracting(i -> i.change().jid())
                    .containsExactly(server.jid("p1"), server.jid("p3"));
            ItemResult refused = report.with(ItemResult.Outcome.REFUSED).get(0);
            assertThat(refused.change().jid()).isEqualTo(server.jid("p2"));
            assertThat(refused.error().orElseThrow().condition()).isIn(ModerationException.Condition.FORBIDDEN,
                    ModerationException.Condition.NOT_ALLOWED);
            assertThat(report.summary()).startsWith("Partly applied: 2 of 3 changes to " + room + " took effect.")
                    .contains("refused: add " + server.jid("p2") + " to owners (admins cannot do this) — ");
            assertThat(asOwner.fetch(room).affiliationOf(server.jid("p2"))).isEqualTo(Affiliation.NONE);
        } finally {
            admin.disconnect();
            owner.disconnect();
        }
    }

    @Test
    void aNonOwnerFetchingTheOwnerListIsRefusedWithForbidden(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "listowner");
        XMPPTCPConnection outsider = TestAccounts.connect(server, "outsider");
        try {
            String room = "owners@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");

            assertThatThrownBy(() -> new AffiliationService(outsider, AffiliationAuditor.NONE)
                    .fetch(room, Affiliation.OWNER))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(ModerationException.Condition.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("You are not an owner of " + room + ".");
                    });
        } finally {
            outsider.disconnect();
            owner.disconnect();
        }
    }

    @Test
    void removingTheLastOwnerIsRefusedBeforeAnythingIsSent(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "lastowner");
        try {
            String room = "last@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            AffiliationService service = new AffiliationService(owner, AffiliationAuditor.NONE);
            AffiliationLists before = service.fetch(room);

            assertThatThrownBy(() -> service.apply(room, AffiliationChangeSet.against(before)
                    .add(server.jid("newbie"), Affiliation.MEMBER, null)
                    .remove(server.jid("lastowner"), null), true))
                    .isInstanceOfSatisfying(AffiliationValidationException.class, e ->
                            assertThat(e.problems()).extracting(ChangeProblem::kind)
                                    .containsExactly(ChangeProblem.Kind.LAST_OWNER));
            assertThat(service.fetch(room)).isEqualTo(before);
        } finally {
            owner.disconnect();
        }
    }

    @Test
    void aConfirmedSelfDemotionIsSentAfterTheOtherChanges(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "leaving");
        try {
            String room = "handover@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            AffiliationService service = new AffiliationService(owner, AffiliationAuditor.NONE);
            AffiliationChangeSet set = AffiliationChangeSet.against(service.fetch(room))
                    .move(server.jid("leaving"), Affiliation.MEMBER, "handing over")
                    .add(server.jid("successor"), Affiliation.OWNER, null);

            assertThatThrownBy(() -> service.apply(room, set, false))
                    .isInstanceOfSatisfying(AffiliationValidationException.class, e ->
                            assertThat(e.onlyNeedsConfirmation()).isTrue());
            ApplyReport report = service.apply(room, set, true);

            assertThat(report.items()).extracting(i -> i.outcome()).containsOnly(ItemResult.Outcome.APPLIED);
            assertThat(report.items().get(1).change().jid()).isEqualTo(server.jid("leaving"));
            // As a member we may no longer read the lists: the report says so instead of guessing.
            report.after().ifPresent(after ->
                    assertThat(after.jids(Affiliation.OWNER)).containsExactly(server.jid("successor")));
            assertThat(report.after().isPresent() || report.refetchError().isPresent()).isTrue();
        } finally {
            owner.disconnect();
        }
    }
}
