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
}
