package org.chamberlain.views.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the chat as shown: who, when, what, and how to style it.
 *
 * @param sender the nickname, or the room's address when the room itself speaks
 * @param time the time as shown ("14:05", or "2026-11-20 14:05" when not today)
 * @param at the instant, for sorting and tests
 * @param own sent by us
 * @param history replayed from before we joined (shown dimmed)
 * @param fromRoom sent by the room itself, not by an occupant
 */
public record ChatLine(String sender, String time, Instant at, String body, boolean own, boolean history,
        boolean fromRoom) {

    public ChatLine {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
    }
}
