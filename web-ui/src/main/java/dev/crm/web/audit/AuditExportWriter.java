package dev.crm.web.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.query.history.HistoryExport;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.web.page.CsvExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes history entries for auditors as a download while they are read: each entry is written to the response as
 * soon as the reader hands it over ({@link HistoryExport}'s cursor), through a small buffer, so neither the entries
 * nor the file are ever held whole. JSON Lines: one object a line, {@code id, kind, sequence, at, user, event,
 * changes: [{field, from, to}], hash}. CSV: the same columns, one header row, {@code changes} as that JSON array in
 * one cell, quoted by the CSV writer the lists' export uses (commas, quotes and line breaks inside a value are kept),
 * and a text a spreadsheet would run as a formula written after a {@code '} ({@link CsvExport#safe}).
 */
@Component
public class AuditExportWriter {

    /**
     * One entry as written: the columns of the CSV and the fields of a JSON line, in this order. {@code id} is a
     * number for an object's stream, a text for a user's (named by the username).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Line(Object id, String kind, long sequence, java.time.Instant at, String user, String event,
                List<FieldChange> changes, String hash) {

        static Line of(HistoryExport.Entry e) {
            return new Line(isNumber(e.id()) ? (Object) Long.valueOf(e.id()) : e.id(), e.kind(), e.sequence(), e.at(),
                    e.user(), e.event(), e.changes(), e.hash());
        }
    }

    static final List<String> COLUMNS = java.util.Arrays.stream(Line.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();
    /** Entries written between two flushes of the response. */
    private static final int FLUSH_EVERY = 1000;

    private final JsonFactory json;
    /** Writes a line without flushing it: the writer flushes every {@link #FLUSH_EVERY} entries. */
    private final com.fasterxml.jackson.databind.ObjectWriter lines;
    private final HistoryExport export;

    AuditExportWriter(ObjectMapper mapper, HistoryExport export) {
        this.json = mapper.getFactory();
        this.lines = mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.export = export;
    }

    /**
     * One object's history ({@code GET /api/objects/{id}/history?format=}) as a download, {@code history-<id>}: the
     * entries history shows the actor (the caller checked that they may see the object), each with its hash.
     */
    public ResponseEntity<StreamingResponseBody> objectHistory(ObjectSummary object, Actor actor, String format) {
        AuditFormat chosen = AuditFormat.of(format, AuditFormat.JSONL);
        List<HistoryExport.Entry> entries = export.objectHistory(object.id(), object.kind(), actor);
        return download("history-" + object.id(), chosen, sink -> entries.forEach(sink));
    }

    /** The entries {@code source} hands over, as the file {@code name}.{@code jsonl|csv}. */
    ResponseEntity<StreamingResponseBody> download(String name, AuditFormat format,
                                                   Consumer<Consumer<HistoryExport.Entry>> source) {
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                if (format == AuditFormat.CSV) {
                    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
                    csv.printRecord(COLUMNS);
                    long[] n = {0};
                    source.accept(entry -> {
                        try {
                            csv.printRecord(cells(entry));
                            if (++n[0] % FLUSH_EVERY == 0) {
                                csv.flush();
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    csv.flush();
                } else {
                    JsonGenerator generator = json.createGenerator(writer);
                    // one entry a line: the generator writes a line break between two entries, the last one below
                    generator.setRootValueSeparator(new SerializedString("\n"));
                    long[] n = {0};
                    source.accept(entry -> {
                        try {
                            line(generator, entry);
                            if (++n[0] % FLUSH_EVERY == 0) {
                                generator.flush();
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    generator.flush();
                    if (n[0] > 0) {
                        writer.write('\n');
                    }
                }
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.extension, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    private void line(JsonGenerator g, HistoryExport.Entry e) throws IOException {
        lines.writeValue(g, Line.of(e));
    }

    private static void changes(JsonGenerator g, List<FieldChange> changes) throws IOException {
        g.writeStartArray();
        for (FieldChange c : changes) {
            g.writeStartObject();
            g.writeStringField("field", c.field());
            g.writeStringField("from", c.from());
            g.writeStringField("to", c.to());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private List<String> cells(HistoryExport.Entry e) throws IOException {
        StringWriter changes = new StringWriter();
        try (JsonGenerator g = json.createGenerator(changes)) {
            changes(g, e.changes());
        }
        return List.of(e.id(), text(e.kind()), Long.toString(e.sequence()), e.at().toString(), text(e.user()),
                text(e.event()), CsvExport.safe(changes.toString()), text(e.hash()));
    }

    private static String text(String value) {
        return value == null ? "" : CsvExport.safe(value);
    }

    private static boolean isNumber(String id) {
        if (id.isEmpty() || id.length() > 18) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
