package dev.crm.web.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.app.fields.FieldsService;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.page.CsvExport;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The API of every kind of fields by name, one method per operation: a kind's controller declares its paths, its
 * records (the description's schemas) and one line per operation calling these. An answer is the kind's record made
 * from the view by field names ({@link #json}), so a new field is a new record component, nothing else.
 */
@Component
public class FieldsEndpoints {

    /** What no body may set: the fields every object has. */
    public static final Set<String> READ_ONLY = Set.of(ObjectFields.ID.name(), ObjectFields.KIND.name(),
            ObjectFields.VERSION.name(), ObjectFields.OWNER.name(), ObjectFields.DEPARTMENT.name(),
            ObjectFields.CREATED_AT.name(), ObjectFields.UPDATED_AT.name());

    private final FieldsService service;
    private final ObjectMapper mapper;
    private final CsvExport csv;

    FieldsEndpoints(FieldsService service, ObjectMapper mapper, CsvExport csv) {
        this.service = service;
        this.mapper = mapper;
        this.csv = csv;
    }

    /**
     * A page of the objects the caller may see; {@code equal}: filters given, a field and the value it must have (an
     * ID for a reference, a choice's value, a Boolean for a flag; null values: not given).
     */
    public <J> ItemList<J> list(Kind kind, Class<J> json, Actor actor, String q, Map<Field, ?> equal,
                                Long department, String sort, int page, int size) {
        return list(kind, json, actor, q, equal, Map.of(), department, sort, page, size);
    }

    /** The same, with ranges a field's value must lie in ({@code ?minPrice=10&maxPrice=20}; null bounds: none). */
    public <J> ItemList<J> list(Kind kind, Class<J> json, Actor actor, String q, Map<Field, ?> equal,
                                Map<Field, FieldsQueries.Range> ranges, Long department, String sort, int page,
                                int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        Page<FieldsView> result = service.list(kind, actor, filter(q, equal, ranges, department == null ? null
                : List.of(department)), Sort.of(sort, FieldsTables.sorts(kind), FieldsQueries.LATEST), page, size);
        return ItemList.of(result, result.items().stream().map(o -> json(o, json)).toList());
    }

    /** The list as CSV ({@link CsvExport}): filtered and ordered as {@link #list} with the same parameters, streamed. */
    public void export(Kind kind, Class<? extends Record> json, Actor actor, String q, Map<Field, ?> equal,
                       Long department, String sort, HttpServletResponse response) throws IOException {
        export(kind, json, actor, filter(q, equal, Map.of(), department == null ? null : List.of(department)), sort,
                response);
    }

    /** The same, for a filter made by the caller (the list page's, with its departments). */
    public void export(Kind kind, Class<? extends Record> json, Actor actor, FieldsQueries.Filter filter, String sort,
                       HttpServletResponse response) throws IOException {
        Sort order = Sort.of(sort, FieldsTables.sorts(kind), FieldsQueries.LATEST);
        csv.write(response, kind.path(), json, page -> service.list(kind, actor, filter, order, page, CsvExport.PAGE)
                .items().stream().map(o -> json(o, json)).toList());
    }

    /** The filter of a list: {@code equal}'s values not given (null) are no filter; a choice not among its values is 400. */
    public static FieldsQueries.Filter filter(String q, Map<Field, ?> equal, Map<Field, FieldsQueries.Range> ranges,
                                              java.util.Collection<Long> departments) {
        Map<Field, Object> given = new LinkedHashMap<>();
        equal.forEach((field, value) -> {
            if (value != null && field.type() == FieldType.CHOICE && !field.choices().contains(value)) {
                throw BadRequest.of(field.name(), "validation.one-of", String.join(", ", field.choices()));
            }
            if (value != null) {
                given.put(field, value);
            }
        });
        return new FieldsQueries.Filter(q, given, ranges, departments);
    }

    public <J> ResponseEntity<J> create(Kind kind, Class<J> json, Actor actor, JsonNode body,
                                        Class<? extends Record> input) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(input), READ_ONLY);
        Map<String, Object> fields = in.fields(kind);
        in.check();
        FieldsView created = service.create(kind, actor, fields);
        return ResponseEntity.created(URI.create("/api/" + kind.path() + "/" + created.id())).eTag(etag(created))
                .body(json(created, json));
    }

    public <J> ResponseEntity<J> get(Kind kind, Class<J> json, Actor actor, long id) {
        return one(service.visible(kind, actor, id), json);
    }

    /** A change of the fields the body names; null for a required field ({@code NAME}) leaves it as it is. */
    public <J> ResponseEntity<J> change(Kind kind, Class<J> json, Actor actor, long id, JsonNode body, String ifMatch,
                                        Class<? extends Record> input, Set<String> readOnly) {
        Long expected = IfMatch.version(ifMatch);
        Set<String> fixed = new java.util.HashSet<>(READ_ONLY);
        fixed.addAll(readOnly);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(input), fixed);
        Map<String, Object> fields = in.fields(kind);
        for (Field field : kind.fields()) {
            if (field.type() == FieldType.NAME && fields.containsKey(field.name()) && fields.get(field.name()) == null) {
                fields.remove(field.name());
            }
        }
        in.check();
        return one(service.change(kind, actor, id, expected, fields), json);
    }

    /** {@code { owner }}: gives the object (and what it holds) to another user. */
    public <J> ResponseEntity<J> transfer(Kind kind, Class<J> json, Actor actor, long id, JsonNode body,
                                          String ifMatch, Class<? extends Record> input) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(input), Set.of());
        String owner = in.text(ObjectFields.OWNER.name());
        if (owner == null) {
            in.addError(ObjectFields.OWNER.name(), "validation.required");
        }
        in.check();
        return one(service.transfer(kind, actor, id, expected, owner), json);
    }

    public ResponseEntity<Void> delete(Kind kind, Actor actor, long id, String ifMatch, Integer objects) {
        service.delete(kind, actor, id, IfMatch.version(ifMatch), objects);
        return ResponseEntity.noContent().build();
    }

    public DeletionPreviewJson deletionPreview(Kind kind, Actor actor, long id) {
        return DeletionPreviewJson.of(service.deletionPreview(kind, actor, id));
    }

    /**
     * The object as the kind's API record: its fields by name (tags as a list, a reference or number as a number, a
     * flag as a boolean, several objects as a list of IDs, lines as a list of {@code {<kind>: id, quantity: n}}; none:
     * an empty list) and those every object has.
     */
    public <J> J json(FieldsView o, Class<J> json) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ObjectFields.ID.name(), o.id());
        values.put(ObjectFields.KIND.name(), o.kind().name());
        values.put(ObjectFields.VERSION.name(), o.version());
        for (Field field : o.kind().fields()) {
            String value = o.get(field);
            values.put(field.name(), switch (field.type()) {
                case TAGS, EMAILS -> o.tags(field);
                case REFERENCE -> value == null ? null : Long.valueOf(value);
                case NUMBER -> value == null ? null : new BigDecimal(value);
                case FLAG -> value == null ? null : Boolean.valueOf(value);
                case REFERENCES -> Lines.decode(value).stream().map(Lines.Line::id).toList();
                case LINES -> Lines.decode(value).stream().map(l -> Map.of(field.refers().name(), l.id(),
                        "quantity", l.quantity())).toList();
                default -> value;
            });
        }
        values.put(ObjectFields.OWNER.name(), o.owner());
        values.put(ObjectFields.DEPARTMENT.name(), o.department());
        values.put(ObjectFields.CREATED_AT.name(), o.createdAt());
        values.put(ObjectFields.UPDATED_AT.name(), o.updatedAt());
        return mapper.convertValue(values, json);
    }

    private <J> ResponseEntity<J> one(FieldsView o, Class<J> json) {
        return ResponseEntity.ok().eTag(etag(o)).body(json(o, json));
    }

    private static String etag(FieldsView o) {
        return "\"" + o.version() + "\"";
    }
}
