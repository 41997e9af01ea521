package dev.crm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    @Test
    void indentsKeepingOrderStringsAndNumbers() {
        String compact = "{\"b\":[1,2.50,{}],\"a\":{\"s\":\"x, {y}: \\\"z\\\" \\\\\",\"e\":[],\"n\":null}}";
        assertEquals("""
                {
                  "b" : [
                    1,
                    2.50,
                    {}
                  ],
                  "a" : {
                    "s" : "x, {y}: \\"z\\" \\\\",
                    "e" : [],
                    "n" : null
                  }
                }
                """, ApiDescriptionDownloader.JsonLayout.pretty(compact));
    }

    @Test
    void sameLayoutWhateverTheInputsWhitespace() {
        String compact = "{\"a\":[1,{\"b\":true}]}";
        String spaced = " {\n \"a\" : [ 1 ,\t{ \"b\":true } ] }\n";
        assertEquals(ApiDescriptionDownloader.JsonLayout.pretty(compact),
                ApiDescriptionDownloader.JsonLayout.pretty(spaced));
    }

    @Test
    void refusesBrokenJson() {
        assertThrows(ApiDescriptionDownloader.DownloadFailed.class,
                () -> ApiDescriptionDownloader.JsonLayout.pretty("{\"a\":[1,2}"));
        assertThrows(ApiDescriptionDownloader.DownloadFailed.class,
                () -> ApiDescriptionDownloader.JsonLayout.pretty("{\"a\":\"open"));
    }
}
