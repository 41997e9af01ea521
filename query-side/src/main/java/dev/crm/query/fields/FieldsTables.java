package dev.crm.query.fields;

import dev.crm.query.Sql;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;

/**
 * How a kind of fields by name is laid out in its table {@code <kind>_view}: a column per own field
 * ({@link Sql#column}), typed by the field (a reference or number as a number, a flag as a boolean, a date as a
 * date), then {@code owner}, {@code department}, {@code deleted}, {@code created_at}, {@code updated_at}. A field of
 * several objects ({@link FieldType#listsObjects()}) is a text column with its canonical text (as the events carry it),
 * and a table of its own, {@link #linesTable}, with a row per object, for queries that join them (a sales report).
 */
public final class FieldsTables {

    private static final Map<String, RowMapper<FieldsView>> ROWS = new ConcurrentHashMap<>();

    private FieldsTables() {
    }

    public static String table(Kind kind) {
        return kind.name() + "_view";
    }

    /**
     * The table of a field of several objects: {@code <kind>_<its objects' kind>} ({@code deal_product}), with the
     * columns {@link #linesColumns}.
     */
    public static String linesTable(Kind kind, Field field) {
        return kind.name() + "_" + field.refers().name();
    }

    /**
     * The columns of {@link #linesTable}: {@code <kind>_id, <its objects' kind>_id} and, for {@link FieldType#LINES},
     * {@code quantity} ({@code deal_id, product_id, quantity}).
     */
    public static String linesColumns(Kind kind, Field field) {
        return kind.name() + "_id, " + field.refers().name() + "_id"
                + (field.type() == FieldType.LINES ? ", quantity" : "");
    }

    /** The fields of several objects of the kind ({@link FieldType#listsObjects()}). */
    public static List<Field> listing(Kind kind) {
        return kind.fields().stream().filter(f -> f.type().listsObjects()).toList();
    }

    /** Its own fields' columns, in declaration order, joined by ", ". */
    public static String columns(Kind kind) {
        return kind.fields().stream().map(f -> Sql.column(f.name())).collect(Collectors.joining(", "));
    }

    /** A field's value as the events carry it (text), as its column takes it. */
    public static Object value(Field field, String text) {
        if (text == null) {
            return null;
        }
        return switch (field.type()) {
            case REFERENCE -> Long.valueOf(text);
            case NUMBER -> new BigDecimal(text);
            case FLAG -> Boolean.valueOf(text);
            case DATE -> LocalDate.parse(text);
            case TIME -> Sql.ts(java.time.Instant.parse(text));
            default -> text;
        };
    }

    /** The row as a view. */
    public static RowMapper<FieldsView> row(Kind kind) {
        return ROWS.computeIfAbsent(kind.name(), name -> (rs, n) -> new FieldsView(kind, rs.getLong("id"),
                rs.getLong("version"), fields(rs, kind), rs.getString("owner"),
                rs.getObject(ObjectFields.DEPARTMENT.name(), Long.class), rs.getBoolean("deleted"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")));
    }

    /** Its own fields from a row, as text by name; no value: absent. */
    static Map<String, String> fields(ResultSet rs, Kind kind) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            String column = Sql.column(field.name());
            Object value = switch (field.type()) {
                case REFERENCE -> rs.getObject(column, Long.class);
                // as the events keep it: no trailing zeros (a NUMERIC(14,2) column answers 12.50 for 12.5)
                case NUMBER -> rs.getBigDecimal(column) == null ? null : plain(rs.getBigDecimal(column));
                case FLAG -> rs.getObject(column, Boolean.class);
                case DATE -> rs.getObject(column, LocalDate.class);
                case TIME -> Sql.instant(rs, column);
                default -> rs.getString(column);
            };
            if (value != null) {
                fields.put(field.name(), value.toString());
            }
        }
        return fields;
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** The columns a list of the kind can be sorted by, by field name, with their SQL; ID, owner, times too. */
    public static Map<String, String> sorts(Kind kind) {
        return SORTS.computeIfAbsent(kind.name(), name -> sortsOf(kind));
    }

    private static final Map<String, Map<String, String>> SORTS = new ConcurrentHashMap<>();

    private static Map<String, String> sortsOf(Kind kind) {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put(ObjectFields.ID.name(), "id");
        for (Field field : kind.fields()) {
            if (field.type() == FieldType.TEXT || field.type() == FieldType.TAGS || field.type().listsObjects()) {
                continue;
            }
            String column = Sql.column(field.name());
            sorts.put(field.name(), switch (field.type()) {
                case NAME, LINE, EMAIL, EMAILS, PHONE, URL -> "LOWER(" + column + ")";
                default -> column;
            });
        }
        sorts.put(ObjectFields.OWNER.name(), "owner");
        sorts.put(ObjectFields.DEPARTMENT.name(), ObjectFields.DEPARTMENT.name());
        sorts.put(ObjectFields.CREATED_AT.name(), "created_at");
        sorts.put(ObjectFields.UPDATED_AT.name(), "updated_at");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /**
     * The field's column as text in SQL: itself for a text, else cast (a payment's title has its amount and date).
     */
    public static String text(Field field) {
        return switch (field.type()) {
            case NUMBER, DATE, REFERENCE, FLAG, TIME -> "CAST(" + Sql.column(field.name()) + " AS VARCHAR(40))";
            default -> Sql.column(field.name());
        };
    }

    /**
     * The condition "a searched field holds :pattern" ({@link Field#isSearched()}; a title of several fields as
     * they read together, "first last"), as {@code AND (…)}.
     */
    public static String textCondition(Kind kind) {
        List<String> parts = new ArrayList<>();
        if (kind.titledBy().size() > 1) {
            parts.add("LOWER(" + kind.titledBy().stream().map(f -> "COALESCE(" + text(f) + ", '')")
                    .collect(Collectors.joining(" || ' ' || ")) + ")");
        }
        for (Field field : kind.fields()) {
            if (field.isSearched() && !(kind.titledBy().size() > 1 && kind.titledBy().contains(field))) {
                // a required name as it is; another field with its missing value as '' (the trigram indexes' own
                // expressions, see the PostgreSQL migrations V15_1 and V18)
                parts.add(field.type() == FieldType.NAME ? "LOWER(" + Sql.column(field.name()) + ")"
                        : "LOWER(COALESCE(" + Sql.column(field.name()) + ", ''))");
            }
        }
        return parts.stream().map(p -> p + " LIKE :pattern ESCAPE '\\'")
                .collect(Collectors.joining(" OR ", " AND (", ")"));
    }
}
