package dev.crm.app.imports;

import dev.crm.command.Rejected;
import dev.crm.shared.file.FileKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded file read as a table: its header and its rows of texts. CSV (UTF-8, comma or semicolon) or Excel
 * {@code .xlsx} (the first sheet; a formula's cached value, never evaluated). Bounded in size and rows; anything
 * else is refused under the field {@code file}.
 */
public final class ImportFile {

    public static final String FILE = FileKind.UPLOAD_PART;
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_ROWS = 10_000;

    /** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
    public record Line(int number, List<String> cells) {
    }

    public record Table(List<String> header, List<Line> lines) {
    }

    private ImportFile() {
    }

    /** Reads at most {@link #MAX_BYTES} (more is refused) and then the table. */
    public static Table read(String filename, InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw new Rejected.Invalid(FILE, "import.error.too-large", MAX_BYTES / (1024 * 1024));
        }
        return read(filename, content);
    }

    static Table read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        Table table;
        if (zip && name.endsWith(".xlsx")) {
            table = xlsx(content);
        } else if (!zip && (name.endsWith(".csv") || name.endsWith(".txt"))) {
            table = csv(content);
        } else {
            throw new Rejected.Invalid(FILE, "import.error.type");
        }
        if (table.header().stream().allMatch(String::isBlank)) {
            throw new Rejected.Invalid(FILE, "import.error.empty");
        }
        if (table.lines().isEmpty()) {
            throw new Rejected.Invalid(FILE, "import.error.no-rows");
        }
        return table;
    }

    private static Table csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected.Invalid(FILE, "import.error.encoding");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Rejected.Invalid(FILE, "import.error.type");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String first = text.substring(0, firstLineEnd);
        char delimiter = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        // empty lines are records too, so that a row's number is the one a spreadsheet shows for it (a record
        // whose quoted cell spans several lines is one row there too)
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<String> header = null;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    if (lines.size() == MAX_ROWS) {
                        throw new Rejected.Invalid(FILE, "import.error.too-many-rows", MAX_ROWS);
                    }
                    lines.add(new Line(number, cells));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Rejected.Invalid(FILE, "import.error.csv", e.getMessage());
        }
        return new Table(header == null ? List.of() : header, lines);
    }

    private static Table xlsx(byte[] content) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new Rejected.Invalid(FILE, "import.error.empty");
            }
            Sheet sheet = book.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1_000) {
                throw new Rejected.Invalid(FILE, "import.error.too-many-rows", MAX_ROWS);
            }
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell));
                }
                if (header == null) {
                    header = cells;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    if (lines.size() == MAX_ROWS) {
                        throw new Rejected.Invalid(FILE, "import.error.too-many-rows", MAX_ROWS);
                    }
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
            return new Table(header == null ? List.of() : header, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejected rejected) {
                throw rejected;
            }
            throw new Rejected.Invalid(FILE, "import.error.xlsx");
        }
    }

    /** A cell's text: for a formula its cached result (formulas are never evaluated here). */
    static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime at = cell.getLocalDateTimeCellValue();
                    yield at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }
}
