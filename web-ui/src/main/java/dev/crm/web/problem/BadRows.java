package dev.crm.web.problem;

import dev.crm.command.Rejected;
import java.util.List;

/** Rows of an uploaded file that were refused: a 400 whose errors name each row as well as its field. */
public class BadRows extends RuntimeException {

    /** {@code row}: its number as a spreadsheet shows it (the header is row 1). */
    public record Row(int row, Rejected.FieldError error) {
    }

    private final transient List<Row> rows;

    public BadRows(List<Row> rows) {
        super("bad rows");
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }
}
