package dev.crm.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void listsOfValuesAreJoinedAndProductLinesReadAsTheirCanonicalText() throws Exception {
        assertThat(CsvExport.text(json.readTree("[12, 14]"))).isEqualTo("12, 14");
        assertThat(CsvExport.text(json.readTree("[{\"product\": 12, \"quantity\": 3}, {\"product\": 14, \"quantity\": 1}]")))
                .isEqualTo("12:3, 14:1");
        assertThat(CsvExport.text(json.readTree("null"))).isEmpty();
        assertThat(CsvExport.text(json.readTree("\"Acme\""))).isEqualTo("Acme");
    }

    @Test
    void aTextASpreadsheetWouldRunStaysAText() {
        assertThat(CsvExport.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.safe("Acme")).isEqualTo("Acme");
        assertThat(CsvExport.safe("")).isEmpty();
    }
}
