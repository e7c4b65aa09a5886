package org.chamberlain.views.rooms;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.chamberlain.views.chat.ChatView;
import org.chamberlain.views.chat.ChatViewModel;
import org.chamberlain.views.configuration.ConfigurationView;
import org.chamberlain.views.configuration.ConfigurationViewModel;
import org.chamberlain.views.history.HistoryView;
import org.chamberlain.views.history.HistoryViewModel;
import org.chamberlain.views.members.MembersView;
import org.chamberlain.views.members.MembersViewModel;
import org.chamberlain.views.occupants.OccupantsView;
import org.chamberlain.views.occupants.OccupantsViewModel;

/**
 * The workspace of one open room: a tab per aspect (Occupants, Members, Configuration, Chat, History). Each tab
 * loads from the server the first time it is shown, so opening a room costs nothing until a tab is looked at.
 */
public final class RoomWorkspace implements AutoCloseable {
    private final TabPane tabs = new TabPane();
    private final MembersViewModel members;
    private final ConfigurationViewModel configuration;
    private final HistoryViewModel history;

    private final OccupantsViewModel occupants;
    private final ChatViewModel chat;

    public RoomWorkspace(OccupantsViewModel occupants, MembersViewModel members,
            ConfigurationViewModel configuration, ChatViewModel chat, HistoryViewModel history) {
        this.occupants = occupants;
        this.chat = chat;
        this.members = members;
        this.configuration = configuration;
        this.history = history;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("room-workspace");
        Tab occupantsTab = new Tab("Occupants", new OccupantsView(occupants).node());
        occupantsTab.setId("tab-occupants");
        tabs.getTabs().add(occupantsTab);
        Tab membersTab = new Tab("Members", new MembersView(members).node());
        membersTab.setId("tab-members");
        Tab configurationTab = new Tab("Configuration", new ConfigurationView(configuration).node());
        configurationTab.setId("tab-configuration");
        Tab chatTab = new Tab("Chat", new ChatView(chat).node());
        chatTab.setId("tab-chat");
        Tab historyTab = new Tab("History", new HistoryView(history).node());
        historyTab.setId("tab-history");
        tabs.getTabs().addAll(membersTab, configurationTab, chatTab, historyTab);
        // Messages are collected from the start (the view model listens already); only the state is read lazily.
        loadOnFirstShow(chatTab, chat::refresh);
        loadOnFirstShow(historyTab, history::load);
        loadOnFirstShow(occupantsTab, occupants::refresh);
        loadOnFirstShow(membersTab, members::load);
        loadOnFirstShow(configurationTab, configuration::load);
    }

    private static void loadOnFirstShow(Tab tab, Runnable load) {
        if (tab.isSelected()) {
            load.run();
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    load.run();
                }
            }
        });
    }

    public Node node() {
        return tabs;
    }

    public MembersViewModel members() {
        return members;
    }

    public ConfigurationViewModel configuration() {
        return configuration;
    }

    public HistoryViewModel history() {
        return history;
    }

    public OccupantsViewModel occupants() {
        return occupants;
    }

    public ChatViewModel chat() {
        return chat;
    }

    /** Shows one of the tabs: 0 occupants, 1 members, 2 configuration, 3 chat, 4 history. */
    public void select(int index) {
        tabs.getSelectionModel().select(index);
    }

    @Override
    public void close() {
        occupants.close();
        chat.close();
    }
}
