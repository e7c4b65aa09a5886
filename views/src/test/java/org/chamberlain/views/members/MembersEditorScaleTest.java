package org.chamberlain.views.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The members editor with 10,000 affiliations, without a toolkit: building the rows and one filter keystroke.
 * Prints the figures (docs/benchmarks.md); the bounds are loose so a busy CI machine does not fail them, but
 * an accidentally quadratic refresh would.
 */
class MembersEditorScaleTest {

    @Test
    void tenThousandAffiliationsStayInteractive() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            members.add(String.format("user%05d@example.org", i));
        }
        AffiliationLists lists = AffiliationLists.of("big@conference.example.org", Map.of(
                Affiliation.OWNER, List.of("owner@example.org"), Affiliation.MEMBER, members));
        MembersViewModel model = new MembersViewModel(new SameThreadTaskRunner(),
                new NotificationCenter(Clock.systemUTC()), new MembersGateway() {
                    @Override
                    public AffiliationLists fetch(String room) {
                        return lists;
                    }

                    @Override
                    public ApplyReport apply(String room, AffiliationChangeSet changes, boolean confirmed) {
                        throw new AssertionError("not applied here");
                    }
                }, "big@conference.example.org", "owner@example.org");
        // Warm-up (class loading, JIT), then measure.
        model.load();
        long start = System.nanoTime();
        model.load();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(model.rows()).hasSize(10_001);

        start = System.nanoTime();
        model.filter().set("user0999");
        long filterMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(model.rows()).hasSize(10);

        start = System.nanoTime();
        model.addAll("new1@example.org new2@example.org", Affiliation.ADMIN, null);
        long editMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("members editor, 10,000 affiliations: rows from lists %d ms, filter keystroke %d ms,"
                + " one edit %d ms%n", loadMillis, filterMillis, editMillis);
        assertThat(loadMillis).isLessThan(1_000);
        assertThat(filterMillis).isLessThan(250);
        assertThat(editMillis).isLessThan(250);
    }
}
