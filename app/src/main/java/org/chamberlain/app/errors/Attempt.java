package org.chamberlain.app.errors;

import java.util.Objects;

/**
 * What the person tried to do, so that a refusal can be explained in their terms.
 *
 * @param action what was attempted
 * @param room the room (or service, or account) it concerned, as text; may be {@code null}
 * @param target the person, nickname or room acted upon; may be {@code null}
 * @param customPhrase for {@link Action#OTHER}: the verb phrase, e.g. "change the configuration of"
 */
public record Attempt(Action action, String room, String target, String customPhrase) {

    public Attempt {
        Objects.requireNonNull(action, "action");
        if (action == Action.OTHER && customPhrase == null) {
            throw new IllegalArgumentException("Action.OTHER needs a verb phrase");
        }
    }

    public static Attempt of(Action action, Object room) {
        return new Attempt(action, room == null ? null : room.toString(), null, null);
    }

    public static Attempt of(Action action, Object room, Object target) {
        return new Attempt(action, room == null ? null : room.toString(), target == null ? null : target.toString(),
                null);
    }

    /** An action without its own constant, e.g. {@code custom("change the configuration of", room)}. */
    public static Attempt custom(String verbPhrase, Object room) {
        return new Attempt(Action.OTHER, room == null ? null : room.toString(), null,
                Objects.requireNonNull(verbPhrase, "verbPhrase"));
    }

    /** The phrase that names the action in a sentence: "kick", "change the configuration of". */
    public String verbPhrase() {
        return customPhrase != null ? customPhrase : action.verbPhrase();
    }

    /** Things a person does through app/ services; each knows how to name itself in a sentence. */
    public enum Action {
        CONNECT("connect to"),
        DISCOVER("look up"),
        JOIN("join"),
        LEAVE("leave"),
        CREATE("create"),
        CONFIGURE("configure"),
        ROOM_INFO("read the information of"),
        CHANGE_SUBJECT("change the subject of"),
        SEND_MESSAGE("send a message to"),
        CHANGE_NICKNAME("change your nickname in"),
        REGISTER("register with"),
        KICK("kick"),
        GRANT_VOICE("give voice to"),
        REVOKE_VOICE("take voice from"),
        GRANT_MODERATOR("make a moderator of"),
        REVOKE_MODERATOR("remove the moderator role of"),
        BAN("ban"),
        CHANGE_AFFILIATION("change the affiliation of"),
        LIST_AFFILIATIONS("read the affiliation list of"),
        INVITE("invite"),
        DESTROY("destroy"),
        ADMIN_DESTROY("destroy (as server administrator)"),
        /** Anything else; the {@link Attempt} carries the phrase. */
        OTHER("act on");

        private final String verbPhrase;

        Action(String verbPhrase) {
            this.verbPhrase = verbPhrase;
        }

        /** E.g. "kick", "give voice to": fits "You may not … X in room@…". */
        public String verbPhrase() {
            return verbPhrase;
        }

        /** Actions that act on an occupant or a person (the target) within a room. */
        public boolean actsOnPerson() {
            switch (this) {
                case KICK:
                case GRANT_VOICE:
                case REVOKE_VOICE:
                case GRANT_MODERATOR:
                case REVOKE_MODERATOR:
                case BAN:
                case CHANGE_AFFILIATION:
                case INVITE:
                    return true;
                default:
                    return false;
            }
        }

        /** Actions that only a room owner may perform on Prosody and in XEP-0045. */
        public boolean ownerOnly() {
            switch (this) {
                case CONFIGURE:
                case DESTROY:
                case CREATE:
                    return true;
                default:
                    return false;
            }
        }
    }
}
