package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.events.Occupant;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.occupants.OccupantPermissions;
import org.chamberlain.views.rooms.RoomCommands;
import org.chamberlain.views.rooms.RoomDialogs;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Occupant-side workflows through the real window against a real Prosody; the other person uses app/. */
@WithProsody
class OccupantWorkflowsTest {

    @Test
    void removingAMemberOfAMembersOnlyRoomMakesThemLeave(TestServer server, @TempDir Path config) throws Exception {
        String room = "private-team@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        RoomConfigurationService configuration = new RoomConfigurationService(setup, ConfigurationAuditor.NONE);
        FormDefinition form = configuration.fetch(room);
        configuration.submit(room, form, form.initialAnswers().withBoolean("muc#roomconfig_membersonly", true));
        AffiliationService affiliations = new AffiliationService(setup, AffiliationAuditor.NONE);
        AffiliationLists lists = affiliations.fetch(room);
        affiliations.apply(room, AffiliationChangeSet.against(lists).add(server.jid("carol"), Affiliation.MEMBER,
                null), false);
        try (AppHarness.Person carol = AppHarness.person(server, "carol");
                AppHarness app = AppHarness.start(server, config, "owner")) {
            carol.session().rooms().join(room, "Carol", Optional.empty());
            app.onFx(() -> app.app().mainModel().openRoomByAddress(room));
            app.waitFor("the join offer", () -> !app.app().workspace(room).occupants().status().get().isEmpty());
            app.joinThroughOccupantsTab();
            app.waitFor("carol in the occupant list", () -> app.app().workspace(room).occupants().occupants()
                    .stream().anyMatch(o -> o.nickname().equals("Carol")));
            app.screenshot("occupants");

            app.onFx(() -> {
                app.app().workspace(room).select(1);
            });
            app.waitFor("the lists", () -> app.app().workspace(room).members().loaded().get());
            app.onFx(() -> {
                app.app().workspace(room).members().remove(server.jid("carol"), "no longer on the team");
                ((Button) app.scene().lookup("#members-apply")).fire();
            });
            app.waitFor("carol gone from the occupants", () -> app.app().workspace(room).occupants().occupants()
                    .stream().noneMatch(o -> o.nickname().equals("Carol")));
            app.waitFor("carol told why", () -> carol.events().stream().anyMatch(e -> e instanceof RemovedFromRoom r
                    && r.departure() == RoomEvent.Departure.AFFILIATION_CHANGED));
            app.onFx(() -> app.app().workspace(room).select(0));
            app.screenshot("occupants-after-removal");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }

    @Test
    void anInvitationArrivesAtTheOtherAccount(TestServer server, @TempDir Path config) throws Exception {
        String room = "invite-flow@" + server.mucService();
        try (AppHarness app = AppHarness.start(server, config, "owner", "dave")) {
            AccountSession owner = app.app().sessions().session(server.jid("owner")).orElseThrow();
            app.onFx(() -> new RoomCommands(app.app().mainModel().taskRunner(), app.app().notifications())
                    .createInstant(owner, room, "Owner", created -> app.app().mainModel().openRoom(created)));
            app.waitFor("the room open", () -> app.app().workspace(room) != null);

            app.onFx(() -> {
                Dialog<RoomDialogs.InviteRequest> dialog = RoomDialogs.inviteDialog(app.scene().getWindow(), room);
                // What the Room → Invite menu does with the dialog's answer.
                dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(request ->
                        new RoomCommands(app.app().mainModel().taskRunner(), app.app().notifications()).invite(
                                owner, room, request.invitees(), request.direct(), request.reason())));
                dialog.show();
                ((TextArea) dialog.getDialogPane().lookup("#invite-jids")).setText(server.jid("dave"));
                ((TextField) dialog.getDialogPane().lookup("#invite-reason")).setText("weekly sync");
            });
            app.screenshotOfWindows("invite-dialog");
            app.onFx(() -> app.pressDefaultButtonOfDialog());
            try {
                app.waitFor("dave's notification", () -> app.app().notifications().history().stream().anyMatch(
                        n -> n.title().equals("Invitation for " + server.jid("dave"))
                                && n.message().contains(room) && n.message().contains("weekly sync")));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("Notifications: " + app.app().notifications().history(), e);
            }
            app.screenshot("invitation-received");
        }
    }

