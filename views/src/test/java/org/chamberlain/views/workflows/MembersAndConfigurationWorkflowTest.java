package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.members.MemberRow;
import org.chamberlain.views.notifications.Notification;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole workflows through the real window, headless, against a real Prosody: the person clicks, the
 * server changes, the test checks the server's state through app/ services (not through the UI).
 */
@WithProsody
class MembersAndConfigurationWorkflowTest {

    @Test
    void addAMemberWhoIsNotInTheRoomAndApply(TestServer server, @TempDir Path config) throws Exception {
        String room = "members-flow@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        try (AppHarness app = AppHarness.start(server, config, "owner")) {
            app.onFx(() -> {
                app.app().mainModel().openRoomByAddress(room);
                app.app().workspace(room).select(1);
            });
            app.waitFor("the lists loaded", () -> app.app().workspace(room).members().loaded().get());

            app.onFx(() -> {
                TextArea jids = (TextArea) app.scene().lookup("#members-add-jids");
                jids.setText(server.jid("alice") + "\n" + server.jid("bob"));
                ((Button) app.scene().lookup("#members-add")).fire();
            });
            assertThat(app.app().workspace(room).members().rows()).filteredOn(r -> r.status()
                    == MemberRow.Status.ADDED).hasSize(2);
            app.screenshot("members-pending");

            // The row menu offers only what changes something: alice is already going to the members list.
            TableRow<?> aliceRow = app.scene().getRoot().lookupAll(".table-row-cell").stream()
                    .map(n -> (TableRow<?>) n)
                    .filter(r -> r.getItem() instanceof MemberRow m && m.jid().equals(server.jid("alice")))
                    .findFirst().orElseThrow();
            // Selected, then its menu opened (Monocle's robot does not raise context-menu requests).
            app.onFx(() -> {
                aliceRow.getTableView().getSelectionModel().clearAndSelect(aliceRow.getIndex());
                aliceRow.getContextMenu().show(aliceRow, Side.BOTTOM, 0, 0);
            });
            assertThat(aliceRow.getContextMenu().getItems()).filteredOn(MenuItem::isDisable)
                    .extracting(MenuItem::getText).containsExactly("Move to members");
            app.onFx(() -> aliceRow.getContextMenu().hide());

            app.onFx(() -> ((Button) app.scene().lookup("#members-apply")).fire());
            app.waitFor("the results", () -> !app.app().workspace(room).members().lastResults().isEmpty());
            app.waitFor("the lists re-read", () -> app.app().workspace(room).members().rows().stream()
                    .allMatch(r -> r.status() == MemberRow.Status.UNCHANGED));
            app.screenshot("members-applied");

            assertThat(((Label) app.scene().lookup("#members-status")).getText()).isEqualTo("Applied all 2 changes.");
            assertThat(app.app().notifications().history()).anyMatch(n -> n.kind() == Notification.Kind.SUCCESS
                    && n.title().equals("Members") && n.message().contains(room));
            assertThat(new AffiliationService(setup, AffiliationAuditor.NONE).fetch(room).jids(Affiliation.MEMBER))
                    .containsExactlyInAnyOrder(server.jid("alice"), server.jid("bob"));

            app.onFx(() -> app.app().workspace(room).select(4));
            app.waitFor("the history", () -> !app.app().workspace(room).history().entries().isEmpty());
            app.screenshot("history");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }

    @Test
    void makeTheRoomMembersOnlyInConfiguration(TestServer server, @TempDir Path config) throws Exception {
        String room = "config-flow@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        RoomConfigurationService configuration = new RoomConfigurationService(setup, ConfigurationAuditor.NONE);
        assertThat(configuration.fetch(room).initialAnswers().bool("muc#roomconfig_membersonly")).isFalse();
        try (AppHarness app = AppHarness.start(server, config, "owner")) {
            app.onFx(() -> {
                app.app().mainModel().openRoomByAddress(room);
                app.app().workspace(room).select(2);
            });
            app.waitFor("the form", () -> app.app().workspace(room).configuration().form().get() != null);

            app.onFx(() -> ((CheckBox) app.scene().lookup("#field-muc_roomconfig_membersonly")).setSelected(true));
            assertThat(app.app().workspace(room).configuration().changes().get()).hasSize(1);
            assertThat(app.scene().lookup("#field-muc_roomconfig_membersonly").getParent().getStyleClass())
                    .contains("changed-field");
            app.screenshot("configuration-changed");

            app.onFx(() -> ((Button) app.scene().lookup("#configuration-apply")).fire());
            app.waitFor("saved", () -> ((Label) app.scene().lookup("#configuration-status")).getText()
                    .startsWith("Saved"));
            assertThat(configuration.fetch(room).initialAnswers().bool("muc#roomconfig_membersonly")).isTrue();
            assertThat(app.app().workspace(room).configuration().changes().get())
                    .as("form %s / server %s", app.app().workspace(room).configuration().form().get()
                            .field("muc#roomconfig_membersonly"), configuration.fetch(room)
                            .field("muc#roomconfig_membersonly")).isEmpty();
            app.screenshot("configuration-applied");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }

    @Test
    void aRefusedActionIsShownInPlainWords(TestServer server, @TempDir Path config) throws Exception {
        String room = "refused-flow@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        try (AppHarness app = AppHarness.start(server, config, "mallory")) {
            app.onFx(() -> {
                app.app().mainModel().openRoomByAddress(room);
                app.app().workspace(room).select(1);
            });
            app.waitFor("the refusal", () -> !app.app().workspace(room).members().status().get().isEmpty()
                    && !app.app().workspace(room).members().busy().get());
            String shown = app.app().workspace(room).members().status().get();
            assertThat(shown).doesNotContain("forbidden").contains(room);
            assertThat(app.app().notifications().visible()).anyMatch(n -> n.kind() == Notification.Kind.ERROR
                    && n.message().equals(shown) && n.detailsIfAny().isPresent());
            app.screenshot("error-not-owner");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }
}
