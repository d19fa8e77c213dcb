package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first frame paints with colours copied from the style sheets (reading them at start-up would cost
 * the time the first frame saves): each one must be the theme's own, as the sheets define it in
 * {@code .root} (the dark sheet redefining the base sheet's), or the window changes colour when the console
 * replaces the first frame.
 */
class FirstFramePaletteTest {
    private static final Pattern VARIABLE = Pattern.compile("(-t-[a-z0-9-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;");

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theFirstFramesColoursAreTheThemesOwn(Theme theme) throws IOException {
        Map<String, Color> sheet = new LinkedHashMap<>(rootColours(Theme.BASE));
        if (theme == Theme.DARK) {
            sheet.putAll(rootColours(Theme.DARK_SHEET));
        }
        FirstFrame.Palette p = FirstFrame.Palette.of(theme);
        assertThat(Map.of("-t-bg", p.bg(), "-t-surface", p.surface(), "-t-surface-2", p.surface2(), "-t-border", p.border(), "-t-muted", p.muted()))
                .as("the first frame's colours in the " + theme + " theme")
                .isEqualTo(Map.of("-t-bg", sheet.get("-t-bg"), "-t-surface", sheet.get("-t-surface"), "-t-surface-2", sheet.get("-t-surface-2"),
                        "-t-border", sheet.get("-t-border"), "-t-muted", sheet.get("-t-muted")));
    }

    /** The colours a sheet's first {@code .root} block defines. */
    private static Map<String, Color> rootColours(String resource) throws IOException {
        String css;
        try (InputStream in = FirstFrame.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = css.indexOf(".root {");
        String root = css.substring(start, css.indexOf('}', start));
        Map<String, Color> colours = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(root);
        while (m.find()) {
            colours.put(m.group(1), Color.web(m.group(2)));
        }
        return colours;
    }
}
