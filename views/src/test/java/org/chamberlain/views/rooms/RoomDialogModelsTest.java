package org.chamberlain.views.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.app.rooms.RoomDetails;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The join and admin-destroy view models without a toolkit or server: input checks, wording of refusals,
 * kept inputs, the confirmation step. The gateways here stand in for the core's answers, which the workflow
 * tests get from a real Prosody.
 */
class RoomDialogModelsTest {
    private static final String ROOM = "team@conference.example.org";

    /** Answers with the next queued outcome: a refusal condition, or a successful join. */
    private static final class ScriptedJoins implements JoinViewModel.Gateway {
        final List<Condition> refusals = new ArrayList<>();
        final List<Optional<String>> passwordsTried = new ArrayList<>();
        boolean passwordProtected;

        @Override
        public RoomDetails info(String room) {
            return new RoomDetails(room, Optional.of("Team"), Optional.empty(), Optional.empty(), OptionalInt.of(3),
                    false, false, false, passwordProtected, true, Optional.empty());
        }

        @Override
        public JoinedRoom join(String room, String nickname, Optional<String> password) throws ModerationException {
            passwordsTried.add(password);
            if (!refusals.isEmpty()) {
                Condition condition = refusals.remove(0);
                throw new ModerationException(condition, "raw " + condition.xmppName());
            }
            return new JoinedRoom(room, nickname, Role.PARTICIPANT, Affiliation.NONE, false);
        }
    }

    @Test
    void aBareNameGoesToTheDefaultServiceAndBadAddressesAreExplained() {
        JoinViewModel model = new JoinViewModel(new SameThreadTaskRunner(), new ScriptedJoins(), "Team", "bob",
                Optional.of("conference.example.org"));
        assertThat(model.roomJid()).contains(ROOM);
        model.room().set("a@b@c");
        assertThat(model.roomJid()).isEmpty();
        assertThat(model.localProblem()).hasValueSatisfying(p -> {
            assertThat(p.text()).contains("is not a room address");
            assertThat(p.field()).contains(JoinViewModel.Field.ROOM);
        });
        model.room().set("@conference.example.org");
        assertThat(model.canJoin().get()).isFalse();
    }

    @Test
    void aPasswordProtectedRoomAsksForThePasswordBeforeTryingAndAfterAWrongOne() {
        ScriptedJoins server = new ScriptedJoins();
        server.passwordProtected = true;
        JoinViewModel model = new JoinViewModel(new SameThreadTaskRunner(), server, ROOM, "bob", Optional.empty());
        model.lookUpRoom();
        assertThat(model.roomNote().get()).isEqualTo("\u201cTeam\u201d. Protected by a password. 3 people in it.");
        assertThat(model.canJoin().get()).isFalse();

        model.password().set("wrong");
        server.refusals.add(Condition.NOT_AUTHORIZED);
        List<JoinedRoom> joined = new ArrayList<>();
        model.join(joined::add);
        assertThat(joined).isEmpty();
        assertThat(model.problem().get()).hasValueSatisfying(p -> {
            assertThat(p.text()).isEqualTo("Wrong password: " + ROOM + " did not accept it. Check it and press "
                    + "Join again.");
            assertThat(p.field()).contains(JoinViewModel.Field.PASSWORD);
        });
        assertThat(model.room().get()).isEqualTo(ROOM);
        assertThat(model.password().get()).isEqualTo("wrong");

        model.password().set("right");
        assertThat(model.problem().get()).as("a new password makes the old refusal stale").isEmpty();
        model.join(joined::add);
        assertThat(joined).singleElement().satisfies(j -> assertThat(j.room()).isEqualTo(ROOM));
        assertThat(server.passwordsTried).containsExactly(Optional.of("wrong"), Optional.of("right"));
    }

