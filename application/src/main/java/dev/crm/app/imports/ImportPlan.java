package dev.crm.app.imports;

import dev.crm.command.Rejected;
import dev.crm.shared.kind.Field;
import java.util.List;
import java.util.Map;

/**
 * A file read for one kind: which column fills which field, which columns are ignored, and each row with what
 * the checks found (its errors, whether it repeats an object already there or an earlier row).
 */
public record ImportPlan(ImportTarget target, List<Field> columns, List<String> ignored, List<PlannedRow> rows) {

    /** One error of one row: the row's number in the file, and the field's error as the kind's create gave it. */
    public record RowError(int row, Rejected.FieldError error) {
    }

    /** {@code values}: the non-empty cells by field name; {@code duplicate}: it repeats an object or an earlier row. */
    public record PlannedRow(int number, Map<String, String> values, boolean duplicate, List<Rejected.FieldError> errors) {

        PlannedRow withErrors(List<Rejected.FieldError> found) {
            return new PlannedRow(number, values, duplicate, List.copyOf(found));
        }
    }

    /** The rows an import takes: all but the duplicates, unless those are asked for too. */
    public List<PlannedRow> toImport(boolean duplicates) {
        return rows.stream().filter(r -> duplicates || !r.duplicate()).toList();
    }

    public long duplicates() {
        return rows.stream().filter(PlannedRow::duplicate).count();
    }

    public List<RowError> errors() {
        return rows.stream().flatMap(r -> r.errors().stream().map(e -> new RowError(r.number(), e))).toList();
    }

    public long rowsWithErrors() {
        return rows.stream().filter(r -> !r.errors().isEmpty()).count();
    }

    ImportPlan withRows(List<PlannedRow> checked) {
        return new ImportPlan(target, columns, ignored, List.copyOf(checked));
    }
}
