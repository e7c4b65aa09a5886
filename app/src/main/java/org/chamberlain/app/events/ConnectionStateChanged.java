package org.chamberlain.app.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * An account's connection changed state.
 *
 * @param account the account's bare JID
 * @param state the new state
 * @param problem why, when the change was caused by a failure
 * @param attempt for {@link ConnectionState#RECONNECTING}: the number of the attempt that is scheduled (1…)
 * @param retryIn for {@link ConnectionState#RECONNECTING}: the delay before that attempt, otherwise zero
 */
public record ConnectionStateChanged(String account, ConnectionState state, Optional<ModerationException> problem,
        int attempt, Duration retryIn) {

    public ConnectionStateChanged {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(retryIn, "retryIn");
    }

    public static ConnectionStateChanged of(String account, ConnectionState state) {
        return new ConnectionStateChanged(account, state, Optional.empty(), 0, Duration.ZERO);
    }
}
