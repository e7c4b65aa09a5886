package org.chamberlain.views.rooms;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.app.rooms.RoomDetails;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The join dialog's state: room address, nickname, password, what the room says about itself, and the
 * last refusal in plain words with the field it is about. A refusal keeps every input, so the person fixes
 * one field and presses Join again. UI thread only; the server calls run on the task runner.
 */
public final class JoinViewModel {

    /** What joining needs from the core; {@code RoomService::info} and {@code ::join} fit. Both block. */
    public interface Gateway {
        RoomDetails info(String room) throws ModerationException;

        JoinedRoom join(String room, String nickname, Optional<String> password) throws ModerationException;
    }

    /** The input a problem is about, so the dialog can put the focus there. */
    public enum Field { ROOM, NICKNAME, PASSWORD }

    /** A refusal worded for the person, and the field to fix. */
    public record Problem(String text, Optional<Field> field) {
    }

    private final TaskRunner tasks;
    private final Gateway gateway;
    private final Optional<String> defaultService;
    private final StringProperty room = new SimpleStringProperty("");
    private final StringProperty nickname = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper roomNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper passwordProtected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<Problem>> problem = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** The address the last details lookup was for, so a late answer for an older address is ignored. */
    private String lookedUp = "";

    /**
     * @param defaultService the service a bare room name goes to ("team" → "team@service"), when known
     */
    public JoinViewModel(TaskRunner tasks, Gateway gateway, String roomAddress, String defaultNickname,
            Optional<String> defaultService) {
        this.tasks = tasks;
        this.gateway = gateway;
        this.defaultService = defaultService;
        room.set(roomAddress == null ? "" : roomAddress);
        nickname.set(defaultNickname == null ? "" : defaultNickname);
        // A problem is about the input that produced it; typing makes it stale.
        room.addListener((obs, old, now) -> {
            problem.set(Optional.empty());
            roomNote.set("");
            passwordProtected.set(false);
        });
        nickname.addListener((obs, old, now) -> clearProblemAbout(Field.NICKNAME));
        password.addListener((obs, old, now) -> clearProblemAbout(Field.PASSWORD));
    }

    private void clearProblemAbout(Field field) {
        if (problem.get().flatMap(Problem::field).filter(f -> f == field).isPresent()) {
            problem.set(Optional.empty());
        }
    }

