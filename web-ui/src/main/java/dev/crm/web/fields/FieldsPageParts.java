package dev.crm.web.fields;

import dev.crm.app.fields.FieldsService;
import dev.crm.app.imports.ImportService;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.Sort;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.object.ObjectSummary;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.file.FilesPanel;
import dev.crm.web.page.DepartmentFilter;
import dev.crm.web.page.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the pages of every kind of fields by name share: the services they call and how they show an object. */
@Component
public class FieldsPageParts {

    /** How many objects a form's reference field offers to choose from (by title). */
    static final int CHOICES = 100;

    final FieldsService service;
    final Texts texts;
    final FilesPanel filesPanel;
    final DepartmentFilter departmentFilter;
    final UserQueries users;
    final FieldsEndpoints api;
    final ImportService imports;
    /** The parts of kinds of their own that an object's page lists (a deal's memos). */
    final List<PartsListed> partsListed;
    /** What the list pages offer to do with their rows. */
    final List<ListAction> listActions;
    private final ObjectAccess access;
    private final ReferenceQueries reference;
    private final FieldsQueries queries;

    FieldsPageParts(FieldsService service, Texts texts, FilesPanel filesPanel, DepartmentFilter departmentFilter,
                    UserQueries users, ObjectAccess access, FieldsEndpoints api, ImportService imports,
                    ReferenceQueries reference, FieldsQueries queries, List<PartsListed> partsListed,
                    List<ListAction> listActions) {
        this.listActions = List.copyOf(listActions);
        this.reference = reference;
        this.queries = queries;
        this.partsListed = List.copyOf(partsListed);
        this.api = api;
        this.imports = imports;
        this.service = service;
        this.texts = texts;
        this.filesPanel = filesPanel;
        this.departmentFilter = departmentFilter;
        this.users = users;
        this.access = access;
    }

    public FieldsService service() {
        return service;
    }

    /**
     * The object as the pages show it: its fields by name (tags as lists), {@code title}, the common fields, and for
     * each reference {@code <field>Title}, the other object's title when the actor may see it (else null).
     */
    public Map<String, Object> row(Actor actor, FieldsView o) {
        Map<String, Object> row = new LinkedHashMap<>(o.fields());
        row.put(ObjectFields.ID.name(), o.id());
        row.put(ObjectFields.VERSION.name(), o.version());
        row.put("title", o.title());
        for (Field field : o.kind().fields()) {
            if (field.type() == FieldType.TAGS) {
                row.put(field.name(), o.tags(field));
            } else if (field.type().listsObjects()) {
                row.put(field.name(), lines(actor, field, o.get(field)));
            } else if (field.type() == FieldType.REFERENCE) {
                Long other = o.reference(field);
                row.put(field.name(), other);
                row.put(field.name() + "Title", other == null ? null
                        : access.findVisible(other, actor).map(ObjectSummary::title).orElse(null));
            }
            // every field has its key, null when it has no value: templates read row.closedAt of an open deal
            row.putIfAbsent(field.name(), null);
        }
        row.put(ObjectFields.OWNER.name(), o.owner());
        row.put(ObjectFields.DEPARTMENT.name(), o.department());
        row.put(ObjectFields.CREATED_AT.name(), o.createdAt());
        row.put(ObjectFields.UPDATED_AT.name(), o.updatedAt());
        return row;
    }

    /**
     * A field of several objects as the pages show it: a line per object, {@code id}, {@code quantity} (1 for
     * references), {@code title} (null when the actor may not see it), {@code object} (its view, or null) and
     * {@code note} (null; a kind's page may add one, a deal its amount).
     */
    List<Map<String, Object>> lines(Actor actor, Field field, String value) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (Lines.Line line : Lines.decode(value)) {
            FieldsView other = queries.findVisible(field.refers(), line.id(), actor).orElse(null);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", line.id());
            shown.put("quantity", line.quantity());
            shown.put("title", other == null ? null : other.title());
            shown.put("object", other);
            shown.put("note", null);
            lines.add(shown);
        }
        return lines;
    }

    /** A reference field's choices: objects of its kind the actor may see, by title, as {@code id → title}. */
    Map<Long, String> choices(Actor actor, Field field) {
        Map<Long, String> choices = new LinkedHashMap<>();
        (field.type().listsObjects() ? java.util.Optional.of(field.refers()) : Kinds.named(field.name()))
                .filter(Kind::byName).ifPresent(other -> {
            Sort byTitle = new Sort(other.titledBy().isEmpty() ? ObjectFields.ID.name()
                    : other.titledBy().get(0).name(), false);
            for (FieldsView o : service.list(other, actor, FieldsQueries.Filter.of(null, null), byTitle, 0, CHOICES)
                    .items()) {
                choices.put(o.id(), o.title());
            }
        });
        // a reference to reference data (a deal's stage): its live objects, in their order
        java.util.Arrays.stream(ReferenceKind.values()).filter(r -> r.kind().name().equals(field.name())).findFirst()
                .ifPresent(r -> reference.all(r).forEach(v -> choices.put(v.id(), v.title())));
        return choices;
    }

    /** The title of the object a reference names, if the actor may see it. */
    String title(Actor actor, Long id) {
        return id == null ? null : access.findVisible(id, actor).map(ObjectSummary::title).orElse(null);
    }

    List<Field> references(Kind kind) {
        return kind.fields().stream().filter(f -> f.type() == FieldType.REFERENCE).toList();
    }
}
