package org.chamberlain.scripting.parse;

/** What an action does. */
public enum Verb {
    CONNECTS("connects", false),
    DISCONNECTS("disconnects", false),
    SENDS("sends", true),
    RECEIVES("receives", true),
    /** {@code receives: nothing}: no stanza may be queued or arrive within a short window. */
    RECEIVES_NOTHING("receives: nothing", false);

    private final String word;
    private final boolean takesBlock;

    Verb(String word, boolean takesBlock) {
        this.word = word;
        this.takesBlock = takesBlock;
    }

    /** The verb as scripts write it. */
    public String word() {
        return word;
    }

    public boolean takesBlock() {
        return takesBlock;
    }
}
