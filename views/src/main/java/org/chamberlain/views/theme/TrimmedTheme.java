package org.chamberlain.views.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AtlantaFX's Primer theme, light and dark, without the rules that style only controls Chamberlain never shows
 * (charts, date and colour pickers, spinners, sliders, tree tables, AtlantaFX's own extra controls…): about half
 * of its 1,000 rules. Every window pays for the whole theme: JavaFX decodes all of it and matches every node
 * against it, and the trimmed theme made the main window's first frame ~40 ms sooner (docs/benchmarks.md,
 * "Start-up, session 5"). The build makes the trimmed files ({@link #main}, views/pom.xml) beside the
 * classes, then JavaFX's binary form of each; without them (a build that skipped that step) the full theme is used.
 *
 * <p>A rule is dropped only when each of its selectors names one of the {@link #UNUSED} style classes; from a
 * rule with several selectors only those selectors go. Nothing else changes, so what the app shows is styled
 * exactly as before (TrimmedThemeTest keeps the app from starting to use one of these controls unnoticed).
 */
public final class TrimmedTheme {
    /**
     * Style classes of controls the app does not use; each also stands for the classes that start with it and a
     * hyphen ({@code chart} covers {@code chart-plot-background}).
     */
    static final List<String> UNUSED = List.of(
            // javafx.scene.chart
            "chart", "axis", "pie-legend-symbol", "area-legend-symbol", "bar-legend-symbol", "bubble-legend-symbol",
            "default-color0", "default-color1", "default-color2", "default-color3", "default-color4",
            "default-color5", "default-color6", "default-color7",
            // pickers, editors and other javafx.scene.control classes the app never creates
            "date-picker", "date-cell", "calendar", "week-number", "month-year", "inline-date-picker",
            "color-picker", "color-palette", "custom-color-dialog", "color-rect", "color-square",
            "html-editor", "pagination", "slider", "spinner", "tree-table", "split-menu-button", "titled-pane",
            "accordion",
            // AtlantaFX's own controls (atlantafx.base.controls), none of which the app uses
            "toggle-switch", "breadcrumbs", "tile", "card", "modal-box", "modal-pane", "popover", "message",
            "ring-progress-indicator", "bb-code", "ikonli-font-icon", "font-icon", "custom-text-field",
            "input-group", "deck-pane", "mask-text-field");

    private static final String LIGHT = "/org/chamberlain/views/theme/primer-light.css";
    private static final String DARK = "/org/chamberlain/views/theme/primer-dark.css";
    private static final String ATLANTAFX = "/atlantafx/base/theme/";
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z0-9_-]+)");

    private TrimmedTheme() {
    }

    /** The trimmed theme's URL for {@code Application.setUserAgentStylesheet}, if the build made it. */
    public static Optional<String> url(boolean dark) {
        URL url = TrimmedTheme.class.getResource(dark ? DARK : LIGHT);
        return Optional.ofNullable(url).map(URL::toExternalForm);
    }

    /**
     * The build step: writes {@code primer-light.css} and {@code primer-dark.css}, trimmed, into
     * {@code args[0]}/org/chamberlain/views/theme (the classes directory), from the AtlantaFX jar on the class
     * path.
     */
    public static void main(String[] args) throws IOException {
        Path into = Path.of(args[0]).resolve("org/chamberlain/views/theme");
        Files.createDirectories(into);
        for (String name : List.of("primer-light.css", "primer-dark.css")) {
            String full;
            try (InputStream in = TrimmedTheme.class.getResourceAsStream(ATLANTAFX + name)) {
                if (in == null) {
                    throw new IOException("AtlantaFX's " + ATLANTAFX + name + " is not on the class path");
                }
                full = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(into.resolve(name), trim(full), StandardCharsets.UTF_8);
        }
    }

    /** {@code css} without the selectors (and the rules left without one) that name an unused style class. */
    static String trim(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder(text.length());
        Matcher rule = RULE.matcher(text);
        int end = 0;
        while (rule.find()) {
            String between = text.substring(end, rule.start()).strip();
            if (!between.isEmpty()) {
                // Anything but plain rules (an @-rule with a nested block, say) would be cut in half by RULE.
                throw new UncheckedIOException(new IOException("Unexpected text in the theme before a rule: "
                        + between.substring(0, Math.min(80, between.length()))));
            }
            end = rule.end();
            List<String> kept = new ArrayList<>();
            for (String selector : rule.group(1).split(",")) {
                if (!namesUnusedClass(selector)) {
                    kept.add(selector.strip());
                }
            }
            if (!kept.isEmpty()) {
                out.append(String.join(",\n", kept)).append(" {").append(rule.group(2)).append("}\n");
            }
        }
        if (!text.substring(end).isBlank()) {
            throw new UncheckedIOException(new IOException("Unexpected text at the end of the theme"));
        }
        return out.toString();
    }

    static boolean namesUnusedClass(String selector) {
        Matcher styleClass = STYLE_CLASS.matcher(selector);
        while (styleClass.find()) {
            String name = styleClass.group(1);
            for (String unused : UNUSED) {
                if (name.equals(unused) || name.startsWith(unused + "-")) {
                    return true;
                }
            }
        }
        return false;
    }
}
