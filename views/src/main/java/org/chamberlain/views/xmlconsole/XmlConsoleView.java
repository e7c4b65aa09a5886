package org.chamberlain.views.xmlconsole;

import java.util.EnumSet;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.XmlPretty;

/**
 * One account's XML console pane: filters, the live list (virtualized), and the raw-XML sender with templates
 * and history. FX thread only.
 */
public final class XmlConsoleView {
    private final XmlConsoleViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ConsoleEntry> list;

    public XmlConsoleView(XmlConsoleViewModel model) {
        this.model = model;
        root.getStylesheets().add(ConsoleView.STYLESHEET);
        root.setId("xml-console");
        list = new ListView<>(model.visible());
        list.setId("xml-console-list");
        list.getStyleClass().add("traffic-list");
        list.setCellFactory(v -> new EntryCell());
        model.visible().addListener((javafx.collections.ListChangeListener<ConsoleEntry>) change -> {
            if (!model.pausedProperty().get() && !list.getItems().isEmpty() && isAtBottom()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        root.setTop(filters());
        SplitPane split = new SplitPane(list, sender());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setCenter(split);
    }

    public Node node() {
        return root;
    }

    private boolean isAtBottom() {
        // Follow new traffic unless the person scrolled up to read; cheap enough to approximate by selection.
        return list.getSelectionModel().isEmpty();
    }

    /**
     * Two rows, so that nothing hides behind the tool bar's overflow button at 1280 px with the sidebar open:
     * what to do with the capture, then what to show of it.
     */
    private Node filters() {
        CheckBox messages = kindBox("message", ConsoleEntry.Kind.MESSAGE);
        CheckBox presences = kindBox("presence", ConsoleEntry.Kind.PRESENCE);
        CheckBox iqs = kindBox("iq", ConsoleEntry.Kind.IQ);
        CheckBox other = kindBox("other", ConsoleEntry.Kind.OTHER);
        CheckBox in = new CheckBox("in");
        in.setId("xml-filter-in");
        in.selectedProperty().bindBidirectional(model.showIncomingProperty());
        CheckBox out = new CheckBox("out");
        out.setId("xml-filter-out");
        out.selectedProperty().bindBidirectional(model.showOutgoingProperty());
        TextField jid = new TextField();
        jid.setId("xml-filter-jid");
        jid.setPromptText("JID");
        jid.setPrefColumnCount(14);
        jid.textProperty().bindBidirectional(model.jidFilterProperty());
        TextField search = new TextField();
        search.setId("xml-filter-search");
        search.setPromptText("Search");
        search.setPrefColumnCount(12);
        search.textProperty().bindBidirectional(model.searchProperty());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("xml-pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        Button clear = new Button("Clear");
        clear.setId("xml-clear");
        clear.setOnAction(e -> model.clear());
        Button save = new Button("Save…");
        save.setId("xml-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the traffic of " + model.accountJid());
            chooser.setInitialFileName(model.accountJid().replace('@', '_') + "-xml.log");
            java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null) {
                model.save(file.toPath());
            }
        });
        Label count = new Label();
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.visible().size() + " / " + model.all().size(), model.visible(), model.all()));
        Label account = new Label(model.accountJid());
        account.setStyle("-fx-font-weight: bold;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar actions = new ToolBar(account, spacer, search, count, pause, clear, save);
        ToolBar shown = new ToolBar(new Label("Show"), messages, presences, iqs, other, new Separator(), in, out,
                new Separator(), new Label("to or from"), jid);
        return new VBox(actions, shown);
    }

    private CheckBox kindBox(String text, ConsoleEntry.Kind kind) {
        CheckBox box = new CheckBox(text);
        box.setId("xml-filter-" + text);
        box.setSelected(model.kindsProperty().get().contains(kind));
        box.selectedProperty().addListener((obs, old, now) -> {
            Set<ConsoleEntry.Kind> kinds = EnumSet.noneOf(ConsoleEntry.Kind.class);
            kinds.addAll(model.kindsProperty().get());
            if (now) {
                kinds.add(kind);
            } else {
                kinds.remove(kind);
            }
            model.kindsProperty().set(kinds);
        });
        return box;
    }

    private Node sender() {
        TextArea draft = new TextArea();
        draft.setId("xml-draft");
        draft.getStyleClass().add("traffic-list");
        draft.textProperty().bindBidirectional(model.draftProperty());
        draft.setPromptText("Raw XML to send (Ctrl+Enter)");
        draft.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.send();
                e.consume();
            }
        });
        MenuButton templates = new MenuButton("Templates");
        templates.setId("xml-templates");
        Templates.forAccount(model.domain(), "conference." + model.domain()).forEach((name, xml) -> {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> model.draftProperty().set(xml));
            templates.getItems().add(item);
        });
        ComboBox<String> history = new ComboBox<>(model.history());
        history.setId("xml-history");
        history.setPromptText("History");
        history.setPrefWidth(220);
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Redaction.redact(item).replaceAll("\\s+", " "));
            }
        });
        history.setButtonCell(history.getCellFactory().call(null));
        history.setOnAction(e -> {
            if (history.getValue() != null) {
                model.draftProperty().set(history.getValue());
            }
        });
        Button send = new Button("Send");
        send.setId("xml-send");
        send.setDefaultButton(false);
        send.setOnAction(e -> model.send());
        Label status = new Label();
        status.setId("xml-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, templates, history, send, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        VBox box = new VBox(bar, draft);
        VBox.setVgrow(draft, Priority.ALWAYS);
        return box;
    }

    /** A console row: time, direction and kind, then the element pretty-printed. */
    private static final class EntryCell extends ListCell<ConsoleEntry> {
        private final Label header = new Label();
        private final Label xml = new Label();
        private final VBox box = new VBox(1, header, xml);

        EntryCell() {
            getStyleClass().add("traffic-cell");
            // The theme gives list rows one fixed preferred height (2.8em); a row grows to show the whole stanza
            // only if its content insists on its own height (the list sizes a row to at least its minimum).
            xml.setMinHeight(Region.USE_PREF_SIZE);
            header.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ConsoleEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            header.setText(entry.timeLabel() + (entry.outgoing() ? "  → out  " : "  ← in  ")
                    + entry.kind().name().toLowerCase(java.util.Locale.ROOT));
            header.getStyleClass().setAll("label",
                    entry.outgoing() ? "traffic-direction-sent" : "traffic-direction-received");
            xml.setText(XmlPretty.format(entry.xml()));
            setGraphic(box);
        }
    }
}
