package dev.crm.web.imports;

import dev.crm.app.imports.ImportFile;
import dev.crm.app.imports.ImportJob;
import dev.crm.app.imports.ImportPlan;
import dev.crm.app.imports.ImportService;
import dev.crm.app.imports.ImportTarget;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages of every kind with an {@link ImportTarget}: upload a file, see its preview (columns, each
 * row's errors, duplicates, counts), import it, and watch the import's progress (the page polls
 * {@code …/jobs/{id}/status}) until it is done.
 */
@Controller
@HtmlPages
@RequestMapping("/import/{kinds}")
class ImportPageController {

    /** Rows the preview lists at most: those with errors or duplicates first, then the others. */
    static final int SHOWN = 200;

    private final ImportService service;
    private final ImportEndpoint endpoint;
    private final Texts texts;

    ImportPageController(ImportService service, ImportEndpoint endpoint, Texts texts) {
        this.service = service;
        this.endpoint = endpoint;
        this.texts = texts;
    }

    /** What the progress page reads while the import runs. */
    record Status(String state, int done, int total, int imported, List<ImportJson.RowError> errors) {
    }

    @GetMapping
    String upload(Actor actor, @PathVariable String kinds, Model model) {
        return uploadPage(model, target(actor, kinds), null);
    }

    @PostMapping
    String preview(Actor actor, @PathVariable String kinds,
                   @RequestPart(name = ImportFile.FILE, required = false) MultipartFile file, Model model,
                   HttpServletResponse response) {
        ImportTarget target = target(actor, kinds);
        ImportPlan plan;
        try {
            plan = service.check(actor, endpoint.read(actor, target, file), false);
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return uploadPage(model, target, String.join(" ", texts.errors(e).values()));
        }
        List<ImportPlan.PlannedRow> problems = plan.rows().stream()
                .filter(r -> r.duplicate() || !r.errors().isEmpty()).limit(SHOWN).toList();
        List<ImportPlan.PlannedRow> others = plan.rows().stream()
                .filter(r -> !r.duplicate() && r.errors().isEmpty()).limit(SHOWN - problems.size()).toList();
        model.addAttribute("kind", target.kind());
        model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
        model.addAttribute("columns", plan.columns().stream().filter(java.util.Objects::nonNull).toList());
        model.addAttribute("ignored", plan.ignored());
        model.addAttribute("shown", java.util.stream.Stream.concat(problems.stream(), others.stream()).toList());
        model.addAttribute("rowErrors", plan.rows().stream().filter(r -> !r.errors().isEmpty()).collect(
                java.util.stream.Collectors.toMap(ImportPlan.PlannedRow::number, r -> messages(target, r))));
        model.addAttribute("total", plan.rows().size());
        model.addAttribute("duplicates", plan.duplicates());
        model.addAttribute("withErrors", plan.rowsWithErrors());
        model.addAttribute("toImport", plan.toImport(false).size());
        model.addAttribute("more", plan.rows().size() > SHOWN);
        model.addAttribute("token", plan.errors().isEmpty() ? service.hold(actor, plan) : null);
        model.addAttribute("maxMb", ImportFile.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", ImportFile.MAX_ROWS);
        return "import/preview";
    }

    @PostMapping("/{token}")
    String start(Actor actor, @PathVariable String kinds, @PathVariable String token,
                 @RequestParam(defaultValue = "false") boolean duplicates) {
        target(actor, kinds);
        ImportJob job = service.start(actor, token, duplicates).orElseThrow(() -> new Rejected.NotFound(0));
        return "redirect:/import/" + kinds + "/jobs/" + job.id();
    }

    @GetMapping("/jobs/{id}")
    String progress(Actor actor, @PathVariable String kinds, @PathVariable String id, Model model) {
        ImportTarget target = target(actor, kinds);
        ImportJob job = service.job(actor, id).orElseThrow(() -> new Rejected.NotFound(0));
        model.addAttribute("kind", target.kind());
        model.addAttribute("job", job);
        return "import/progress";
    }

    @GetMapping("/jobs/{id}/status")
    @ResponseBody
    Status status(Actor actor, @PathVariable String kinds, @PathVariable String id) {
        target(actor, kinds);
        ImportJob job = service.job(actor, id).orElseThrow(() -> new Rejected.NotFound(0));
        return new Status(job.state().name().toLowerCase(java.util.Locale.ROOT), job.done(), job.total(),
                job.imported(), ImportJson.RowError.of(job.errors(), texts));
    }

    private ImportTarget target(Actor actor, String kinds) {
        ImportTarget target = service.target(kinds).orElseThrow(() -> new Rejected.NotFound(0));
        if (!service.mayImport(actor, kinds)) {
            throw new Rejected.Forbidden("error.import.forbidden");
        }
        return target;
    }

    /** A row's errors as "label: message", by the field's label. */
    private List<String> messages(ImportTarget target, ImportPlan.PlannedRow row) {
        Map<String, Field> fields = new java.util.HashMap<>();
        target.fields().forEach(f -> fields.put(f.name(), f));
        return row.errors().stream().map(e -> {
            Field field = fields.get(e.field());
            String message = texts.text(e.code(), e.args());
            return field == null ? message : texts.text(field.label()) + ": " + message;
        }).toList();
    }

    private String uploadPage(Model model, ImportTarget target, String error) {
        model.addAttribute("kind", target.kind());
        model.addAttribute("fields", target.fields());
        model.addAttribute("maxMb", ImportFile.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", ImportFile.MAX_ROWS);
        model.addAttribute("error", error);
        return "import/upload";
    }
}
