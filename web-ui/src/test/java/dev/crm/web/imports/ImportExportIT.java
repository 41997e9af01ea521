package dev.crm.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Import of companies, contacts and leads through the API (CSV and .xlsx; all or nothing; duplicates; refused uploads) and
 * the CSV export of lists (filtered as the list, only what the caller sees, streamed), on PostgreSQL.
 */
@CrmIntegrationTest
class ImportExportIT {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** How many companies the user sees whose name, e-mail or phone holds the text. */
    private static int companies(Api api, String user, String q) {
        Api.Response r = api.as(user, "GET", "/api/companies?size=200&q=" + q, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("items").size();
    }

    private static List<CSVRecord> export(Api api, String user, String path) throws IOException {
        Api.Download d = api.download(user, path);
        assertThat(d.status()).as(new String(d.bytes(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(d.header("Content-Type")).startsWith("text/csv");
        assertThat(d.header("Content-Disposition")).startsWith("attachment");
        return CSVFormat.DEFAULT.parse(new StringReader(new String(d.bytes(), StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void aFileWithABadRowIsCheckedThenRefusedWholeAndAGoodOneImportsEveryRow() {
        Api api = api();
        String manager = api.newUser("impmgr", "manager");
        String tag = unique("imp");
        // columns by field name and by label, in any case; one column no field takes
        String bad = "Name,E-MAIL,city,Favourite colour\n"
                + tag + " One,one@" + tag + ".test,Lyon,blue\n"
                + tag + " Two,not an address,Paris,red\n"
                + tag + " Three,three@" + tag + ".test,Rome,green\n";
        int before = companies(api, manager, tag);
        assertThat(before).isZero();

        Api.Response dry = api.importFile(manager, "/api/companies/import?dryRun=true", "companies.csv", CSV, utf8(bad));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.body().get("rows").asInt()).isEqualTo(3);
        assertThat(dry.body().get("imported").asInt()).isZero();
        assertThat(dry.body().get("ignoredColumns").toString()).contains("Favourite colour");
        JsonNode errors = dry.body().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("email");
        // exactly what a create says about that e-mail
        Api.Response create = api.as(manager, "POST", "/api/companies", Map.of("name", tag + " x", "email",
                "not an address"));
        assertThat(create.status()).isEqualTo(400);
        assertThat(errors.get(0).get("message").asText()).isEqualTo(create.body().get("errors").get(0).get("message")
                .asText());
        assertThat(companies(api, manager, tag)).isZero();

        Api.Response refused = api.importFile(manager, "/api/companies/import?dryRun=false", "companies.csv", CSV,
                utf8(bad));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
        // nothing half imported: the two good rows are not there either
        assertThat(companies(api, manager, tag)).isZero();

        String good = bad.replace("not an address", "two@" + tag + ".test");
        Api.Response imported = api.importFile(manager, "/api/companies/import", "companies.csv", CSV, utf8(good));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.body().get("imported").asInt()).isEqualTo(3);
        assertThat(imported.body().get("errors")).isEmpty();
        assertThat(companies(api, manager, tag)).isEqualTo(3);
        JsonNode two = api.as(manager, "GET", "/api/companies?q=" + tag + "%20Two", null).body().get("items").get(0);
        assertThat(two.get("city").asText()).isEqualTo("Paris");
        assertThat(two.get("owner").asText()).isEqualTo(manager);
    }

    @Test
    void duplicatesOfVisibleCompaniesAndOfEarlierRowsAreFoundAndSkipped() {
        Api api = api();
        String manager = api.newUser("dupmgr", "manager");
        String other = api.newUser("dupop", "operator");
        String tag = unique("dup");
        assertThat(api.as(other, "POST", "/api/companies", Map.of("name", tag + " Existing", "email",
                "hello@" + tag + ".test")).status()).isEqualTo(201);
        String file = "name;email\n"
                + tag + " EXISTING;\n"                             // same name, other case
                + tag + " Other;HELLO@" + tag + ".test\n"          // same e-mail
                + tag + " New;new@" + tag + ".test\n"
                + tag + " new;\n";                                 // repeats the row before
        Api.Response dry = api.importFile(manager, "/api/companies/import?dryRun=true", "dups.csv", CSV, utf8(file));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.body().get("duplicates").asInt()).isEqualTo(3);
        Api.Response done = api.importFile(manager, "/api/companies/import", "dups.csv", CSV, utf8(file));
        assertThat(done.body().get("imported").asInt()).isEqualTo(1);
        assertThat(companies(api, manager, tag)).isEqualTo(2);
        assertThat(companies(api, manager, tag + "%20New")).isEqualTo(1);
    }

    @Test
    void contactsFindTheirCompanyByNameOrId() {
        Api api = api();
        String manager = api.newUser("ctmgr", "manager");
        String tag = unique("ct");
        long acme = api.as(manager, "POST", "/api/companies", Map.of("name", tag + " Acme")).body().get("id").asLong();
        long beta = api.as(manager, "POST", "/api/companies", Map.of("name", tag + " Beta")).body().get("id").asLong();
        String file = "First name,Last name,Company,E-mail\n"
                + "Ann,Lee," + tag + " acme,ann@" + tag + ".test\n"
                + "Bob,Ray," + beta + ",bob@" + tag + ".test\n"
                + "Cy,Moe," + tag + " Nowhere,cy@" + tag + ".test\n";
        Api.Response dry = api.importFile(manager, "/api/contacts/import?dryRun=true", "contacts.csv", CSV, utf8(file));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        JsonNode errors = dry.body().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("company");
        assertThat(errors.get(0).get("message").asText()).contains(tag + " Nowhere");

        String good = file.substring(0, file.lastIndexOf("Cy,"));
        Api.Response done = api.importFile(manager, "/api/contacts/import", "contacts.csv", CSV, utf8(good));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("imported").asInt()).isEqualTo(2);
        JsonNode ofAcme = api.as(manager, "GET", "/api/contacts?company=" + acme, null).body().get("items");
        assertThat(ofAcme).hasSize(1);
        assertThat(ofAcme.get(0).get("firstName").asText()).isEqualTo("Ann");
        assertThat(api.as(manager, "GET", "/api/contacts?company=" + beta, null).body().get("items")).hasSize(1);
        // the same people again are duplicates: by e-mail, and by name within the company
        String again = "firstName,lastName,company\nAnn,Lee," + acme + "\n";
        assertThat(api.importFile(manager, "/api/contacts/import", "again.csv", CSV, utf8(again)).body()
                .get("duplicates").asInt()).isEqualTo(1);
        assertThat(api.as(manager, "GET", "/api/contacts?company=" + acme, null).body().get("items")).hasSize(1);
    }

    /** How many leads the user sees whose names, e-mail or phone hold the text. */
    private static int leads(Api api, String user, String q) {
        Api.Response r = api.as(user, "GET", "/api/leads?size=200&q=" + q, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("total").asInt();
    }

    @Test
    void leadsImportAllOrNothingSkippingTheSameEmailOrTheSameNamesAndCompany() {
        Api api = api();
        String manager = api.newUser("ldimp", "manager");
        String other = api.newUser("ldimpo", "manager");
        String tag = unique("ld");
        long source = api.as("admin", "POST", "/api/admin/lead-sources", Map.of("name", tag + " fair")).body()
                .get("id").asLong();
        // another user's lead the importer sees (managers view every lead): its e-mail and its names repeat
        assertThat(api.as(other, "POST", "/api/leads", Map.of("firstName", "Old", "lastName", tag, "companyName",
                "Old Co", "email", "old@" + tag + ".test")).status()).isEqualTo(201);
        String bad = "First name,Last name,Company name,E-mail,Source,Company\n"
                + "Ann," + tag + ",Ann Co,ann@" + tag + ".test," + source + ",999\n"
                + "Bob," + tag + ",Bob Co,not an address,,\n"
                + "Someone," + tag + ",Else,OLD@" + tag + ".test,,\n"    // the e-mail of a lead there
                + "old," + tag.toUpperCase(java.util.Locale.ROOT) + ",old co,,,\n" // its names and company name
                + "Ann," + tag + ",Other Co,ANN@" + tag + ".test,,\n";  // the e-mail of an earlier row
        Api.Response dry = api.importFile(manager, "/api/leads/import?dryRun=true", "leads.csv", CSV, utf8(bad));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.body().get("rows").asInt()).isEqualTo(5);
        assertThat(dry.body().get("duplicates").asInt()).isEqualTo(3);
        // its company is the conversion's: not a column of the import
        assertThat(dry.body().get("ignoredColumns").toString()).contains("Company\"");
        JsonNode errors = dry.body().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("email");

        Api.Response refused = api.importFile(manager, "/api/leads/import", "leads.csv", CSV, utf8(bad));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        // nothing half imported: only the lead that was there
        assertThat(leads(api, manager, tag)).isEqualTo(1);

        String good = bad.replace("not an address", "bob@" + tag + ".test");
        Api.Response done = api.importFile(manager, "/api/leads/import", "leads.csv", CSV, utf8(good));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("imported").asInt()).isEqualTo(2);
        assertThat(leads(api, manager, tag)).isEqualTo(3);
        JsonNode ann = api.as(manager, "GET", "/api/leads?q=Ann%20" + tag, null).body().get("items").get(0);
        assertThat(ann.get("source").asLong()).isEqualTo(source);
        assertThat(ann.get("companyName").asText()).isEqualTo("Ann Co");
        assertThat(ann.get("company").isNull()).isTrue();
        assertThat(ann.get("owner").asText()).isEqualTo(manager);
        // a chief sees leads but may not add them, so may not import them
        String chief = api.newUser("ldimpc", "chief");
        assertThat(api.importFile(chief, "/api/leads/import", "leads.csv", CSV, utf8(good)).status()).isEqualTo(403);
    }

    @Test
    void anXlsxFileImportsTheSameWayTakingTheCachedValueOfFormulas() throws IOException {
        Api api = api();
        String manager = api.newUser("xlmgr", "manager");
        String tag = unique("xl");
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Companies");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("E-mail");
            header.createCell(2).setCellValue("Phone");
            Row one = sheet.createRow(1);
            one.createCell(0).setCellValue(tag + " Sheet");
            one.createCell(1).setCellValue("sheet@" + tag + ".test");
            one.createCell(2).setCellValue(4930123456d);
            Row two = sheet.createRow(2);
            // a formula whose cached value differs from what evaluating it would give: the cached value is taken
            two.createCell(0).setCellFormula("\"evaluated\"");
            two.getCell(0).setCellValue(tag + " Cached");
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue(tag + " Bad");
            bad.createCell(1).setCellValue("no address");
            book.write(out);
            xlsx = out.toByteArray();
        }
        Api.Response refused = api.importFile(manager, "/api/companies/import", "companies.xlsx", XLSX, xlsx);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(companies(api, manager, tag)).isZero();

        byte[] fixed;
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).getRow(3).getCell(1).setCellValue("bad@" + tag + ".test");
            book.write(out);
            fixed = out.toByteArray();
        }
        Api.Response done = api.importFile(manager, "/api/companies/import", "companies.xlsx", XLSX, fixed);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("imported").asInt()).isEqualTo(3);
        assertThat(companies(api, manager, tag + "%20Cached")).isEqualTo(1);
        assertThat(companies(api, manager, "evaluated")).isZero();
        JsonNode sheet = api.as(manager, "GET", "/api/companies?q=" + tag + "%20Sheet", null).body().get("items").get(0);
        assertThat(sheet.get("phone").asText()).isEqualTo("4930123456");
    }

    @Test
    void oversizedForeignAndEmptyUploadsAreRefusedAsProblems() {
        Api api = api();
        String manager = api.newUser("upmgr", "manager");
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy(utf8("name\n"), 0, big, 0, 5);
        // larger than the uploads the service takes (1 MB in these tests): refused before it is read; the import's
        // own bound (5 MB, for services that take larger uploads) is ImportFileTest's
        Api.Response tooLarge = api.importFile(manager, "/api/companies/import", "big.csv", CSV, big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("detail").asText()).contains("1 MB");
        assertThat(companies(api, manager, "aaaa")).isZero();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        Api.Response image = api.importFile(manager, "/api/companies/import", "logo.png", "image/png", png);
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.header("Content-Type")).startsWith("application/problem+json");
        assertThat(image.body().get("errors").get(0).get("message").asText()).contains("CSV", "xlsx");
        Api.Response disguised = api.importFile(manager, "/api/companies/import", "logo.csv", CSV, png);
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.body().get("errors").get(0).get("field").asText()).isEqualTo("file");

        String tooMany = "name\n" + "x\n".repeat(10_001);
        Api.Response rows = api.importFile(manager, "/api/companies/import?dryRun=true", "many.csv", CSV,
                utf8(tooMany));
        assertThat(rows.status()).isEqualTo(400);
        assertThat(rows.body().get("errors").get(0).get("message").asText()).contains("10,000");
        // who may not add companies may not import them
        String coworker = api.newUser("upcw");
        assertThat(api.importFile(coworker, "/api/companies/import?dryRun=true", "c.csv", CSV, utf8("name\nx\n"))
                .status()).isEqualTo(403);
    }

    @Test
    void theExportIsTheFilteredListOfWhatTheCallerSees() throws IOException {
        Api api = api();
        String manager = api.newUser("exmgr", "manager");
        String tag = unique("ex");
        for (String name : List.of(tag + " Alpha", tag + " Beta", "=HYPERLINK(\"http://x.test\") " + tag)) {
            assertThat(api.as(manager, "POST", "/api/companies", Map.of("name", name, "phone", "+33 1 23"))
                    .status()).isEqualTo(201);
        }
        assertThat(api.as(manager, "POST", "/api/companies", Map.of("name", unique("ex-other"))).status())
                .isEqualTo(201);
        List<CSVRecord> rows = export(api, manager, "/api/companies/export?q=" + tag + "&sort=name");
        assertThat(rows.get(0).toList()).startsWith("id", "kind", "version", "name");
        int name = rows.get(0).toList().indexOf("name");
        List<String> names = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(r -> names.add(r.get(name)));
        assertThat(names).containsExactly("'=HYPERLINK(\"http://x.test\") " + tag, tag + " Alpha", tag + " Beta");
        assertThat(rows.get(1).get(rows.get(0).toList().indexOf("phone"))).isEqualTo("'+33 1 23");
        // a user who may not see companies gets the header only
        String coworker = api.newUser("excw");
        assertThat(export(api, coworker, "/api/companies/export?q=" + tag)).hasSize(1);

        // memos: each user sees only theirs and those sent to them
        String author = api.newUser("exauth");
        String recipient = api.newUser("exrcp");
        String stranger = api.newUser("exstr");
        for (int i = 0; i < 3; i++) {
            assertThat(api.as(author, "POST", "/api/memos", Map.of("title", tag + " memo " + i, "to", recipient))
                    .status()).isEqualTo(201);
        }
        assertThat(api.as(author, "POST", "/api/memos", Map.of("title", tag + " draft", "draft", true)).status())
                .isEqualTo(201);
        assertThat(export(api, author, "/api/memos/export?q=" + tag)).hasSize(5);
        assertThat(export(api, recipient, "/api/memos/export?q=" + tag)).hasSize(4);
        assertThat(export(api, stranger, "/api/memos/export?q=" + tag)).hasSize(1);
    }

    @Test
    void aLargeImportAndItsExportGoThroughPageByPage() throws IOException {
        Api api = api();
        String manager = api.newUser("bigmgr", "manager");
        String tag = unique("big");
        StringBuilder file = new StringBuilder("name,city\n");
        for (int i = 0; i < 5_000; i++) {
            file.append(tag).append(" Company ").append(i).append(",City ").append(i % 7).append('\n');
        }
        Api.Response done = api.importFile(manager, "/api/companies/import", "big.csv", CSV, utf8(file.toString()));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("imported").asInt()).isEqualTo(5_000);
        List<CSVRecord> rows = export(api, manager, "/api/companies/export?q=" + tag);
        assertThat(rows).hasSize(5_001);
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct().count()).isEqualTo(5_000);
        assertThat(export(api, manager, "/api/tasks/export")).isNotEmpty();
        assertThat(export(api, manager, "/api/projects/export")).isNotEmpty();
        assertThat(export(api, manager, "/api/contacts/export?q=" + tag)).hasSize(1);
    }
}
