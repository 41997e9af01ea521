package dev.crm.web.imports;

import dev.crm.shared.kind.Field;
import dev.crm.web.page.Texts;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The names a column may have for a field besides the field's own: its label, as the pages show it. */
final class ImportLabels {

    private ImportLabels() {
    }

    static Function<Field, Collection<String>> of(Texts texts) {
        return field -> List.of(texts.text(field.label()));
    }
}
