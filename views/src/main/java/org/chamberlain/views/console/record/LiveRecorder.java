package org.chamberlain.views.console.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.chamberlain.app.events.Registration;
import org.chamberlain.views.console.record.SessionRecorder.Account;
import org.chamberlain.views.console.record.SessionRecorder.Recorded;
import org.chamberlain.views.xmlconsole.TrafficSource;

/**
 * Records the live traffic of chosen accounts until {@link #stop}, then writes it as a script. The order of
 * the script is the order in which this JVM saw the elements (a sequence number taken on Smack's threads, so
 * two accounts' elements within the same millisecond keep their order). Thread-safe.
 */
public final class LiveRecorder {
    /** An account to record: its name in the script, its bare JID and the full JID it is bound to now. */
    public record Target(String name, String bareJid, String fullJid, TrafficSource source) {
    }

    private final List<Target> targets;
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Starts recording at once. Any thread. */
    public LiveRecorder(List<Target> targets) {
        this.targets = List.copyOf(targets);
        for (Target target : this.targets) {
            // Called on Smack's threads: number, copy, return.
            registrations.add(target.source().onTraffic(record -> {
                synchronized (recorded) {
                    recorded.add(new Recorded(target.name(), record.outgoing(), record.xml(),
                            sequence.incrementAndGet()));
                }
            }, Runnable::run));
        }
    }

    /** How many elements were recorded so far. */
    public int size() {
        synchronized (recorded) {
            return recorded.size();
        }
    }

    /** Stops recording and returns the script. */
    public String stop(String title) {
        registrations.forEach(Registration::close);
        List<Recorded> copy;
        synchronized (recorded) {
            copy = new ArrayList<>(recorded);
        }
        List<Account> accounts = targets.stream().map(t -> new Account(t.name(), t.bareJid(), t.fullJid())).toList();
        return SessionRecorder.toScript(title, accounts, copy);
    }
}
