package dev.crm.command.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsKeepOnlyTheirLastPart() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\me\\offer.pdf")).isEqualTo("offer.pdf");
    }

    @Test
    void controlQuotesAndBidiOverridesAreReplaced() {
        assertThat(FileNames.sanitize("a\u0000b\nc\"d\u202Eexe.pdf")).isEqualTo("a_b_c_d_exe.pdf");
    }

    @Test
    void hiddenAndEmptyNamesBecomeSafe() {
        assertThat(FileNames.sanitize("..")).isEqualTo("file");
        assertThat(FileNames.sanitize("  ")).isEqualTo("file");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
        assertThat(FileNames.sanitize(".bashrc")).isEqualTo("bashrc");
    }

    @Test
    void longNamesAreCutKeepingTheirExtension() {
        String name = FileNames.sanitize("x".repeat(500) + ".pdf");
        assertThat(name).hasSize(FileNames.MAX).endsWith(".pdf");
    }

    @Test
    void ordinaryNamesStayAsTheyAre() {
        assertThat(FileNames.sanitize("Angebot März 2026.pdf")).isEqualTo("Angebot März 2026.pdf");
    }

    @Test
    void longNamesAreNeverCutInsideACharacter() {
        String name = FileNames.sanitize("\uD83D\uDE00".repeat(300) + ".txt");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX);
        assertThat(Character.isHighSurrogate(name.charAt(name.length() - 5))).isFalse();
        assertThat(name).endsWith("\uD83D\uDE00.txt");
    }

    @Test
    void halfCharactersBecomeUnderscoresInsteadOfQuestionMarks() {
        assertThat(FileNames.sanitize("a\uD800b\uDC00c.txt")).isEqualTo("a_b_c.txt");
        assertThat(FileNames.sanitize("\uD83D\uDE00.txt")).isEqualTo("\uD83D\uDE00.txt");
    }
}
