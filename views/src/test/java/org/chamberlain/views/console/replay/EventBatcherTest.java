package org.chamberlain.views.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class EventBatcherTest {

    @Test
    void manyEventsBeforeTheUiRunsBecomeOneBatchInOrder() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<List<Integer>> batches = new ArrayList<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(uiQueue::add, batches::add, 10_000);

        for (int i = 0; i < 5000; i++) {
            batcher.offer(i);
        }
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(5000);
        assertThat(batches.get(0).get(4999)).isEqualTo(4999);
        assertThat(batcher.drains()).isEqualTo(1);
    }

    @Test
    void aCappedBatchSchedulesTheRestAndNothingIsLost() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<Integer> seen = new ArrayList<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(uiQueue::add, seen::addAll, 100);

        for (int i = 0; i < 250; i++) {
            batcher.offer(i);
        }
        int runs = 0;
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
            runs++;
        }
        batcher.offer(250);
        uiQueue.poll().run();

        assertThat(runs).isEqualTo(3);
        assertThat(seen).hasSize(251).isSorted();
    }

    @Test
    void withAMinimumIntervalADrainTooSoonIsPostponedAndEventsJoinIt() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<List<Integer>> batches = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        Queue<Runnable> delayed = new ArrayDeque<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(uiQueue::add, batches::add, 100,
                (nanos, task) -> {
                    delays.add(nanos);
                    delayed.add(task);
                }, 10_000);

        batcher.offer(1);
        uiQueue.poll().run();
        batcher.offer(2);
        batcher.offer(3);
        assertThat(uiQueue).isEmpty();
        assertThat(delays).hasSize(1);
        assertThat(delays.get(0)).isGreaterThan(9_000_000_000L).isLessThanOrEqualTo(10_000_000_000L);
        delayed.poll().run();
        uiQueue.poll().run();

        assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
    }
}
