package dev.crm.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.query.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list written as CSV while it is read: page after page of the list's own query (with its filters, order and
 * visibility), each page written and flushed before the next is read, so no more than one page is in memory.
 * The columns are the API's record for the kind (the same names and values as its JSON), one row of field
 * names first; UTF-8. A text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a
 * carriage return) is written after a {@code '}.
 */
@Component
public class CsvExport {

    public static final String TEXT_CSV = "text/csv";
    /** Rows read per page of the list query. */
    public static final int PAGE = Page.MAX_SIZE;

    private final ObjectMapper json;
    private final Clock clock;

    CsvExport(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the rows to the response: {@code pages} gives page {@code n} (of {@link #PAGE} rows) as the API's
     * records; the list ends at the first page that is not full.
     */
    public void write(HttpServletResponse response, String name, Class<? extends Record> record,
                      IntFunction<List<?>> pages) throws IOException {
        List<String> columns = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + dev.crm.web.page.Dates.today(clock) + ".csv", StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(columns);
        for (int page = 0; ; page++) {
            List<?> items = pages.apply(page);
            for (Object item : items) {
                JsonNode node = json.valueToTree(item);
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(safe(text(node.get(column))));
                }
                csv.printRecord(cells);
            }
            csv.flush();
            if (items.size() < PAGE) {
                break;
            }
        }
        csv.flush();
    }

    /**
     * Writes a table that is in memory already (a report's): a row of column names, then the rows; numbers as they
     * are, texts kept from running as formulas.
     */
    public void writeTable(HttpServletResponse response, String name, List<String> columns, List<List<Object>> rows)
            throws IOException {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + LocalDate.now(clock) + ".csv", StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(columns);
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell == null ? "" : cell instanceof Number ? cell.toString() : safe(cell.toString()));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }

    /** The list page's address with {@code /export} after its path, with its filters and order but not its page. */
    public static String link(HttpServletRequest request) {
        UriComponentsBuilder export = UriComponentsBuilder.fromPath(request.getRequestURI() + "/export");
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                export.queryParam(name, (Object[]) values);
            }
        });
        return export.encode().build().toUriString();
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : value) {
                parts.add(part.isValueNode() ? part.asText() : values(part));
            }
            return String.join(", ", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * An object in a list (a deal's product line, product 12 three times) as its values joined by
     * {@code :} ({@code 12:3}), the canonical form of lines in the events ({@code Lines}), not as JSON.
     */
    private static String values(JsonNode object) {
        List<String> values = new ArrayList<>();
        object.elements().forEachRemaining(v -> values.add(v.isValueNode() ? v.asText() : v.toString()));
        return String.join(":", values);
    }

    /** Against CSV injection: a text a spreadsheet would run as a formula is kept a text. */
    public static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
