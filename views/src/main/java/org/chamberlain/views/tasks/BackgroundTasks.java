package org.chamberlain.views.tasks;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The background tasks running now, as the status bar shows them. Mutated only on the UI thread by the
 * task runner; read by views.
 */
public final class BackgroundTasks {
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> readOnly = FXCollections.unmodifiableObservableList(running);

    public ObservableList<RunningTask> running() {
        return readOnly;
    }

    /** "Joining room@…" for one task, "3 tasks running" for several, empty when idle. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            if (running.isEmpty()) {
                return "";
            }
            if (running.size() == 1) {
                RunningTask task = running.get(0);
                return task.message().get().isEmpty() ? task.title() : task.title() + " — " + task.message().get();
            }
            return running.size() + " tasks running";
        }, running);
    }

    RunningTask started(String title) {
        RunningTask task = new RunningTask(title);
        running.add(task);
        return task;
    }

    void finished(RunningTask task) {
        running.remove(task);
    }

    /** One task as shown: title, progress (-1 = unknown) and the latest message. */
    public static final class RunningTask {
        private final String title;
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private final StringProperty message = new SimpleStringProperty("");

        RunningTask(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public ReadOnlyDoubleProperty progress() {
            return progress;
        }

        public ReadOnlyStringProperty message() {
            return message;
        }

        void update(long done, long total, String text) {
            progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
            message.set(text == null ? "" : text);
        }
    }
}
