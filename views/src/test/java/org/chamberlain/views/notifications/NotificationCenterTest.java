package org.chamberlain.views.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The notification list without a toolkit. */
class NotificationCenterTest {
    private final NotificationCenter center = new NotificationCenter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void theSameCardIsNotStackedTwiceWhileItIsOnScreen() {
        Notification first = center.postUnlessOnScreen(Notification.Kind.WARNING, "Room destroyed",
                "lobby was destroyed.");
        Notification again = center.postUnlessOnScreen(Notification.Kind.WARNING, "Room destroyed",
                "lobby was destroyed.");
        assertThat(again).isSameAs(first);
        assertThat(center.visible()).containsExactly(first);

        center.postUnlessOnScreen(Notification.Kind.WARNING, "Room destroyed", "annex was destroyed.");
        assertThat(center.visible()).hasSize(2);

        center.dismiss(first);
        center.postUnlessOnScreen(Notification.Kind.WARNING, "Room destroyed", "lobby was destroyed.");
        assertThat(center.history()).extracting(Notification::message).containsExactly("lobby was destroyed.",
                "annex was destroyed.", "lobby was destroyed.");
    }

    @Test
    void onlyTheNewestFourStayOnScreenAndAllStayInTheHistory() {
        for (int i = 1; i <= 6; i++) {
            center.info("Note", "number " + i);
        }
        assertThat(center.visible()).extracting(Notification::message).containsExactly("number 3", "number 4",
                "number 5", "number 6");
        assertThat(center.history()).hasSize(6);
    }
}
