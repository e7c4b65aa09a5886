package org.chamberlain.app.events;

/**
 * Where moderation services report each action they applied or that was refused: the hook for the
 * durable audit log. Called on the thread that performed the action (a background thread), after the
 * server answered; implementations must write synchronously (durably) before returning, and must not throw.
 */
@FunctionalInterface
public interface ActionJournal {

    /** Keeps no record. */
    ActionJournal NONE = action -> { };

    void record(ModerationAction action);
}
