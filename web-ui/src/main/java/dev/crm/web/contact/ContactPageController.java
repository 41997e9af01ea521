package dev.crm.web.contact;

import dev.crm.app.imports.ImportService;
import dev.crm.web.page.CsvExport;
import java.io.IOException;
import dev.crm.app.contact.ContactService;
import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.company.CompanyQueries;
import dev.crm.query.company.CompanyView;
import dev.crm.query.contact.ContactQueries;
import dev.crm.query.contact.ContactView;
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
import java.util.List;
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

/** The contact pages: list (also a company's), show, create (for a company) and edit; delete is the shared pages'. */
@Controller
@HtmlPages
@RequestMapping("/contacts")
class ContactPageController {

    static final int PAGE_SIZE = 20;
    /** How many companies the new-contact form offers to choose from (by name). */
    static final int COMPANY_CHOICES = 100;

    private final ContactService service;
    private final CompanyQueries companies;
    private final Texts texts;
    private final FilesPanel filesPanel;
    private final DepartmentFilter departmentFilter;

    private final CsvExport csv;
    private final ImportService imports;

    ContactPageController(ContactService service, CompanyQueries companies, Texts texts, FilesPanel filesPanel,
                          DepartmentFilter departmentFilter, CsvExport csv, ImportService imports) {
        this.csv = csv;
        this.imports = imports;
        this.service = service;
        this.companies = companies;
        this.texts = texts;
        this.filesPanel = filesPanel;
        this.departmentFilter = departmentFilter;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) Long company,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String sort, Model model, HttpServletRequest request) {
        Sort order = Sort.of(sort, ContactQueries.SORTS, ContactQueries.LATEST);
        Page<ContactView> result = service.list(actor, q, company, departmentFilter.of(actor, dept), order,
                Math.max(0, page), PAGE_SIZE);
        model.addAttribute("sorting", Sorting.of(order, ContactQueries.SORTS, request));
        departmentFilter.describe(model, dept, result.items().stream().map(ContactView::department).toList());
        model.addAttribute("kind", ContactKind.KIND);
        model.addAttribute("list", ContactPages.LIST);
        model.addAttribute("result", new Page<>(result.items().stream()
                .map(c -> ContactPages.row(c, companyName(actor, c.company()))).toList(),
                result.total(), result.totalExact(), result.page(), result.size()));
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(ContactKind.COMPANY.name(), company);
        model.addAttribute("stages", null);
        model.addAttribute("exportLink", CsvExport.link(request));
        model.addAttribute("importable", imports.mayImport(actor, ContactKind.KIND.path()));
        return "object/list";
    }

    /** The list as CSV, with the list's filters and order (the list page's Export CSV). */
    @GetMapping("/export")
    void export(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) Long company,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        Sort order = Sort.of(sort, ContactQueries.SORTS, ContactQueries.LATEST);
        List<Long> departments = departmentFilter.of(actor, dept);
        csv.write(response, ContactKind.KIND.path(), ContactJson.class, page -> service.list(actor, q, company,
                departments, order, page, CsvExport.PAGE).items().stream().map(ContactJson::of).toList());
    }

    @GetMapping("/new")
    String newForm(Actor actor, @RequestParam(required = false) Long company, Model model) {
        requireAdd(actor);
        return form(actor, model, KindForm.of(ContactKind.KIND, Map.of()), company, Map.of(), null, null);
    }

    @PostMapping("/new")
    String create(Actor actor, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(required = false) Long company, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        requireAdd(actor);
        Map<String, String> values = KindForm.values(ContactKind.KIND, params);
        try {
            ContactView contact = service.create(actor, company, KindForm.fields(ContactKind.KIND, values));
            texts.flash(redirect, "success", "flash.contact.created", contact.id());
            return "redirect:/contacts/" + contact.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, model, values, company, texts.errors(e), null, null);
        }
    }

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        ContactView contact = service.visible(actor, id);
        model.addAttribute("kind", ContactKind.KIND);
        model.addAttribute("companyKind", CompanyKind.KIND);
        model.addAttribute("companyField", ContactKind.COMPANY.name());
        model.addAttribute("contact", ContactPages.row(contact, companyName(actor, contact.company())));
        model.addAttribute("fields", KindForm.shown(ContactKind.KIND));
        model.addAttribute("can", Map.of("change", service.allows(actor, contact, Action.CHANGE),
                "delete", service.allows(actor, contact, Action.DELETE)));
        model.addAttribute("family", ContactPages.LIST.family());
        filesPanel.describe(model, id);
        return "contact/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        ContactView contact = changeable(actor, id);
        return form(actor, model, KindForm.of(ContactKind.KIND, contact.fields()), contact.company(), Map.of(),
                contact, null);
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        ContactView current = changeable(actor, id);
        Map<String, String> values = KindForm.values(ContactKind.KIND, params);
        try {
            ContactView contact = service.change(actor, id, version, KindForm.fields(ContactKind.KIND, values));
            texts.flash(redirect, "success", "flash.contact.changed", contact.id());
            return "redirect:/contacts/" + contact.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, model, values, current.company(), texts.errors(e), current, null);
        } catch (Rejected.StaleVersion e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            ContactView now = service.visible(actor, id);
            model.addAttribute("stale", texts.text("contact.form.stale"));
            return form(actor, model, KindForm.of(ContactKind.KIND, now.fields()), now.company(), Map.of(), now,
                    values);
        }
    }

    /** The company's name if the actor may see it, else null. */
    private String companyName(Actor actor, long company) {
        return companies.findVisible(company, actor).map(CompanyView::name).orElse(null);
    }

    private ContactView changeable(Actor actor, long id) {
        ContactView contact = service.visible(actor, id);
        if (!service.allows(actor, contact, Action.CHANGE)) {
            throw new Rejected.Forbidden("error.contact.change-forbidden");
        }
        return contact;
    }

    private static void requireAdd(Actor actor) {
        if (!Permissions.allows(actor, ContactKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.contact.add-forbidden");
        }
    }

    private String form(Actor actor, Model model, Map<String, String> values, Long company, Map<String, String> errors,
                        ContactView contact, Map<String, String> yours) {
        model.addAttribute("kind", ContactKind.KIND);
        model.addAttribute("fields", KindForm.shown(ContactKind.KIND));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("object", contact == null ? null : ContactPages.row(contact, companyName(actor,
                contact.company())));
        model.addAttribute("yours", yours);
        model.addAttribute(ContactKind.COMPANY.name(), company);
        model.addAttribute("companyName", company == null ? null : companyName(actor, company));
        List<CompanyView> choices = contact != null ? List.of() : companies.list(actor, null, null,
                new Sort(CompanyKind.COMPANY_NAME.name(), false), 0, COMPANY_CHOICES).items();
        model.addAttribute("companies", choices);
        model.addAttribute("companyField", ContactKind.COMPANY.name());
        return "contact/form";
    }
}