    @Test
    void refusalsAreWordedForPeopleAndPointAtTheFieldToFix() {
        assertThat(JoinViewModel.problemFor(new ModerationException(Condition.NOT_AUTHORIZED, "x"), ROOM, "bob",
                false).text()).isEqualTo(ROOM + " is protected by a password. Type it and press Join again.");
        JoinViewModel.Problem conflict = JoinViewModel.problemFor(new ModerationException(Condition.CONFLICT, "x"),
                ROOM, "bob", false);
        assertThat(conflict.text()).isEqualTo("Someone in " + ROOM
                + " already uses the nickname \u201cbob\u201d. Choose another nickname.");
        assertThat(conflict.field()).contains(JoinViewModel.Field.NICKNAME);
        assertThat(JoinViewModel.problemFor(new ModerationException(Condition.REGISTRATION_REQUIRED, "x"), ROOM,
                "bob", false).text()).isEqualTo(ROOM + " is members-only, and you are not a member. Ask one of its "
                + "owners or admins to add you.");
        assertThat(JoinViewModel.problemFor(new ModerationException(Condition.FORBIDDEN, "x"), ROOM, "bob", false)
                .text()).isEqualTo("You are banned from " + ROOM + ". Only its owners and admins can lift the ban.");
        assertThat(JoinViewModel.problemFor(new java.util.concurrent.ExecutionException(
                new ModerationException(Condition.NO_RESPONSE, "The server did not answer.")), ROOM, "bob", false))
                .isEqualTo(new JoinViewModel.Problem("The server did not answer.", Optional.empty()));
    }

    @Test
    void aNicknameConflictKeepsEveryInputAndClearsWhenTheNicknameChanges() {
        ScriptedJoins server = new ScriptedJoins();
        server.refusals.add(Condition.CONFLICT);
        JoinViewModel model = new JoinViewModel(new SameThreadTaskRunner(), server, ROOM, "bob", Optional.empty());
        model.password().set("pw");
        model.join(j -> { });
        assertThat(model.problem().get()).isPresent();
        model.password().set("pw2");
        assertThat(model.problem().get()).as("the problem is about the nickname, not the password").isPresent();
        model.nickname().set("bob2");
        assertThat(model.problem().get()).isEmpty();
    }

    /** The service destroys what it is asked to, except rooms in {@code missing}. */
    private static final class ScriptedService implements AdminDestroyViewModel.Gateway {
        final Set<String> missing;
        final List<List<String>> asked = new ArrayList<>();

        ScriptedService(Set<String> missing) {
            this.missing = missing;
        }

        @Override
        public List<String> rooms(String service) {
            return List.of("b@" + service, "a@" + service);
        }

        @Override
        public List<String> destroy(String service, List<String> rooms, Optional<String> reason) {
            asked.add(rooms);
            return rooms.stream().filter(r -> !missing.contains(r)).toList();
        }
    }

    @Test
    void destroyingAsAdminAsksForConfirmationOfTheListedRoomsThenReportsEachRoom() {
        ScriptedService service = new ScriptedService(Set.of("gone@muc"));
        AdminDestroyViewModel model = new AdminDestroyViewModel(new SameThreadTaskRunner(), service, "muc");
        model.load(List.of("gone@muc"), Set.of("gone@muc"));
        assertThat(model.choices()).extracting(AdminDestroyViewModel.Choice::room)
                .containsExactly("a@muc", "b@muc", "gone@muc");
        assertThat(model.selectedRooms()).containsExactly("gone@muc");
        model.choices().get(0).selected().set(true);

        List<List<String>> reported = new ArrayList<>();
        model.destroyPressed(reported::add);
        assertThat(service.asked).as("the first press only asks").isEmpty();
        assertThat(model.confirming().get()).isTrue();
        assertThat(model.status().get()).startsWith("Destroy these 2 rooms? a@muc, gone@muc.");

        model.choices().get(1).selected().set(true);
        assertThat(model.confirming().get()).as("a changed selection needs a new confirmation").isFalse();
        model.choices().get(1).selected().set(false);
        model.destroyPressed(reported::add);
        model.destroyPressed(reported::add);
        assertThat(service.asked).containsExactly(List.of("a@muc", "gone@muc"));
        assertThat(reported).containsExactly(List.of("a@muc"));
        assertThat(model.status().get()).isEqualTo("Destroyed 1 of 2 rooms.");
        assertThat(model.choices().get(0).outcome().get()).isEqualTo(AdminDestroyViewModel.Outcome.DESTROYED);
        assertThat(model.choices().get(1).outcome().get()).isEqualTo(AdminDestroyViewModel.Outcome.PENDING);
        assertThat(model.choices().get(2).result().get()).startsWith("Not destroyed: muc did not report it");
        assertThat(model.canDestroy().get()).as("one run per dialog").isFalse();
    }
}
