package org.chamberlain.views.main;

import java.util.List;
import javafx.scene.input.KeyCombination;

/** The main window's keyboard shortcuts, in one place so the menus and the help list agree. */
public final class Shortcuts {
    public static final KeyCombination FIND_ROOM = KeyCombination.keyCombination("Shortcut+F");
    public static final KeyCombination OPEN_ROOM = KeyCombination.keyCombination("Shortcut+O");
    public static final KeyCombination JOIN_ROOM = KeyCombination.keyCombination("Shortcut+J");
    public static final KeyCombination NEW_ROOM = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination INVITE = KeyCombination.keyCombination("Shortcut+I");
    public static final KeyCombination DESTROY = KeyCombination.keyCombination("Shortcut+Shift+D");
    public static final KeyCombination CLOSE_TAB = KeyCombination.keyCombination("Shortcut+W");
    public static final KeyCombination TOGGLE_THEME = KeyCombination.keyCombination("Shortcut+Shift+L");
    public static final KeyCombination NEXT_ACCOUNT = KeyCombination.keyCombination("Shortcut+Shift+A");
    public static final KeyCombination NOTIFICATIONS = KeyCombination.keyCombination("Shortcut+Shift+N");
    public static final KeyCombination ACCOUNTS = KeyCombination.keyCombination("Shortcut+COMMA");
    public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");
    public static final KeyCombination HELP = KeyCombination.keyCombination("F1");
    // The script console's, active while it has the keyboard focus (the keys debuggers and IDEs use).
    public static final KeyCombination SCRIPT_RUN = KeyCombination.keyCombination("F5");
    public static final KeyCombination SCRIPT_STOP = KeyCombination.keyCombination("Shift+F5");
    public static final KeyCombination SCRIPT_STEP = KeyCombination.keyCombination("F10");
    public static final KeyCombination SCRIPT_CONTINUE = KeyCombination.keyCombination("F8");
    public static final KeyCombination SCRIPT_RUN_TO_CARET = KeyCombination.keyCombination("Shortcut+F10");
    public static final KeyCombination SCRIPT_BREAKPOINT = KeyCombination.keyCombination("F9");
    public static final KeyCombination SCRIPT_SAVE = KeyCombination.keyCombination("Shortcut+S");

    private Shortcuts() {
    }

    /** A shortcut and what it does, for the help dialog. */
    public record Entry(KeyCombination keys, String action) {
    }

    public static List<Entry> all() {
        return List.of(
                new Entry(FIND_ROOM, "Find a room (focus the filter box)"),
                new Entry(NEW_ROOM, "Create a room"),
                new Entry(JOIN_ROOM, "Join a room (the one selected in the sidebar, or type its address)"),
                new Entry(INVITE, "Invite people to the current room"),
                new Entry(DESTROY, "Destroy the current room (asks for its name)"),
                new Entry(OPEN_ROOM, "Open a room by its address"),
                new Entry(CLOSE_TAB, "Close the current room tab"),
                new Entry(KeyCombination.keyCombination("Ctrl+Tab"), "Next room tab"),
                new Entry(NEXT_ACCOUNT, "Switch to the next account"),
                new Entry(NOTIFICATIONS, "Show all notifications of this session"),
                new Entry(TOGGLE_THEME, "Switch between light and dark theme"),
                new Entry(ACCOUNTS, "Accounts: add, edit, remove"),
                new Entry(SCRIPT_RUN, "Script console: run the script"),
                new Entry(SCRIPT_STEP, "Script console: run one action (step)"),
                new Entry(SCRIPT_CONTINUE, "Script console: continue after a pause"),
                new Entry(SCRIPT_RUN_TO_CARET, "Script console: run to the line of the caret"),
                new Entry(SCRIPT_BREAKPOINT, "Script console: breakpoint on the caret's line, on or off"),
                new Entry(SCRIPT_STOP, "Script console: stop the run"),
                new Entry(SCRIPT_SAVE, "Script console: save the script"),
                new Entry(HELP, "This list"),
                new Entry(QUIT, "Quit"));
    }
}
