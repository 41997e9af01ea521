package dev.crm.web.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The integration tests share two application contexts, {@link CrmIntegrationTest} and {@link CrmMockMvcTest}: an
 * annotation that changes a test class's context (MockMvc, mocked beans, other properties, a dirtied context) would
 * start one more CRM on the same database, whose background work (the campaign sender, the e-mail retries, the
 * analytics) runs beside the others' with its own clock and settings, and makes other classes' tests fail by their
 * order.
 */
class OneContextTest {

    static final Pattern CONTEXT_CHANGING = Pattern.compile("^@(AutoConfigureMockMvc|MockBean|SpyBean|MockitoBean|"
            + "TestPropertySource|DirtiesContext|ActiveProfiles|ContextConfiguration|SpringBootTest)\\b",
            Pattern.MULTILINE);

    @Test
    void noTestClassChangesTheSharedContexts() throws IOException {
        Path tests = Path.of("src/test/java");
        assertThat(tests).isDirectory();
        List<String> strays;
        try (Stream<Path> files = Files.walk(tests)) {
            strays = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !List.of("CrmIntegrationTest.java", "CrmMockMvcTest.java")
                            .contains(p.getFileName().toString()))
                    .filter(p -> CONTEXT_CHANGING.matcher(read(p)).find())
                    .map(Path::toString).toList();
        }
        assertThat(strays).as("test classes that would get a context of their own").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
