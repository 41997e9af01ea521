package dev.crm.app.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a stored JSON document (an event's payload or metadata), so that its hash does not depend on
 * the order of its keys or on white space:
 * <ul>
 *   <li>the bytes are parsed as one JSON value (UTF-8; duplicate keys and trailing content are errors);</li>
 *   <li>it is written again without any white space; the members of every object sorted by key (Java's
 *       {@code String} order, i.e. by UTF-16 code units), recursively; arrays keep their order;</li>
 *   <li>strings in Jackson's standard escaping ({@code "}, {@code \}, and control characters escaped, everything else
 *       as UTF-8); integers as their decimal digits; other numbers by their decimal value, as
 *       {@link java.math.BigDecimal#toString()} without trailing zeros ({@code 2.50} → {@code 2.5}, {@code 1e3} and
 *       {@code 1000.0} → {@code 1E+3}; an integer {@code 1000} stays {@code 1000});
 *       {@code true}, {@code false}, {@code null} as such.</li>
 * </ul>
 * Bytes that are not one JSON value (never written by the CRM, but a row may be edited) are their own canonical form:
 * they cannot be confused with a canonical JSON text, because those always parse.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {
    }

    /** The canonical form of these stored bytes (null stays null). */
    public static byte[] canonical(byte[] stored) {
        if (stored == null) {
            return null;
        }
        JsonNode tree;
        try (JsonParser parser = MAPPER.createParser(stored)) {
            tree = MAPPER.readTree(parser);
        } catch (IOException | RuntimeException e) {
            return stored;
        }
        if (tree == null || tree.isMissingNode()) {
            return stored;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(tree, gen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator gen) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null);
                gen.writeStartObject();
                for (String key : keys) {
                    gen.writeFieldName(key);
                    write(node.get(key), gen);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode element : node) {
                    write(element, gen);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    gen.writeNumber(node.bigIntegerValue());
                } else {
                    gen.writeNumber(node.decimalValue().stripTrailingZeros().toString());
                }
            }
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            default -> gen.writeString(node.asText());
        }
    }
}
