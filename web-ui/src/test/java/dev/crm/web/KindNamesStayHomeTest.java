package dev.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.task.WorkKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A kind's name is written as a literal only in the kind model ({@code …/kind/} packages) and in the kind's own
 * packages ({@code …/memo/} for {@code "memo"}; tasks and projects share {@code …/task/}), in code and templates
 * alike: everything else asks the model, so a new kind needs no edit elsewhere.
 */
class KindNamesStayHomeTest {

    static final List<String> MODULES = List.of("shared-events", "command-side", "query-side", "application",
            "web-ui");

    @Test
    void kindNamesAreWrittenOnlyInTheModelAndTheKindsOwnPackages() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path main = root.resolve(module).resolve("src/main");
            assertThat(main).as("sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        List<String> strays = new ArrayList<>();
        for (Kind kind : Kinds.ALL) {
            // "memo" in Java; 'memo' in a template expression (an HTML attribute such as name="file" is a form's
            // field, not the kind)
            Pattern javaLiteral = Pattern.compile("\"" + Pattern.quote(kind.name()) + "\"");
            Pattern templateLiteral = Pattern.compile("'" + Pattern.quote(kind.name()) + "'");
            List<String> homes = new ArrayList<>(List.of("/kind/", "/" + kind.name() + "/"));
            if (Arrays.stream(WorkKind.values()).anyMatch(w -> w.declaration().equals(kind))) {
                homes.add("/task/"); // the task-shaped kinds share the task packages (WorkKind)
            }
            if (Arrays.stream(ReferenceKind.values()).anyMatch(r -> r.kind().equals(kind))) {
                homes.add("/reference/"); // the reference kinds share the reference packages (ReferenceKind)
            }
            for (Path file : sources) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (homes.stream().anyMatch(path::contains)) {
                    continue;
                }
                Pattern literal = path.endsWith(".java") ? javaLiteral : templateLiteral;
                List<String> lines = read(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (literal.matcher(lines.get(i)).find()) {
                        strays.add(path + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(strays).as("kind names written outside the kind model and the kind's own packages").isEmpty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
