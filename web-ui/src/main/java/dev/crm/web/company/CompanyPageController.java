package dev.crm.web.company;

import dev.crm.app.imports.ImportService;
import dev.crm.web.page.CsvExport;
import java.io.IOException;
import dev.crm.app.company.CompanyService;
import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.company.CompanyQueries;
import dev.crm.query.company.CompanyView;
import dev.crm.query.contact.ContactQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.web.file.FilesPanel;
import dev.crm.web.object.KindForm;
import dev.crm.web.page.DepartmentFilter;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Pager;
import dev.crm.web.page.Sorting;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company pages: list, show (with its contacts), create and edit; delete is the shared pages'. */
@Controller
@HtmlPages
@RequestMapping("/companies")
class CompanyPageController {

    static final int PAGE_SIZE = 20;

    private final CompanyService service;
    private final ContactQueries contacts;
    private final Texts texts;
    private final FilesPanel filesPanel;
    private final DepartmentFilter departmentFilter;
    private final dev.crm.query.user.UserQueries users;

    private final CsvExport csv;
    private final ImportService imports;

    CompanyPageController(CompanyService service, ContactQueries contacts, Texts texts, FilesPanel filesPanel,
                          DepartmentFilter departmentFilter, dev.crm.query.user.UserQueries users, CsvExport csv, ImportService imports) {
        this.csv = csv;
        this.imports = imports;
        this.users = users;
        this.service = service;
        this.contacts = contacts;
        this.texts = texts;
        this.filesPanel = filesPanel;
        this.departmentFilter = departmentFilter;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String sort, Model model, HttpServletRequest request) {
        Sort order = Sort.of(sort, CompanyQueries.SORTS, CompanyQueries.LATEST);
        Page<CompanyView> result = service.list(actor, q, departmentFilter.of(actor, dept), order, Math.max(0, page),
                PAGE_SIZE);
        model.addAttribute("sorting", Sorting.of(order, CompanyQueries.SORTS, request));
        departmentFilter.describe(model, dept, result.items().stream().map(CompanyView::department).toList());
        model.addAttribute("kind", CompanyKind.KIND);
        model.addAttribute("list", CompanyPages.LIST);
        model.addAttribute("result", new Page<>(result.items().stream().map(CompanyPages::row).toList(),
                result.total(), result.totalExact(), result.page(), result.size()));
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("stages", null);
        model.addAttribute("exportLink", CsvExport.link(request));
        model.addAttribute("importable", imports.mayImport(actor, CompanyKind.KIND.path()));
        return "object/list";
    }

    /** The list as CSV, with the list's filters and order (the list page's Export CSV). */
    @GetMapping("/export")
    void export(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean dept,
                @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        Sort order = Sort.of(sort, CompanyQueries.SORTS, CompanyQueries.LATEST);
        java.util.List<Long> departments = departmentFilter.of(actor, dept);
        csv.write(response, CompanyKind.KIND.path(), CompanyJson.class, page -> service.list(actor, q, departments,
                order, page, CsvExport.PAGE).items().stream().map(CompanyJson::of).toList());
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        requireAdd(actor);
        return form(model, KindForm.of(CompanyKind.KIND, Map.of()), Map.of(), null, null);
    }

    @PostMapping("/new")
    String create(Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        requireAdd(actor);
        Map<String, String> values = KindForm.values(CompanyKind.KIND, params);
        try {
            CompanyView company = service.create(actor, KindForm.fields(CompanyKind.KIND, values));
            texts.flash(redirect, "success", "flash.company.created", company.id());
            return "redirect:/companies/" + company.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, values, texts.errors(e), null, null);
        }
    }

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        CompanyView company = service.visible(actor, id);
        model.addAttribute("kind", CompanyKind.KIND);
        model.addAttribute("contactKind", ContactKind.KIND);
        model.addAttribute("company", CompanyPages.row(company));
        model.addAttribute("fields", KindForm.shown(CompanyKind.KIND));
        model.addAttribute("can", Map.of("change", service.allows(actor, company, Action.CHANGE),
                "delete", service.allows(actor, company, Action.DELETE),
                "addContact", Permissions.allows(actor, ContactKind.NAME, Action.ADD)));
        model.addAttribute("contacts", contacts.list(actor, null, id, null, ContactQueries.LATEST, 0, 100));
        model.addAttribute("family", CompanyPages.LIST.family());
        departmentFilter.describe(model, false, java.util.Collections.singletonList(company.department()));
        model.addAttribute("users", users.active());
        filesPanel.describe(model, id);
        return "company/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        CompanyView company = changeable(actor, id);
        return form(model, KindForm.of(CompanyKind.KIND, company.fields()), Map.of(), company, null);
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        CompanyView current = changeable(actor, id);
        Map<String, String> values = KindForm.values(CompanyKind.KIND, params);
        try {
            CompanyView company = service.change(actor, id, version, KindForm.fields(CompanyKind.KIND, values));
            texts.flash(redirect, "success", "flash.company.changed", company.id());
            return "redirect:/companies/" + company.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, values, texts.errors(e), current, null);
        } catch (Rejected.StaleVersion e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            CompanyView now = service.visible(actor, id);
            model.addAttribute("stale", texts.text("company.form.stale"));
            return form(model, KindForm.of(CompanyKind.KIND, now.fields()), Map.of(), now, values);
        }
    }

    /** Gives the company, and so its contacts, to another owner. */
    @PostMapping("/{id}/owner")
    String transfer(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                    @RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
        try {
            service.transfer(actor, id, version, owner);
            texts.flash(redirect, "success", "flash.company.transferred", id, owner);
        } catch (Rejected.Invalid | Rejected.StaleVersion | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/companies/" + id;
    }

    private CompanyView changeable(Actor actor, long id) {
        CompanyView company = service.visible(actor, id);
        if (!service.allows(actor, company, Action.CHANGE)) {
            throw new Rejected.Forbidden("error.company.change-forbidden");
        }
        return company;
    }

    private static void requireAdd(Actor actor) {
        if (!Permissions.allows(actor, CompanyKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.company.add-forbidden");
        }
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors, CompanyView company,
                        Map<String, String> yours) {
        model.addAttribute("kind", CompanyKind.KIND);
        model.addAttribute("fields", KindForm.shown(CompanyKind.KIND));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("object", company == null ? null : CompanyPages.row(company));
        model.addAttribute("yours", yours);
        return "company/form";
    }
}
