package org.chamberlain.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list {@link ClassPreloader} loads at start-up must name classes that exist: a renamed or removed class
 * means the list is stale (views/record-startup-classes.sh makes it again). JDK-internal names may differ
 * between JDK 17 updates, so only those may be missing.
 */
class StartupClassListTest {

    @Test
    void everyListedClassOutsideTheJdkExists() {
        List<String> names = ClassPreloader.names();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                if (!jdkInternal(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("classes in %s that do not exist; run views/record-startup-classes.sh",
                ClassPreloader.LIST).isEmpty();
    }

    @Test
    void theListCoversTheCompleteMainWindow() {
        // Recorded until the complete window was rendered: the menus, the sidebar's filter, the split and the
        // notifications (the tree and the tab pane are made when they first have something to show).
        assertThat(ClassPreloader.names()).hasSizeGreaterThan(1_000)
                .contains("org.chamberlain.views.shell.ChamberlainApp", "org.chamberlain.views.main.MainWindowView",
                        "javafx.scene.control.skin.MenuBarSkin", "javafx.scene.control.skin.TextFieldSkin",
                        "javafx.scene.control.skin.SplitPaneSkin",
                        "org.chamberlain.views.notifications.NotificationsView")
                .doesNotHaveDuplicates();
    }

    private static boolean jdkInternal(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }
}
