package org.chamberlain.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {

    @Test
    void roundTripsTheLayout(@TempDir Path dir) throws Exception {
        WindowSettings saved = new WindowSettings();
        saved.bounds(10, 20, 1100, 700);
        saved.sidebarDivider(0.3);
        saved.darkTheme(true);
        saved.sidebarWidth(340);
        saved.openRooms(List.of(new WindowSettings.OpenRoom(Optional.of("alice@x"), "a@conference.x"),
                new WindowSettings.OpenRoom(Optional.of("owner@x"), "a@conference.x"),
                new WindowSettings.OpenRoom(Optional.empty(), "b@conference.x")));
        saved.save(dir.resolve("nested"));

        WindowSettings loaded = WindowSettings.load(dir.resolve("nested"));
        assertThat(loaded.hasPosition()).isTrue();
        assertThat(loaded.x()).isEqualTo(10);
        assertThat(loaded.width()).isEqualTo(1100);
        assertThat(loaded.sidebarDivider()).isEqualTo(0.3);
        assertThat(loaded.darkTheme()).isTrue();
        assertThat(loaded.sidebarWidth()).isEqualTo(340);
        assertThat(loaded.openRooms()).containsExactly(
                new WindowSettings.OpenRoom(Optional.of("alice@x"), "a@conference.x"),
                new WindowSettings.OpenRoom(Optional.of("owner@x"), "a@conference.x"),
                new WindowSettings.OpenRoom(Optional.empty(), "b@conference.x"));
    }

    @Test
    void readsTheFormatOfOlderVersions(@TempDir Path dir) throws Exception {
        // Written before tabs had an account: plain room JIDs, and the sidebar as a ratio of the window.
        Files.writeString(dir.resolve(WindowSettings.FILE_NAME), "window.width=1000\nsidebar.divider=0.3\n"
                + "rooms.open=a@conference.x b@conference.x\n");
        WindowSettings loaded = WindowSettings.load(dir);
        assertThat(loaded.openRooms()).containsExactly(
                new WindowSettings.OpenRoom(Optional.empty(), "a@conference.x"),
                new WindowSettings.OpenRoom(Optional.empty(), "b@conference.x"));
        assertThat(loaded.sidebarWidth()).as("the ratio of the saved window width").isEqualTo(300);
    }

    @Test
    void missingFileGivesDefaultsAndNonsenseIsClamped(@TempDir Path dir) throws Exception {
        assertThat(WindowSettings.load(dir).hasPosition()).isFalse();
        Files.writeString(dir.resolve(WindowSettings.FILE_NAME),
                "window.width=12\nwindow.height=abc\nsidebar.divider=5\ntheme=purple\n");
        WindowSettings loaded = WindowSettings.load(dir);
        assertThat(loaded.width()).isEqualTo(640);
        assertThat(loaded.height()).isEqualTo(760);
        assertThat(loaded.sidebarDivider()).isEqualTo(0.6);
        assertThat(loaded.darkTheme()).isFalse();
    }

    @Test
    void configDirectoryFollowsThePlatform() {
        assertThat(ConfigDirectory.resolve("Linux", "/home/u", Map.of(), null))
                .isEqualTo(Path.of("/home/u/.config/chamberlain"));
        assertThat(ConfigDirectory.resolve("Linux", "/home/u", Map.of("XDG_CONFIG_HOME", "/xdg"), null))
                .isEqualTo(Path.of("/xdg/chamberlain"));
        assertThat(ConfigDirectory.resolve("Linux", "/home/u", Map.of("XDG_CONFIG_HOME", "relative"), null))
                .isEqualTo(Path.of("/home/u/.config/chamberlain"));
        assertThat(ConfigDirectory.resolve("Mac OS X", "/Users/u", Map.of(), null))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Chamberlain"));
        assertThat(ConfigDirectory.resolve("Windows 11", "C:\\Users\\u", Map.of("APPDATA", "R"), null))
                .isEqualTo(Path.of("R", "Chamberlain"));
        assertThat(ConfigDirectory.resolve("Linux", "/home/u", Map.of(), "/override"))
                .isEqualTo(Path.of("/override"));
    }
}
