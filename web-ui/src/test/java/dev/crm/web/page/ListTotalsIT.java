package dev.crm.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lists count only so far ({@link CrmIntegrationTest#COUNT_LIMIT} here): the API answers {@code total} with
 * {@code totalExact}, exact up to the bound and "more than total" past it, and the list pages show "20+".
 */
@CrmMockMvcTest
class ListTotalsIT {

    static final int BOUND = CrmIntegrationTest.COUNT_LIMIT;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    Api api;
    String author;
    String worker;
    String mark;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("author");
        worker = api.newUser("worker");
        mark = "mark" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode list(String user, String path) {
        Api.Response r = api.as(user, "GET", path, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private void memos(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(api.as(author, "POST", "/api/memos", Map.of("title", mark + " " + i, "to", worker)).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void theTotalIsExactUpToTheBoundAndSaysMoreThanThatPastIt() {
        assertThat(BOUND).isEqualTo(5);
        memos(7);
        for (String user : List.of(author, worker)) {
            JsonNode first = list(user, "/api/memos?size=2&q=" + mark);
            assertThat(first.get("items")).hasSize(2);
            assertThat(first.get("total").asLong()).isEqualTo(BOUND);
            assertThat(first.get("totalExact").asBoolean()).isFalse();
            // a page past the bound counts up to its own end: never less than the rows before it
            JsonNode third = list(user, "/api/memos?size=2&page=2&q=" + mark);
            assertThat(third.get("total").asLong()).isEqualTo(6);
            assertThat(third.get("totalExact").asBoolean()).isFalse();
            // the last page ends the list: exact
            JsonNode last = list(user, "/api/memos?size=2&page=3&q=" + mark);
            assertThat(last.get("items")).hasSize(1);
            assertThat(last.get("total").asLong()).isEqualTo(7);
            assertThat(last.get("totalExact").asBoolean()).isTrue();
            JsonNode all = list(user, "/api/memos?size=10&q=" + mark);
            assertThat(all.get("items")).hasSize(7);
            assertThat(all.get("total").asLong()).isEqualTo(7);
            assertThat(all.get("totalExact").asBoolean()).isTrue();
        }
    }

    @Test
    void taskListsOfTheirPeopleCountTheSameWay() {
        for (int i = 0; i < BOUND + 1; i++) {
            assertThat(api.as(author, "POST", "/api/tasks", Map.of("title", mark + " " + i, "responsible", List.of(worker)))
                    .status()).isEqualTo(201);
        }
        for (String user : List.of(author, worker)) {
            JsonNode first = list(user, "/api/tasks?size=2&q=" + mark);
            assertThat(first.get("total").asLong()).isEqualTo(BOUND);
            assertThat(first.get("totalExact").asBoolean()).isFalse();
            JsonNode all = list(user, "/api/tasks?size=20&q=" + mark);
            assertThat(all.get("items")).hasSize(BOUND + 1);
            assertThat(all.get("total").asLong()).isEqualTo(BOUND + 1);
            assertThat(all.get("totalExact").asBoolean()).isTrue();
        }
        JsonNode stranger = list(api.newUser("stranger"), "/api/tasks?size=2&q=" + mark);
        assertThat(stranger.get("items")).isEmpty();
        assertThat(stranger.get("total").asLong()).isZero();
        assertThat(stranger.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void theListPageShowsMoreThanTheBoundAndOffersTheNextPage() throws Exception {
        memos(21);
        // a page of 20: the count reaches past the bound to the page's end, 20, and finds more
        mvc.perform(get("/memos").param("q", mark).with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 1 (20+ memos)")))
                .andExpect(content().string(not(containsString("Page 1 of"))));
        mvc.perform(get("/memos").param("q", mark).param("page", "1").with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2 (21 memos)")));
    }

    @Test
    void everyListAnswerSaysWhetherItsTotalIsExact() {
        assertThat(list("admin", "/api/users").get("totalExact").asBoolean()).isTrue();
        assertThat(list("admin", "/api/admin/departments").get("totalExact").asBoolean()).isTrue();
        assertThat(list(author, "/api/projects").get("totalExact").asBoolean()).isTrue();
        JsonNode docs = list(author, "/v3/api-docs");
        List<String> lists = new java.util.ArrayList<>();
        docs.get("paths").fields().forEachRemaining(p -> {
            if (List.of("/api/memos", "/api/tasks", "/api/projects").contains(p.getKey())) {
                lists.add(p.getKey() + ": " + p.getValue().get("get").path("description").asText());
            }
        });
        assertThat(lists).hasSize(3).allSatisfy(l -> assertThat(l).contains("totalExact"));
    }

    @Test
    void postgresqlGetsItsOwnMigrationsTheTextSearchIndexes() {
        // spring.flyway.locations: classpath:db/vendor/{vendor} is db/vendor/postgresql here
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%trgm' ORDER BY 1",
                String.class)).as("the PostgreSQL-only migrations ran (every searched field's index: the next test)")
                .contains("memo_view_title_trgm", "task_view_title_trgm", "company_view_name_trgm",
                        "contact_view_name_trgm", "lead_view_name_trgm", "product_view_name_trgm");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '13.1' AND success",
                Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '15.1' AND success",
                Long.class)).isOne();
    }

    /**
     * The text search of every kind of fields by name can be answered from indexes alone: with sequential scans made
     * as dear as the planner allows, a searched expression without its trigram index still needs one.
     */
    @Test
    void everySearchedFieldOfEveryKindOfFieldsByNameHasItsIndex() {
        List<String> scanned = new java.util.ArrayList<>();
        for (dev.crm.shared.kind.Kind kind : dev.crm.shared.kind.Kinds.ALL) {
            if (!kind.byName()) {
                continue;
            }
            String sql = "EXPLAIN SELECT id FROM " + dev.crm.query.fields.FieldsTables.table(kind) + " WHERE TRUE"
                    + dev.crm.query.fields.FieldsTables.textCondition(kind).replace(":pattern", "'%acme%'");
            String plan = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL enable_seqscan = off");
                    StringBuilder lines = new StringBuilder();
                    try (java.sql.ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            lines.append(rs.getString(1)).append('\n');
                        }
                    }
                    return lines.toString();
                } finally {
                    c.rollback();
                    c.setAutoCommit(auto);
                }
            });
            if (plan.contains("Seq Scan")) {
                scanned.add(kind.name() + ":\n" + plan);
            }
        }
        assertThat(scanned).as("kinds whose text search reads every row").isEmpty();
    }
}
