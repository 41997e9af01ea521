package dev.crm.web.imports;

import dev.crm.app.imports.ImportPlan;
import dev.crm.web.page.Texts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What an import's API takes and answers. */
public final class ImportJson {

    private ImportJson() {
    }

    /** The upload: one file, CSV (UTF-8, a header row) or Excel .xlsx (the first sheet). */
    @Schema(name = "ImportUpload")
    public record Upload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
            description = "CSV or .xlsx, at most 5 MB and 10,000 rows; the first row names the columns (field names or "
                    + "their labels)") String file) {
    }

    @Schema(name = "ImportResult", description = "What an import found and did")
    public record Result(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Rows of the file (the header not counted)")
            int rows,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Rows stored as objects: 0 for a dry run")
            int imported,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Rows that repeat an object the caller "
                    + "sees, or an earlier row: skipped unless duplicates=true") int duplicates,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Columns of the file that fill no field")
            List<String> ignoredColumns,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RowError> errors) {
    }

    @Schema(name = "ImportRowError", description = "One field's problem in one row")
    public record RowError(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The row's number as a spreadsheet shows "
                    + "it (the header is row 1); 0 for the file as a whole") int row,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String field,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message) {

        static List<RowError> of(List<ImportPlan.RowError> errors, Texts texts) {
            return errors.stream().map(e -> new RowError(e.row(), e.error().field(),
                    texts.text(e.error().code(), e.error().args()))).toList();
        }
    }
}
