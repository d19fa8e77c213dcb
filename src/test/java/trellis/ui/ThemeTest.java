package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The theme follows the desktop where it can be read, and a person's choice wins. */
class ThemeTest {
    @Test
    void gtkSettingsSayDarkEitherWay() {
        assertThat(Theme.fromGtkSettings("[Settings]\ngtk-application-prefer-dark-theme=1\n")).isEqualTo(Theme.DARK);
        assertThat(Theme.fromGtkSettings("[Settings]\ngtk-theme-name = Adwaita-dark\n")).isEqualTo(Theme.DARK);
        assertThat(Theme.fromGtkSettings("[Settings]\ngtk-theme-name=Adwaita\ngtk-application-prefer-dark-theme=0\n"))
                .isEqualTo(Theme.LIGHT);
        assertThat(Theme.fromGtkSettings("")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aStoredChoiceWinsAndNonsenseFallsBack() {
        assertThat(Theme.parse("dark", Theme.LIGHT)).isEqualTo(Theme.DARK);
        assertThat(Theme.parse("purple", Theme.LIGHT)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.parse(null, Theme.DARK)).isEqualTo(Theme.DARK);
    }
}
