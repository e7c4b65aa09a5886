package org.chamberlain.scripting.parse;

import java.util.Objects;
import org.chamberlain.scripting.xml.Element;

/**
 * One step of a script: an actor (a declared client), a verb, and for {@code sends}/{@code receives} the
 * stanza of its XML block. Line and column point at the action line in the script file.
 *
 * @param index 0-based position among the script's actions
 * @param stanza the block's (first) element, or null for verbs without a block
 */
public record Action(int index, String actor, Verb verb, Element stanza, int line, int column) {
    public Action {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(verb, "verb");
        if (verb.takesBlock() != (stanza != null)) {
            throw new IllegalArgumentException(verb + " with stanza " + stanza);
        }
    }

    /** {@code Romeo sends} etc., as written in scripts. */
    public String describe() {
        return actor + " " + verb.word();
    }
}
