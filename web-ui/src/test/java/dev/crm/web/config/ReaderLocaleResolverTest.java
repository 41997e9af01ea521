package dev.crm.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The reader's language: the user's setting, else the browser's Accept-Language among en and de, else English. */
class ReaderLocaleResolverTest {

    @Test
    void theUsersSettingWinsOverTheBrowser() {
        assertThat(ReaderLocaleResolver.choose("de", List.of(Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
        assertThat(ReaderLocaleResolver.choose("en", List.of(Locale.GERMANY))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void withoutASettingTheBrowsersFirstLanguageTheCrmHasDecides() {
        assertThat(ReaderLocaleResolver.choose(null, List.of(Locale.GERMANY, Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
        assertThat(ReaderLocaleResolver.choose(null, List.of(Locale.FRENCH, Locale.GERMAN))).isEqualTo(Locale.GERMAN);
        assertThat(ReaderLocaleResolver.choose(null, List.of(Locale.US, Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
        // a setting the CRM no longer has is no setting
        assertThat(ReaderLocaleResolver.choose("fr", List.of(Locale.GERMAN))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void elseEnglish() {
        assertThat(ReaderLocaleResolver.choose(null, List.of(Locale.FRENCH, Locale.JAPANESE))).isEqualTo(Locale.ENGLISH);
        assertThat(ReaderLocaleResolver.choose(null, List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void noAcceptLanguageIsNoLanguageNotTheServers() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            MockHttpServletRequest none = new MockHttpServletRequest();
            assertThat(ReaderLocaleResolver.accepted(none)).isEmpty();
            MockHttpServletRequest german = new MockHttpServletRequest();
            german.addHeader("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
            german.addPreferredLocale(Locale.ENGLISH);
            german.addPreferredLocale(Locale.GERMANY);
            assertThat(ReaderLocaleResolver.choose(null, ReaderLocaleResolver.accepted(german))).isEqualTo(Locale.GERMAN);
        } finally {
            Locale.setDefault(before);
        }
    }
}
