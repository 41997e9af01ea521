package dev.crm.web.fields;

import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.web.object.KindForm;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.CsvExport;
import dev.crm.web.page.Pager;
import dev.crm.web.page.Sorting;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a kind of fields by name: its list (with a filter per reference, {@code ?company=5}, and per choice or
 * flag, {@code ?type=goods&onSale=true}, which the kind's {@code filters} fragment offers), the form to
 * add one (a reference given in the address is fixed), its page ({@code object/fields-show}, with the kind's own
 * sections from {@code fragments/<kind> :: sections}, whose model a kind's controller fills in {@link #describe}), the edit form, and the transfer. A kind's page controller extends it with its
 * {@code @RequestMapping("/<path>")} and its list's columns; delete is the shared object pages'.
 */
public abstract class FieldsPageController {

    static final int PAGE_SIZE = 20;
    /** How many objects a section of its page lists of a kind it holds, or of parts of another kind. */
    static final int HELD = 100;

    protected final Kind kind;
    protected final FieldsPageParts parts;
    /** Its API record: the columns of its CSV export. */
    private final Class<? extends Record> json;

    protected FieldsPageController(Kind kind, Class<? extends Record> json, FieldsPageParts parts) {
        this.kind = kind;
        this.json = json;
        this.parts = parts;
    }

    /** How its list shows it. */
    protected abstract ListPage listPage();

    /**
     * The fields its forms neither show nor send: those set by the system ({@link FieldType#TIME}) and those a kind
     * sets by an action of its own (a deal's closing reason, set by closing).
     */
    protected java.util.Set<String> notOnForm() {
        java.util.Set<String> names = new java.util.HashSet<>();
        kind.fields().stream().filter(f -> f.type() == FieldType.TIME).forEach(f -> names.add(f.name()));
        return names;
    }

    private List<Field> formFields() {
        return KindForm.shown(kind).stream().filter(f -> !notOnForm().contains(f.name())).toList();
    }

    private Map<String, String> formValues(MultiValueMap<String, String> params) {
        Map<String, String> values = KindForm.values(kind, params);
        notOnForm().forEach(values::remove);
        return values;
    }

    /** What the kind's own page adds to the model beside the object ({@code object}), {@code can} and the files. */
    protected void describe(Actor actor, FieldsView object, Model model) {
    }

    /**
     * What a new object's form starts with besides the references given in the address ({@code fixed}, by field
     * name): nothing by default; an e-mail written from an object takes that object's address.
     */
    protected void prefill(Actor actor, Map<String, Long> fixed, Map<String, String> values) {
    }

    /**
     * What a new object's form shows besides its fields, for the references it is written from ({@code fixed}) and
     * the form as sent ({@code params}, empty when it is first shown): nothing by default; an e-mail's lists the
     * files of the object it is written from, to attach.
     */
    protected void newFormExtras(Actor actor, Map<String, Long> fixed, MultiValueMap<String, String> params,
                                 Model model) {
    }

    /** Creates the object from the form's fields ({@code params}: the whole form, for what is not a field). */
    protected FieldsView created(Actor actor, Map<String, Object> fields, MultiValueMap<String, String> params) {
        return parts.service.create(kind, actor, fields);
    }

    /** Whether its page offers a transfer (a kind without a holder, by default); an e-mail stays its writer's. */
    protected boolean transferable() {
        return kind.holder().isEmpty();
    }

    /** The references its form offers (all, by default); a kind leaves out those that only its actions set. */
    protected List<Field> formReferences() {
        return parts.references(kind).stream().filter(f -> !notOnForm().contains(f.name())).toList();
    }

    /**
     * The references a form shows, given those fixed on it (by field name): {@link #formReferences()} by default; an
     * e-mail written from an object shows only that one.
     */
    protected List<Field> formReferences(Map<String, Long> fixed) {
        return formReferences();
    }

    /** A reference's choices on the form: by default the objects of the kind the field is named after. */
    protected Map<Long, String> choices(Actor actor, Field field) {
        return parts.choices(actor, field);
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
                Model model, HttpServletRequest request) {
        Map<String, String> sorts = FieldsTables.sorts(kind);
        Sort order = Sort.of(sort, sorts, FieldsQueries.LATEST);
        Map<String, Long> filters = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<Field, Object> equal = equal(params, filters, chosen);
        model.addAttribute("chosen", chosen);
        Page<FieldsView> result = parts.service.list(kind, actor, new FieldsQueries.Filter(q, equal,
                parts.departmentFilter.of(actor, dept)), order, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("sorting", Sorting.of(order, sorts, request));
        parts.departmentFilter.describe(model, dept, result.items().stream().map(FieldsView::department).toList());
        model.addAttribute("kind", kind);
        model.addAttribute("list", listPage());
        model.addAttribute("result", new Page<>(result.items().stream().map(o -> parts.row(actor, o)).toList(),
                result.total(), result.totalExact(), result.page(), result.size()));
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("filters", filters);
        model.addAttribute("stages", null);
        model.addAttribute("exportLink", CsvExport.link(request));
        model.addAttribute("importable", parts.imports.mayImport(actor, kind.path()));
        model.addAttribute("listActions", parts.listActions.stream().map(a -> a.describe(actor, kind, params, model))
                .filter(java.util.Objects::nonNull).toList());
        return "object/list";
    }

    /** One of the list's actions ({@link ListAction}), with the rows ticked or all that match the list's filters. */
    @PostMapping("/actions/{action}")
    String listAction(Actor actor, @PathVariable String action, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "false") boolean dept,
                      @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        ListAction found = parts.listActions.stream().filter(a -> a.name().equals(action)).findFirst()
                .orElseThrow(() -> new Rejected.NotFound(0));
        FieldsQueries.Filter filter = new FieldsQueries.Filter(q, equal(params, new LinkedHashMap<>(),
                new LinkedHashMap<>()), parts.departmentFilter.of(actor, dept));
        return found.apply(actor, kind, params, limit -> parts.service.list(kind, actor, filter, FieldsQueries.LATEST,
                0, limit).items().stream().map(FieldsView::id).toList(), redirect);
    }

    /** The list as CSV, with the list's filters and order (the list page's Export CSV). */
    @GetMapping("/export")
    void export(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean dept,
                @RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
                HttpServletResponse response) throws IOException {
        parts.api.export(kind, json, actor, new FieldsQueries.Filter(q, equal(params, new LinkedHashMap<>(),
                new LinkedHashMap<>()), parts.departmentFilter.of(actor, dept)), sort, response);
    }

    /**
     * The list's filters given in the address: a reference (its ID, into {@code filters}), a choice or a flag (the
     * list's own filters, {@code fragments/<kind> :: filters}, into {@code chosen}).
     */
    private Map<Field, Object> equal(MultiValueMap<String, String> params, Map<String, Long> filters,
                                     Map<String, String> chosen) {
        Map<Field, Object> equal = new LinkedHashMap<>();
        for (Field field : parts.references(kind)) {
            Long value = reference(params.getFirst(field.name()));
            if (value != null) {
                equal.put(field, value);
                filters.put(field.name(), value);
            }
        }
        for (Field field : kind.fields()) {
            String given = params.getFirst(field.name());
            if (given == null) {
                continue;
            }
            if (field.type() == FieldType.CHOICE && field.choices().contains(given)) {
                equal.put(field, given);
                chosen.put(field.name(), given);
            } else if (field.type() == FieldType.FLAG && ("true".equals(given) || "false".equals(given))) {
                equal.put(field, Boolean.valueOf(given));
                chosen.put(field.name(), given);
            }
        }
        return equal;
    }

    @GetMapping("/new")
    String newForm(Actor actor, @RequestParam MultiValueMap<String, String> params, Model model) {
        requireAdd(actor);
        Map<String, String> values = new HashMap<>(KindForm.of(kind, Map.of()));
        Map<String, Long> fixed = new LinkedHashMap<>();
        for (Field field : formReferences()) {
            Long given = reference(params.getFirst(field.name()));
            if (given != null && parts.title(actor, given) != null) {
                fixed.put(field.name(), given);
                values.put(field.name(), given.toString());
            }
        }
        prefill(actor, fixed, values);
        newFormExtras(actor, fixed, new org.springframework.util.LinkedMultiValueMap<>(), model);
        return form(actor, model, values, Map.of(), null, null, fixed);
    }

    @PostMapping("/new")
    String create(Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        requireAdd(actor);
        Map<String, String> values = formValues(params);
        try {
            FieldsView created = created(actor, KindForm.fields(kind, values), params);
            parts.texts.flash(redirect, "success", "flash." + kind.name() + ".created", created.id());
            return "redirect:/" + kind.path() + "/" + created.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, Long> fixed = new LinkedHashMap<>();
            for (Field field : formReferences()) {
                Long given = reference(params.getFirst(field.name() + ".fixed"));
                if (given != null) {
                    fixed.put(field.name(), given);
                }
            }
            newFormExtras(actor, fixed, params, model);
            return form(actor, model, values, parts.texts.errors(e), null, null, fixed);
        }
    }

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        FieldsView object = parts.service.visible(kind, actor, id);
        model.addAttribute("kind", kind);
        model.addAttribute("object", parts.row(actor, object));
        model.addAttribute("fields", KindForm.shown(kind));
        Map<String, Boolean> can = new LinkedHashMap<>();
        can.put("change", parts.service.allows(actor, object, Action.CHANGE));
        can.put("delete", parts.service.allows(actor, object, Action.DELETE));
        model.addAttribute("can", can);
        model.addAttribute("transferable", transferable());
        model.addAttribute("family", listPage().family());
        parts.departmentFilter.describe(model, false, java.util.Collections.singletonList(object.department()));
        model.addAttribute("users", parts.users.active());
        // the kinds it holds, each with its objects here (a company's contacts)
        List<Map<String, Object>> held = Kinds.ALL.stream().filter(Kind::byName)
                .filter(k -> k.holder().filter(h -> h.name().equals(kind.name())).isPresent())
                .map(k -> Map.<String, Object>of("kind", k, "field", k.holder().orElseThrow().name(),
                        "add", Permissions.allows(actor, k.name(), Action.ADD),
                        "items", parts.service.list(k, actor, new FieldsQueries.Filter(null,
                                Map.of(k.holder().orElseThrow(), id), null), FieldsQueries.LATEST, 0, HELD).items()
                                .stream().map(o -> parts.row(actor, o)).toList()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        // and the parts of kinds of their own that name it (a deal's memos), as many as the reader may see
        for (PartsListed listed : parts.partsListed) {
            if (listed.reference().name().equals(kind.name())) {
                held.add(Map.of("kind", listed.kind(), "field", listed.reference().name(),
                        "add", listed.mayAdd(actor), "items", listed.visible(actor, id, HELD)));
            }
        }
        model.addAttribute("held", held);
        parts.filesPanel.describe(model, id);
        describe(actor, object, model);
        return "object/fields-show";
    }

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        FieldsView object = parts.service.allowed(kind, actor, id, Action.CHANGE);
        return form(actor, model, KindForm.of(kind, object.fields()), Map.of(), object, null, fixedOf(object));
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        FieldsView current = parts.service.allowed(kind, actor, id, Action.CHANGE);
        Map<String, String> values = formValues(params);
        // a reference fixed on the form is not changed by it
        fixedOf(current).keySet().forEach(values::remove);
        try {
            FieldsView changed = parts.service.change(kind, actor, id, version, KindForm.fields(kind, values));
            parts.texts.flash(redirect, "success", "flash." + kind.name() + ".changed", changed.id());
            return "redirect:/" + kind.path() + "/" + changed.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, model, values, parts.texts.errors(e), current, null, fixedOf(current));
        } catch (Rejected.StaleVersion e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            FieldsView now = parts.service.visible(kind, actor, id);
            model.addAttribute("stale", parts.texts.text(kind.name() + ".form.stale"));
            return form(actor, model, KindForm.of(kind, now.fields()), Map.of(), now, values, fixedOf(now));
        }
    }

    /** Gives the object, and what it holds, to another owner. */
    @PostMapping("/{id}/owner")
    String transfer(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                    @RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
        try {
            parts.service.transfer(kind, actor, id, version, owner);
            parts.texts.flash(redirect, "success", "flash." + kind.name() + ".transferred", id, owner);
        } catch (Rejected.Invalid | Rejected.StaleVersion | Rejected.Forbidden e) {
            parts.texts.flashRejected(redirect, e);
        }
        return "redirect:/" + kind.path() + "/" + id;
    }

    private void requireAdd(Actor actor) {
        if (!Permissions.allows(actor, kind.name(), Action.ADD)) {
            throw new Rejected.Forbidden("error." + kind.name() + ".add-forbidden");
        }
    }

    /**
     * The references of an existing object, which its form shows but does not change: its holder (an e-mail: the
     * object it is written from).
     */
    protected Map<String, Long> fixedOf(FieldsView object) {
        Map<String, Long> fixed = new LinkedHashMap<>();
        kind.holder().ifPresent(h -> fixed.put(h.name(), object.reference(h)));
        return fixed;
    }

    private String form(Actor actor, Model model, Map<String, String> values, Map<String, String> errors,
                        FieldsView object, Map<String, String> yours, Map<String, Long> fixed) {
        model.addAttribute("kind", kind);
        model.addAttribute("fields", formFields());
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("object", object == null ? null : parts.row(actor, object));
        model.addAttribute("yours", yours);
        Map<String, Object> references = new LinkedHashMap<>();
        for (Field field : formReferences(fixed)) {
            Long given = fixed.get(field.name());
            // both keys always there: the form asks for "fixed" of a reference that is chosen, too
            Map<String, Object> reference = new HashMap<>();
            reference.put("fixed", given);
            if (given != null) {
                reference.put("title", java.util.Objects.requireNonNullElse(parts.title(actor, given), ""));
            } else {
                reference.put("choices", choicesWith(actor, field, values.get(field.name())));
            }
            references.put(field.name(), reference);
        }
        model.addAttribute("references", references);
        // a field of several objects: its choices (with those it names), and its rows as the form holds them
        Map<String, Map<Long, String>> listChoices = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        for (Field field : formFields()) {
            if (field.type().listsObjects()) {
                List<Map<String, String>> given = KindForm.rows(values.get(field.name()));
                Map<Long, String> choices = new LinkedHashMap<>(parts.choices(actor, field));
                given.forEach(row -> {
                    Long id = reference(row.get("id"));
                    if (id != null && !choices.containsKey(id)) {
                        choices.put(id, java.util.Objects.requireNonNullElse(parts.title(actor, id),
                                parts.texts.text("object.id", id)));
                    }
                });
                listChoices.put(field.name(), choices);
                rows.put(field.name(), given);
            }
        }
        model.addAttribute("listChoices", listChoices);
        model.addAttribute("formLines", rows);
        model.addAttribute("quantityMax", dev.crm.shared.kind.Limits.QUANTITY);
        return "object/fields-form";
    }

    /** A reference's choices, with its current value among them (it may be beyond the first ones). */
    private Map<Long, String> choicesWith(Actor actor, Field field, String current) {
        Map<Long, String> choices = new LinkedHashMap<>(choices(actor, field));
        Long id = reference(current);
        if (id != null && !choices.containsKey(id)) {
            choices.put(id, java.util.Objects.requireNonNullElse(parts.title(actor, id), "ID" + id));
        }
        return choices;
    }

    private static Long reference(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
