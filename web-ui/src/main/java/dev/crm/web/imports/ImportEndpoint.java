package dev.crm.web.imports;

import dev.crm.app.imports.ImportFile;
import dev.crm.app.imports.ImportPlan;
import dev.crm.app.imports.ImportService;
import dev.crm.app.imports.ImportTarget;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.web.page.Texts;
import dev.crm.web.problem.BadRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/<kinds>/import}: the work behind each kind's import operation. A dry run answers what an
 * import would do; an import with a refused row is a 400 naming each row and stores nothing.
 */
@Component
public class ImportEndpoint {

    public static final String SUMMARY = "Import objects from a CSV (UTF-8) or Excel .xlsx file (multipart 'file'): "
            + "the first row names the columns by field name or label; dryRun=true only checks. Rows that repeat "
            + "an object the caller sees (or an earlier row) are skipped unless duplicates=true. All or nothing: "
            + "with a refused row the answer is 400, each error naming its row, and nothing is stored";

    private final ImportService service;
    private final Texts texts;

    ImportEndpoint(ImportService service, Texts texts) {
        this.service = service;
        this.texts = texts;
    }

    public ImportJson.Result run(Actor actor, Kind kind, MultipartFile file, boolean dryRun, boolean duplicates) {
        ImportTarget target = service.target(kind.path()).orElseThrow(() -> new IllegalStateException(
                kind.path() + " has no import"));
        ImportPlan plan = read(actor, target, file);
        ImportPlan result = dryRun ? service.check(actor, plan, duplicates) : service.importNow(actor, plan, duplicates);
        if (!dryRun && !result.errors().isEmpty()) {
            throw new BadRows(result.errors().stream().map(e -> new BadRows.Row(e.row(), e.error())).toList());
        }
        return new ImportJson.Result(result.rows().size(), dryRun ? 0 : result.toImport(duplicates).size(),
                (int) result.duplicates(), result.ignored(), ImportJson.RowError.of(result.errors(), texts));
    }

    /** The file, refused when larger than the limit before it is read. */
    ImportPlan read(Actor actor, ImportTarget target, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new Rejected.Invalid(ImportFile.FILE, "import.error.empty");
        }
        if (file.getSize() > ImportFile.MAX_BYTES) {
            throw new Rejected.Invalid(ImportFile.FILE, "import.error.too-large", ImportFile.MAX_BYTES / (1024 * 1024));
        }
        try (InputStream in = file.getInputStream()) {
            return service.read(actor, target, file.getOriginalFilename(), in, ImportLabels.of(texts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