    @Test
    void destroyingWithAReasonReachesTheOccupant(TestServer server, @TempDir Path config) throws Exception {
        String room = "doomed@" + server.mucService();
        try (AppHarness.Person erin = AppHarness.person(server, "erin");
                AppHarness app = AppHarness.start(server, config, "owner")) {
            AccountSession owner = app.app().sessions().session(server.jid("owner")).orElseThrow();
            app.onFx(() -> new RoomCommands(app.app().mainModel().taskRunner(), app.app().notifications())
                    .createInstant(owner, room, "Owner", created -> app.app().mainModel().openRoom(created)));
            app.waitFor("the room open", () -> app.app().workspace(room) != null);
            erin.session().rooms().join(room, "Erin", Optional.empty());
            app.waitFor("erin listed", () -> app.app().workspace(room).occupants().occupants().stream()
                    .anyMatch(o -> o.nickname().equals("Erin")));

            app.onFx(() -> {
                ((TextField) app.scene().lookup("#occupants-subject")).setText("Last day here");
                ((TextField) app.scene().lookup("#occupants-subject")).fireEvent(
                        new javafx.event.ActionEvent());
            });
            app.waitFor("erin sees the subject", () -> erin.events().stream().anyMatch(e ->
                    e instanceof org.chamberlain.app.events.SubjectChanged s && s.subject().equals("Last day here")));

            app.onFx(() -> {
                Dialog<RoomDialogs.DestroyRequest> dialog = RoomDialogs.destroyDialog(app.scene().getWindow(), room);
                dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(request ->
                        new RoomCommands(app.app().mainModel().taskRunner(), app.app().notifications()).destroy(
                                owner, room, request.reason(), request.alternateVenue(), () -> { })));
                dialog.show();
                ((TextField) dialog.getDialogPane().lookup("#destroy-reason")).setText("moved to the new server");
            });
            Node destroy = app.lookupInWindows("#destroy-button");
            assertThat(destroy.isDisabled()).as("Destroy before the name is typed").isTrue();
            app.onFx(() -> ((TextField) app.lookupInWindows("#destroy-confirm")).setText("doomed"));
            assertThat(destroy.isDisabled()).isFalse();
            app.screenshotOfWindows("destroy-dialog");
            app.onFx(() -> ((Button) destroy).fire());

            app.waitFor("erin told", () -> erin.events().stream().anyMatch(e -> e instanceof RoomDestroyed d
                    && d.reason().equals(Optional.of("moved to the new server"))));
            app.waitFor("owner told", () -> app.app().notifications().history().stream()
                    .anyMatch(n -> n.title().equals("Room destroyed")));
        }
    }

    @Test
    void aParticipantCannotKickTheOwnerAndIsToldWhyInPlainWords(TestServer server, @TempDir Path config)
            throws Exception {
        String room = "hierarchy@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        try (AppHarness app = AppHarness.start(server, config, "frank")) {
            app.onFx(() -> app.app().mainModel().openRoomByAddress(room));
            app.waitFor("the join offer", () -> !app.app().workspace(room).occupants().status().get().isEmpty());
            app.joinThroughOccupantsTab();
            app.waitFor("owner listed", () -> app.app().workspace(room).occupants().occupants().stream()
                    .anyMatch(o -> o.nickname().equals("Owner")));
            Occupant owner = app.app().workspace(room).occupants().occupants().stream()
                    .filter(o -> o.nickname().equals("Owner")).findFirst().orElseThrow();
            app.onFx(() -> {
                @SuppressWarnings("unchecked")
                TableView<Occupant> table = (TableView<Occupant>) app.scene().lookup("#occupants-table");
                table.getSelectionModel().select(owner);
            });
            assertThat(app.scene().lookup("#occupant-kick").isDisabled()).isTrue();
            assertThat(app.app().workspace(room).occupants().whyNot(OccupantPermissions.Action.KICK, owner))
                    .hasValueSatisfying(why -> assertThat(why).contains("Only moderators may kick"));
            app.screenshot("kick-disabled-with-reason");

            // The server is the judge: asking anyway gives a refusal in plain words, not "not-allowed".
            app.onFx(() -> app.app().workspace(room).occupants().act(OccupantPermissions.Action.KICK, owner, "x"));
            app.waitFor("the refusal", () -> app.app().notifications().history().stream()
                    .anyMatch(n -> n.kind() == Notification.Kind.ERROR));
            Notification refusal = app.app().notifications().history().stream()
                    .filter(n -> n.kind() == Notification.Kind.ERROR).findFirst().orElseThrow();
            assertThat(refusal.message()).doesNotContain("not-allowed").doesNotContain("forbidden")
                    .containsIgnoringCase("Owner");
            app.screenshot("kick-refused");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }
}
