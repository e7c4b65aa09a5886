package org.chamberlain.views.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The window layout and UI preferences remembered between runs, stored as a small properties file in the
 * config directory. Plain values, no JavaFX: loaded before the toolkit starts.
 *
 * <p>Not thread-safe; the UI thread owns it.
 */
public final class WindowSettings {
    static final String FILE_NAME = "window.properties";

    private double x = Double.NaN;
    private double y = Double.NaN;
    private double width = 1200;
    private double height = 760;
    private boolean maximized;
    private double sidebarDivider = 0.24;
    /** The sidebar's width in pixels; NaN when only the ratio of an older version is known. */
    private double sidebarWidth = Double.NaN;
    private boolean darkTheme;
    private List<OpenRoom> openRooms = new ArrayList<>();

    /**
     * A room tab that was open: the room and the account it acted as. Files written before tabs had an account
     * hold only the room; those come back with an empty account and open as the account active then.
     */
    public record OpenRoom(Optional<String> account, String room) {
        /** Parses "account&gt;room" (this version) or a plain room JID (older versions). */
        static OpenRoom parse(String saved) {
            int separator = saved.indexOf('>');
            if (separator < 0) {
                return new OpenRoom(Optional.empty(), saved);
            }
            String account = saved.substring(0, separator);
            return new OpenRoom(Optional.of(account).filter(a -> !a.isEmpty()), saved.substring(separator + 1));
        }

        String format() {
            // '>' cannot appear in a JID (RFC 7622 forbids it in localparts and domains), so it separates safely.
            return account.map(a -> a + ">").orElse("") + room;
        }
    }

    /** Reads the settings file; missing or unreadable values fall back to the defaults. */
    public static WindowSettings load(Path configDir) throws IOException {
        WindowSettings settings = new WindowSettings();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(configDir.resolve(FILE_NAME))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return settings;
        }
        settings.x = number(p, "window.x", settings.x);
        settings.y = number(p, "window.y", settings.y);
        settings.width = Math.max(640, number(p, "window.width", settings.width));
        settings.height = Math.max(420, number(p, "window.height", settings.height));
        settings.maximized = Boolean.parseBoolean(p.getProperty("window.maximized", "false"));
        settings.sidebarDivider = Math.min(0.6, Math.max(0.1, number(p, "sidebar.divider", settings.sidebarDivider)));
        double sidebarWidth = number(p, "sidebar.width", Double.NaN);
        settings.sidebarWidth = sidebarWidth > 0 ? sidebarWidth : Double.NaN;
        settings.darkTheme = "dark".equals(p.getProperty("theme", "light"));
        String rooms = p.getProperty("rooms.open", "");
        for (String room : rooms.split(" ")) {
            if (!room.isBlank() && !room.endsWith(">")) {
                settings.openRooms.add(OpenRoom.parse(room));
            }
        }
        return settings;
    }

    /** Writes the settings atomically (a crash mid-write leaves the old file). */
    public void save(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Properties p = new Properties();
        if (!Double.isNaN(x)) {
            p.setProperty("window.x", Double.toString(x));
            p.setProperty("window.y", Double.toString(y));
        }
        p.setProperty("window.width", Double.toString(width));
        p.setProperty("window.height", Double.toString(height));
        p.setProperty("window.maximized", Boolean.toString(maximized));
        p.setProperty("sidebar.divider", Double.toString(sidebarDivider));
        if (!Double.isNaN(sidebarWidth)) {
            p.setProperty("sidebar.width", Double.toString(sidebarWidth));
        }
        p.setProperty("theme", darkTheme ? "dark" : "light");
        p.setProperty("rooms.open", String.join(" ", openRooms.stream().map(OpenRoom::format).toList()));
        Path temp = Files.createTempFile(configDir, FILE_NAME, ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, "Chamberlain window layout");
        }
        Files.move(temp, configDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static double number(Properties p, String key, double fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public boolean maximized() {
        return maximized;
    }

    public double sidebarDivider() {
        return sidebarDivider;
    }

    /**
     * The sidebar's width in pixels: the one saved, else the older ratio of the saved window width (the ratio
     * of a window not yet at its final size gave a sidebar at its minimum under window managers).
     */
    public double sidebarWidth() {
        return Double.isNaN(sidebarWidth) ? Math.round(sidebarDivider * width) : sidebarWidth;
    }

    public boolean darkTheme() {
        return darkTheme;
    }

    /** Room tabs that were open, in their order. */
    public List<OpenRoom> openRooms() {
        return List.copyOf(openRooms);
    }

    public void bounds(double newX, double newY, double newWidth, double newHeight) {
        this.x = newX;
        this.y = newY;
        this.width = newWidth;
        this.height = newHeight;
    }

    public void maximized(boolean value) {
        this.maximized = value;
    }

    public void sidebarDivider(double value) {
        this.sidebarDivider = value;
    }

    public void sidebarWidth(double pixels) {
        this.sidebarWidth = pixels > 0 ? pixels : Double.NaN;
    }

    public void darkTheme(boolean value) {
        this.darkTheme = value;
    }

    public void openRooms(List<OpenRoom> rooms) {
        this.openRooms = new ArrayList<>(rooms);
    }
}