    /** The typed address as a room JID ("name" on the default service), or empty when it is not one. */
    public Optional<String> roomJid() {
        String text = room.get() == null ? "" : room.get().strip().toLowerCase(Locale.ROOT);
        if (!text.contains("@")) {
            if (text.isEmpty() || defaultService.isEmpty()) {
                return Optional.empty();
            }
            text = text + "@" + defaultService.get();
        }
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0 || text.contains("/")
                || text.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * Asks the room about itself (disco#info) so a password-protected or members-only room says so before the
     * person presses Join. A room that does not answer is not a problem yet: joining may create it.
     */
    public void lookUpRoom() {
        Optional<String> jid = roomJid();
        if (jid.isEmpty()) {
            return;
        }
        String address = jid.get();
        lookedUp = address;
        tasks.submit("Reading the details of " + address, ctx -> gateway.info(address), details -> {
            if (!address.equals(lookedUp) || !roomJid().equals(Optional.of(address))) {
                return;
            }
            passwordProtected.set(details.passwordProtected());
            roomNote.set(describe(details));
        }, failure -> {
            if (address.equals(lookedUp) && roomJid().equals(Optional.of(address))) {
                roomNote.set(UserMessages.unwrapModeration(failure)
                        .filter(e -> e.condition() == ModerationException.Condition.ITEM_NOT_FOUND)
                        .map(e -> "There is no room at this address yet; joining creates it if the service "
                                + "allows.")
                        .orElse("The room did not describe itself: " + UserMessages.sentence(failure)));
            }
        });
    }

    static String describe(RoomDetails details) {
        StringBuilder text = new StringBuilder();
        details.name().ifPresent(n -> text.append('\u201c').append(n).append("\u201d. "));
        if (details.passwordProtected()) {
            text.append("Protected by a password. ");
        }
        if (details.membersOnly()) {
            text.append("Members only. ");
        }
        details.occupants().ifPresent(n -> text.append(n).append(n == 1 ? " person" : " people").append(" in it."));
        return text.toString().strip();
    }

    /** Why Join cannot be pressed yet, checked locally without the server; empty when it can. */
    public Optional<Problem> localProblem() {
        if (roomJid().isEmpty()) {
            return Optional.of(new Problem(room.get().isBlank() ? "Type the room's address."
                    : "\u2018" + room.get().strip() + "\u2019 is not a room address; it looks like "
                    + "room@conference.example.org.", Optional.of(Field.ROOM)));
        }
        if (nickname.get() == null || nickname.get().isBlank()) {
            return Optional.of(new Problem("Choose a nickname.", Optional.of(Field.NICKNAME)));
        }
        if (passwordProtected.get() && password.get().isEmpty()) {
            return Optional.of(new Problem("This room is protected by a password: type it to join.",
                    Optional.of(Field.PASSWORD)));
        }
        return Optional.empty();
    }

    /**
     * Joins; on success {@code onJoined} gets the room, on refusal {@link #problem()} says why in plain words and
     * every input stays as typed.
     */
    public void join(Consumer<JoinedRoom> onJoined) {
        if (busy.get()) {
            return;
        }
        Optional<Problem> local = localProblem();
        if (local.isPresent()) {
            problem.set(local);
            return;
        }
        String address = roomJid().orElseThrow();
        String nick = nickname.get().strip();
        Optional<String> secret = Optional.of(password.get()).filter(p -> !p.isEmpty());
        busy.set(true);
        problem.set(Optional.empty());
        tasks.submit("Joining " + address, ctx -> gateway.join(address, nick, secret), joined -> {
            busy.set(false);
            onJoined.accept(joined);
        }, failure -> {
            busy.set(false);
            Problem described = problemFor(failure, address, nick, secret.isPresent());
            if (described.field().filter(f -> f == Field.PASSWORD).isPresent()) {
                // The server just told us: even if disco#info did not, this room wants a password.
                passwordProtected.set(true);
            }
            problem.set(Optional.of(described));
        });
    }

    /** The refusal of a join in words for the person who typed the dialog's fields. */
    static Problem problemFor(Throwable failure, String room, String nick, boolean passwordGiven) {
        Optional<ModerationException> refusal = UserMessages.unwrapModeration(failure);
        if (refusal.isEmpty()) {
            return new Problem(UserMessages.sentence(failure), Optional.empty());
        }
        switch (refusal.get().condition()) {
            case NOT_AUTHORIZED:
                return new Problem(passwordGiven
                        ? "Wrong password: " + room + " did not accept it. Check it and press Join again."
                        : room + " is protected by a password. Type it and press Join again.",
                        Optional.of(Field.PASSWORD));
            case CONFLICT:
                return new Problem("Someone in " + room + " already uses the nickname \u201c" + nick
                        + "\u201d. Choose another nickname.", Optional.of(Field.NICKNAME));
            case NOT_ACCEPTABLE:
                return new Problem(room + " does not accept the nickname \u201c" + nick + "\u201d (it may want "
                        + "the nickname you registered with it).", Optional.of(Field.NICKNAME));
            case REGISTRATION_REQUIRED:
                return new Problem(room + " is members-only, and you are not a member. Ask one of its owners or "
                        + "admins to add you.", Optional.of(Field.ROOM));
            case FORBIDDEN:
                return new Problem("You are banned from " + room + ". Only its owners and admins can lift the "
                        + "ban.", Optional.of(Field.ROOM));
            case ITEM_NOT_FOUND:
                return new Problem(room + " does not exist, or its creator is still setting it up (it stays "
                        + "locked until then).", Optional.of(Field.ROOM));
            case SERVICE_UNAVAILABLE:
                return new Problem(room + " is full or not available at the moment. Try again later.",
                        Optional.of(Field.ROOM));
            default:
                return new Problem(refusal.get().getMessage(), Optional.empty());
        }
    }

    public BooleanBinding canJoin() {
        return Bindings.createBooleanBinding(() -> !busy.get() && localProblem().isEmpty(), room, nickname,
                password, passwordProtected, busy);
    }

    public StringProperty room() {
        return room;
    }

    public StringProperty nickname() {
        return nickname;
    }

    public StringProperty password() {
        return password;
    }

    /** What the room said about itself ("Protected by a password. 3 people in it."), or empty. */
    public ReadOnlyStringProperty roomNote() {
        return roomNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordProtected() {
        return passwordProtected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
