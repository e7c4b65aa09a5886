package org.chamberlain.app.connections;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before each reconnection attempt: exponential backoff from {@code firstDelay}, doubling up
 * to {@code maxDelay}, each delay varied by up to ±20% so that many clients do not return at once.
 *
 * @param firstDelay delay before the first attempt
 * @param maxDelay the longest delay
 * @param maxAttempts give up after this many attempts (state FAILED); 0 = never give up
 */
public record ReconnectPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    /** 1 s, 2 s, 4 s … up to 2 minutes, forever. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofMinutes(2), 0);

    /** No reconnection: a broken connection goes to DISCONNECTED (the command line wants this). */
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, -1);

    public ReconnectPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    public boolean enabled() {
        return maxAttempts >= 0;
    }

    /** The delay before attempt number {@code attempt} (1-based). */
    public Duration delayBefore(int attempt) {
        long first = Math.max(1, firstDelay.toMillis());
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long millis = Math.min(maxDelay.toMillis(), first << doublings);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(millis * jitter)));
    }

    public boolean allows(int attempt) {
        return enabled() && (maxAttempts == 0 || attempt <= maxAttempts);
    }
}
