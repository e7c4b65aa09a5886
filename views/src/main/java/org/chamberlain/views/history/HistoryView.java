package org.chamberlain.views.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chamberlain.app.audit.AuditEntry;

/** The History tab: the audit log's entries for this room, newest first, one row per action. */
public final class HistoryView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();

    public HistoryView(HistoryViewModel model) {
        TableView<AuditEntry> table = new TableView<>(model.entries());
        table.setId("history-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("When", 175, e -> TIME.format(e.time())));
        table.getColumns().add(column("Account", 190, AuditEntry::account));
        table.getColumns().add(column("Action", 110, AuditEntry::action));
        table.getColumns().add(column("Result", 90, e -> e.succeeded() ? "done" : "partly refused"));
        table.getColumns().add(column("What", 380, e -> e.items().stream()
                .map(i -> i.target() + ": " + i.change() + (i.message().map(m -> " — " + m).orElse("")))
                .collect(Collectors.joining("; ")) + e.reason().map(r -> " (reason: " + r + ")").orElse("")));
        Label empty = new Label("No recorded actions.");
        empty.getStyleClass().add("placeholder-text");
        table.setPlaceholder(empty);
        Label status = new Label();
        status.textProperty().bind(model.status());
        status.getStyleClass().add("help-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button("Reload");
        reload.setOnAction(e -> model.load());
        HBox bar = new HBox(10, status, spacer, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        root.setTop(bar);
        root.setCenter(table);
    }

    private static TableColumn<AuditEntry, String> column(String title, double width,
            java.util.function.Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // Long entries are cut to the column; the whole text is one hover away.
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return column;
    }

    public Node node() {
        return root;
    }
}
