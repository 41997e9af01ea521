package dev.crm.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.command.Rejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    private static String code(Throwable e) {
        return ((Rejected.Invalid) e).errors().get(0).code();
    }

    @Test
    void aCsvFileIsReadWithItsRowNumbersSkippingEmptyLines() throws IOException {
        ImportFile.Table table = ImportFile.read("a.CSV", new ByteArrayInputStream(
                "\uFEFFname;email\nAcme;a@b.c\n\n\"Semi;colon\";\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(table.header()).containsExactly("name", "email");
        assertThat(table.lines()).extracting(ImportFile.Line::number).containsExactly(2, 4);
        assertThat(table.lines().get(1).cells()).containsExactly("Semi;colon", "");
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedBeforeItIsParsed() {
        byte[] big = new byte[(int) ImportFile.MAX_BYTES + 1];
        assertThatThrownBy(() -> ImportFile.read("big.csv", new ByteArrayInputStream(big)))
                .isInstanceOf(Rejected.Invalid.class).satisfies(e -> assertThat(code(e)).isEqualTo("import.error.too-large"));
    }

    @Test
    void moreRowsThanTheBoundAreRefused() {
        String csv = "name\n" + "x\n".repeat(ImportFile.MAX_ROWS + 1);
        assertThatThrownBy(() -> ImportFile.read("many.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("import.error.too-many-rows"));
        assertThat(ImportFile.read("max.csv", ("name\n" + "x\n".repeat(ImportFile.MAX_ROWS))
                .getBytes(StandardCharsets.UTF_8)).lines()).hasSize(ImportFile.MAX_ROWS);
    }

    @Test
    void otherFilesAreRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        for (String name : List.of("logo.png", "logo.csv", "logo.xlsx")) {
            assertThatThrownBy(() -> ImportFile.read(name, png)).isInstanceOf(Rejected.Invalid.class);
        }
        byte[] latin1 = "name\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImportFile.read("latin.csv", latin1))
                .satisfies(e -> assertThat(code(e)).isEqualTo("import.error.encoding"));
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0};
        assertThatThrownBy(() -> ImportFile.read("broken.xlsx", zip))
                .satisfies(e -> assertThat(code(e)).isEqualTo("import.error.xlsx"));
        assertThatThrownBy(() -> ImportFile.read("header.csv", "name\n".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("import.error.no-rows"));
    }

    @Test
    void anXlsxFormulaGivesItsCachedValueAndNumbersHaveNoExponent() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row header = book.createSheet().createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("phone");
            Row row = book.getSheetAt(0).createRow(2);
            row.createCell(0).setCellFormula("CONCATENATE(\"not\",\" evaluated\")");
            row.getCell(0).setCellValue("cached");
            row.createCell(1).setCellValue(493012345678d);
            Row date = book.getSheetAt(0).createRow(3);
            date.createCell(0).setCellValue(java.time.LocalDate.of(2026, 12, 1));
            date.getCell(0).setCellStyle(book.createCellStyle());
            date.getCell(0).getCellStyle().setDataFormat(book.createDataFormat().getFormat("d/m/yy"));
            book.write(out);
            xlsx = out.toByteArray();
        }
        ImportFile.Table table = ImportFile.read("a.xlsx", xlsx);
        assertThat(table.lines()).hasSize(2);
        assertThat(table.lines().get(0).number()).isEqualTo(3);
        assertThat(table.lines().get(0).cells()).containsExactly("cached", "493012345678");
        assertThat(table.lines().get(1).cells()).containsExactly("2026-12-01");
    }

    @Test
    void anXlsxFileWithMoreRowsThanTheBoundIsRefused() throws IOException {
        byte[] xlsx;
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("name");
            for (int i = 1; i <= ImportFile.MAX_ROWS + 1; i++) {
                sheet.createRow(i).createCell(0).setCellValue("x" + i);
            }
            book.write(out);
            book.dispose();
            xlsx = out.toByteArray();
        }
        byte[] file = xlsx;
        assertThatThrownBy(() -> ImportFile.read("many.xlsx", file))
                .satisfies(e -> assertThat(code(e)).isEqualTo("import.error.too-many-rows"));
    }
}
