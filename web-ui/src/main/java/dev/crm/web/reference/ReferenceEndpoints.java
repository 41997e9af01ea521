package dev.crm.web.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.reference.ReferenceService;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the four reference kinds' API controllers do, written once: each controller is only its path, its records
 * (which the description shows) and one line per operation. The body's fields are its input record's, read with the
 * JSON type their rule asks for; the answer is the kind's record, with the object's version as ETag.
 */
@Component
class ReferenceEndpoints {

    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", "createdAt", "updatedAt");

    private final ReferenceService references;

    ReferenceEndpoints(ReferenceService references) {
        this.references = references;
    }

    <J> ItemList<J> list(Actor actor, ReferenceKind kind, Function<ReferenceView, J> json) {
        return ItemList.whole(references.all(actor, kind).stream().map(json).toList());
    }

    <J> ResponseEntity<J> create(Actor actor, ReferenceKind kind, Class<? extends Record> input, JsonNode body,
                                 Function<ReferenceView, J> json) {
        ReferenceView created = references.create(actor, kind, values(kind, input, body));
        return ResponseEntity.created(URI.create("/api/admin/" + kind.kind().path() + "/" + created.id()))
                .eTag(etag(created)).body(json.apply(created));
    }

    <J> ResponseEntity<J> get(Actor actor, ReferenceKind kind, long id, Function<ReferenceView, J> json) {
        ReferenceView object = references.find(actor, kind, id);
        return ResponseEntity.ok().eTag(etag(object)).body(json.apply(object));
    }

    <J> ResponseEntity<J> change(Actor actor, ReferenceKind kind, long id, String ifMatch, Class<? extends Record> input,
                                 JsonNode body, Function<ReferenceView, J> json) {
        Long expected = IfMatch.version(ifMatch);
        ReferenceView changed = references.change(actor, kind, id, expected, values(kind, input, body));
        return ResponseEntity.ok().eTag(etag(changed)).body(json.apply(changed));
    }

    void delete(Actor actor, ReferenceKind kind, long id, String ifMatch) {
        references.delete(actor, kind, id, IfMatch.version(ifMatch));
    }

    /** The given fields' values as text, each read with its rule's JSON type (a key with null: emptied). */
    static Map<String, String> values(ReferenceKind kind, Class<? extends Record> input, JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(input), READ_ONLY);
        Map<String, String> values = new LinkedHashMap<>();
        for (RuleOf rule : kind.rules()) {
            String field = rule.field().name();
            if (!in.has(field)) {
                continue;
            }
            Object value = switch (rule.rule()) {
                case NAME, CODE, HOST, SECURITY, OPTIONAL_LINE, SECRET, EMAIL, USER -> in.text(field);
                case DEPARTMENT, OPTIONAL_DEPARTMENT, INDEX, PORT, LIMIT, PAUSE -> in.number(field);
                case FLAG -> in.bool(field);
                case RATE -> {
                    BigDecimal rate = in.decimal(field);
                    yield rate == null ? null : rate.toPlainString();
                }
            };
            values.put(field, value == null ? null : value.toString());
        }
        in.check();
        return values;
    }

    static String etag(ReferenceView view) {
        return "\"" + view.version() + "\"";
    }

    static Long id(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
