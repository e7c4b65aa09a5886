package org.chamberlain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.invitations.InvitationService.Kind;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/**
 * Round trips of the blocking service calls on a warm connection (figures for docs/benchmarks.md). The bound
 * is generous (the machine is shared); a regression to Smack's 5 s reply timeout would fail it.
 */
@WithProsody
class ModerationTimingTest {
    private static final int ROUNDS = 20;

    @Test
    void serviceCallsAnswerInMillisecondsOnLoopback(TestServer server) throws Exception {
        String room = "timed@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            List<Long> joins = new ArrayList<>();
            List<Long> roleChanges = new ArrayList<>();
            List<Long> invitations = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                guest.session().rooms().join(room, "Guest", Optional.empty());
                joins.add(System.nanoTime() - start);
                int round = i;
                owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Guest")
                        && owner.events().events().stream().filter(OccupantJoined.class::isInstance).count()
                        >= round + 2);

                start = System.nanoTime();
                owner.session().occupants().revokeVoice(room, "Guest", Optional.of("round " + i));
                roleChanges.add(System.nanoTime() - start);

                start = System.nanoTime();
                owner.session().invitations().invite(room, List.of(server.jid("friend" + i)), Kind.MEDIATED,
                        Optional.empty(), Optional.empty());
                invitations.add(System.nanoTime() - start);

                guest.session().rooms().leave(room);
            }
            report("join (until self-presence)", joins);
            report("revoke voice (muc#admin set)", roleChanges);
            report("mediated invitation incl. refusal barrier", invitations);
            assertThat(median(joins)).isLessThan(Duration.ofSeconds(1).toNanos());
            assertThat(median(roleChanges)).isLessThan(Duration.ofSeconds(1).toNanos());
            assertThat(median(invitations)).isLessThan(Duration.ofSeconds(1).toNanos());
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("TIMING %s: median %.2f ms, max %.2f ms over %d%n", what, median(nanos) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
