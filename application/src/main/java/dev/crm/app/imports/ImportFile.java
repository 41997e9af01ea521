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
import java.util.Iterator;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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

    /**
     * The first sheet, read as a stream of SAX events (the sheet is never built in memory, and the reading stops
     * at the row past the bound); shared strings read-only; each formula cell gives its cached result.
     */
    private static Table xlsx(byte[] content) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Rejected.Invalid(FILE, "import.error.empty");
            }
            Rows rows = new Rows();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), rows, new PlainFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
            return new Table(rows.header == null ? List.of() : rows.header, rows.lines);
        } catch (SAXException e) {
            if (e.getException() instanceof Rejected rejected) {
                throw rejected;
            }
            throw new Rejected.Invalid(FILE, "import.error.xlsx");
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof Rejected rejected) {
                throw rejected;
            }
            throw new Rejected.Invalid(FILE, "import.error.xlsx");
        }
    }

    /** Collects a sheet's rows as the parser reads them: the first is the header; blank rows are left out. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        List<String> header;
        final List<Line> lines = new ArrayList<>();
        private List<String> cells;
        private int column;

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            column = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                header = cells;
            } else if (!cells.stream().allMatch(String::isBlank)) {
                if (lines.size() == MAX_ROWS) {
                    throw new Rejected.Invalid(FILE, "import.error.too-many-rows", MAX_ROWS);
                }
                lines.add(new Line(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int at = reference == null ? column : new CellReference(reference).getCol();
            while (cells.size() < at) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
            column = at + 1;
        }
    }

    /**
     * A cell's value as text: numbers in plain digits (a phone number is not 4.93E+11), dates as ISO dates, other
     * formats as the sheet formats them.
     */
    private static final class PlainFormatter extends DataFormatter {

        PlainFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value);
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
            }
            if (formatString == null || "General".equalsIgnoreCase(formatString) || "@".equals(formatString)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
