package org.chamberlain.views.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldOption;
import org.chamberlain.app.forms.FieldProblem;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;

/**
 * Renders any room configuration form generically: every XEP-0004 field type, labels, descriptions as help,
 * required marks, per-field validation, changed fields highlighted; a "Common settings" block on top and
 * an advanced toggle that shows raw field names and hidden fields. Apply / Reset at the bottom with a
 * preview of the pending changes.
 */
public final class ConfigurationView {
    private final ConfigurationViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox content = new VBox(14);
    /** Listeners of the current rows on the answers, removed when the rows are rebuilt. */
    private final List<ChangeListener<FormAnswers>> rowListeners = new ArrayList<>();

    public ConfigurationView(ConfigurationViewModel model) {
        this.model = model;
        content.setPadding(new Insets(16, 20, 16, 20));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);
        root.setBottom(actionBar());
        root.setTop(lockedBanner());
        root.getStyleClass().add("configuration-view");
        model.generation().addListener((obs, old, now) -> rebuild());
        model.advanced().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public Node node() {
        return root;
    }

    private Node actionBar() {
        ToggleButton advanced = new ToggleButton("Show field names");
        advanced.selectedProperty().bindBidirectional(model.advanced());
        advanced.setTooltip(new Tooltip("Show the XEP-0045 variable names and the hidden fields"));
        Label status = new Label();
        status.textProperty().bind(model.status());
        status.setWrapText(true);
        status.setId("configuration-status");
        Label pending = new Label();
        pending.getStyleClass().add("pending-summary");
        model.changes().addListener((obs, old, now) -> {
            pending.setText(now.isEmpty() ? "" : now.size() + (now.size() == 1 ? " change" : " changes"));
            pending.setTooltip(now.isEmpty() ? null : new Tooltip(String.join("\n", model.preview())));
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reset = new Button("Reset");
        reset.setId("configuration-reset");
        reset.disableProperty().bind(model.canReset().not());
        reset.setOnAction(e -> model.reset());
        Button apply = new Button("Apply");
        apply.setId("configuration-apply");
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(false);
        apply.disableProperty().bind(model.canApply().not());
        apply.setOnAction(e -> model.apply());
        apply.textProperty().bind(javafx.beans.binding.Bindings.when(model.locked()).then("Create room")
                .otherwise("Apply"));
        Button cancelCreation = new Button("Cancel creation");
        cancelCreation.setId("configuration-cancel-creation");
        cancelCreation.getStyleClass().add("danger");
        cancelCreation.visibleProperty().bind(model.locked());
        cancelCreation.managedProperty().bind(model.locked());
        cancelCreation.disableProperty().bind(model.busy());
        cancelCreation.setOnAction(e -> model.cancelCreation());
        // Buttons keep their labels; a long status wraps instead of squeezing them to "…".
        for (javafx.scene.control.Control control : List.of(advanced, reset, cancelCreation, apply, pending)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox bar = new HBox(10, advanced, status, spacer, pending, reset, cancelCreation, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 20, 8, 20));
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    /** Above the form while the room is new and locked: why nobody can enter yet, and what ends that. */
    private Node lockedBanner() {
        Label text = new Label("This room is being created and stays locked: nobody else can enter it until you "
                + "press Create room (the defaults below are fine as they are). Cancel creation destroys it. "
                + "Some servers open a locked room by themselves after a while (Prosody: 5 minutes).");
        text.setWrapText(true);
        text.setId("configuration-locked");
        HBox banner = new HBox(text);
        banner.getStyleClass().add("locked-banner");
        banner.setPadding(new Insets(10, 20, 10, 20));
        banner.visibleProperty().bind(model.locked());
        banner.managedProperty().bind(model.locked());
        return banner;
    }

    private void rebuild() {
        rowListeners.forEach(l -> model.answers().removeListener(l));
        rowListeners.clear();
        content.getChildren().clear();
        FormDefinition form = model.form().get();
        if (form == null) {
            Label loading = new Label("The configuration has not been loaded.");
            loading.getStyleClass().add("placeholder-text");
            content.getChildren().add(loading);
            return;
        }
        form.title().ifPresent(t -> {
            Label title = new Label(t);
            title.getStyleClass().add("title-4");
            title.setWrapText(true);
            content.getChildren().add(title);
        });
        for (String line : form.instructions()) {
            Label instructions = new Label(line);
            instructions.setWrapText(true);
            instructions.getStyleClass().add("help-text");
            content.getChildren().add(instructions);
        }
        List<FieldDefinition> common = model.commonFields();
        if (!common.isEmpty()) {
            content.getChildren().addAll(sectionTitle("Common settings"), grid(common), new Separator());
        }
        content.getChildren().addAll(sectionTitle(common.isEmpty() ? "Settings" : "All other settings"),
                grid(model.otherFields()));
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        return title;
    }

    private GridPane grid(List<FieldDefinition> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        // One fixed width, so the label columns of "Common settings" and "All other settings" line up.
        labels.setMinWidth(260);
        labels.setPrefWidth(260);
        labels.setMaxWidth(260);
        ColumnConstraints editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, editors);
        int row = 0;
        for (FieldDefinition field : fields) {
            if (field.type() == FieldType.FIXED) {
                String text = String.join(" ", field.values());
                if (!text.isBlank()) {
                    Label header = new Label(text);
                    header.setWrapText(true);
                    header.getStyleClass().add("form-fixed");
                    GridPane.setMargin(header, new Insets(10, 0, 2, 0));
                    grid.add(header, 0, row++, 2, 1);
                }
                continue;
            }
            row = addField(grid, row, field);
        }
        return grid;
    }

    private int addField(GridPane grid, int row, FieldDefinition field) {
        String var = field.name();
        Label label = new Label(field.displayLabel() + (field.required() ? " *" : ""));
        label.setWrapText(true);
        label.getStyleClass().add("form-label");
        VBox labelBox = new VBox(2, label);
        if (model.advanced().get()) {
            Label raw = new Label(var + " (" + field.type().xmppName() + ")");
            raw.getStyleClass().addAll("help-text", "form-var");
            labelBox.getChildren().add(raw);
        }
        Node editor = editor(field);
        VBox editorBox = new VBox(2, editor);
        field.description().ifPresent(d -> {
            Label help = new Label(d);
            help.setWrapText(true);
            help.getStyleClass().add("help-text");
            editorBox.getChildren().add(help);
            Tooltip.install(label, new Tooltip(d));
        });
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        problem.setManaged(false);
        problem.setVisible(false);
        editorBox.getChildren().add(problem);

        grid.add(labelBox, 0, row);
        grid.add(editorBox, 1, row);
        labelBox.setPadding(new Insets(4, 6, 4, 6));
        editorBox.setPadding(new Insets(4, 6, 4, 0));
        ChangeListener<FormAnswers> update = (obs, old, now) -> {
            boolean changed = model.isChanged(field);
            toggle(labelBox, "changed-field", changed);
            toggle(editorBox, "changed-field", changed);
            List<FieldProblem> problems = model.problemsOf(field);
            problem.setText(problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
            problem.setVisible(!problems.isEmpty());
            problem.setManaged(!problems.isEmpty());
        };
        model.answers().addListener(update);
        rowListeners.add(update);
        update.changed(null, null, model.answers().get());
        labelBox.setUserData(var);
        editor.setId("field-" + var.replaceAll("[^A-Za-z0-9_-]", "_"));
        return row + 1;
    }

    private static void toggle(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** The control for one field type, filled from the current answers and writing back on every edit. */
    private Node editor(FieldDefinition field) {
        String var = field.name();
        FormAnswers answers = model.answers().get();
        switch (field.type()) {
            case BOOLEAN: {
                CheckBox box = new CheckBox();
                box.setSelected(answers.bool(var));
                box.selectedProperty().addListener((obs, old, now) -> model.setBoolean(var, now));
                return box;
            }
            case TEXT_PRIVATE: {
                PasswordField text = new PasswordField();
                return bindText(text, answers.text(var), t -> model.setText(var, t));
            }
            case TEXT_MULTI:
            case JID_MULTI: {
                TextArea area = new TextArea();
                area.setPrefRowCount(Math.max(2, Math.min(6, answers.values(var).size() + 1)));
                area.setWrapText(field.type() == FieldType.TEXT_MULTI);
                if (field.type() == FieldType.JID_MULTI) {
                    area.setPromptText("One address per line");
                }
                return bindText(area, answers.lines(var), t -> model.setLines(var, t));
            }
            case LIST_SINGLE: {
                ComboBox<FieldOption> combo = new ComboBox<>();
                combo.getItems().setAll(field.options());
                combo.setCellFactory(v -> new OptionCell());
                combo.setButtonCell(new OptionCell());
                String current = answers.text(var);
                field.options().stream().filter(o -> o.value().equals(current)).findFirst()
                        .ifPresent(combo.getSelectionModel()::select);
                combo.valueProperty().addListener((obs, old, now) ->
                        model.setText(var, now == null ? "" : now.value()));
                combo.setMaxWidth(Double.MAX_VALUE);
                return combo;
            }
            case LIST_MULTI: {
                VBox choices = new VBox(4);
                List<String> selected = answers.values(var);
                for (FieldOption option : field.options()) {
                    CheckBox box = new CheckBox(option.label());
                    box.setSelected(selected.contains(option.value()));
                    box.selectedProperty().addListener((obs, old, now) -> {
                        List<String> values = new ArrayList<>(model.answers().get().values(var));
                        values.remove(option.value());
                        if (now) {
                            values.add(option.value());
                        }
                        model.setValues(var, values);
                    });
                    choices.getChildren().add(box);
                }
                return choices;
            }
            case HIDDEN: {
                TextField text = new TextField(String.join(", ", answers.values(var)));
                text.setEditable(false);
                return text;
            }
            case TEXT_SINGLE:
            case JID_SINGLE:
            default: {
                TextField text = new TextField();
                if (field.type() == FieldType.JID_SINGLE) {
                    text.setPromptText("name@server");
                }
                return bindText(text, answers.text(var), t -> model.setText(var, t));
            }
        }
    }

    private static Control bindText(TextInputControl control, String initial,
            java.util.function.Consumer<String> onEdit) {
        control.setText(initial);
        control.textProperty().addListener((obs, old, now) -> onEdit.accept(now));
        control.setMaxWidth(Double.MAX_VALUE);
        return control;
    }

    /** Shows an option's label. */
    private static final class OptionCell extends ListCell<FieldOption> {
        @Override
        protected void updateItem(FieldOption item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
