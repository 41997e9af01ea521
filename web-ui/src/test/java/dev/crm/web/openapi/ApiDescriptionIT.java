package dev.crm.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The description at {@code /v3/api-docs} is one a generated client can use (issue 13): signing in is described,
 * no internal argument leaks into it, every body is a named schema, every operation says what it answers, and
 * it does not change between two reads. The generated client itself runs in the {@code api-client} module.
 */
@CrmIntegrationTest
class ApiDescriptionIT {

    @LocalServerPort
    int port;

    private Api api;
    private JsonNode doc;

    @BeforeEach
    void read() {
        api = new Api(port);
        Api.Response r = api.as("admin", "GET", "/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        doc = r.body();
    }

    @Test
    void theDescriptionNeedsASignedInUser() {
        assertThat(api.anonymous("GET", "/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void sayWhatTheApiIsAndHowToSignIn() {
        assertThat(doc.at("/info/title").asText()).isEqualTo("CRM API");
        assertThat(doc.at("/info/description").asText()).contains("If-Match", "problem+json", "HTTP Basic");
        assertThat(doc.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        assertThat(doc.at("/components/securitySchemes/session/name").asText()).isEqualTo("JSESSIONID");
        List<String> security = new ArrayList<>();
        doc.get("security").forEach(s -> s.fieldNames().forEachRemaining(security::add));
        assertThat(security).containsExactlyInAnyOrder("basicAuth", "session");
    }

    @Test
    void noInternalArgumentLeaks() {
        operations((where, op) -> {
            for (JsonNode p : op.path("parameters")) {
                assertThat(p.get("name").asText()).as(where).isNotEqualToIgnoringCase("actor");
            }
        });
        assertThat(doc.at("/components/schemas").has("Actor")).isFalse();
        assertThat(doc.at("/components/schemas").has("JsonNode")).isFalse();
        assertThat(doc.toString()).doesNotContain("CO_WORKER", "TASK_OPERATOR");
    }

    @Test
    void operationIdsAreNamedStableAndUnique() {
        Set<String> ids = new HashSet<>();
        operations((where, op) -> {
            String id = op.path("operationId").asText();
            assertThat(id).as(where).matches("[a-z][a-zA-Z]+");
            assertThat(id).as(where).isNotIn("list", "get", "create", "change", "delete", "object", "history");
            assertThat(ids.add(id)).as(where + " has a unique operation ID, " + id).isTrue();
        });
        assertThat(ids).contains("getMe", "createUser", "setUserRoles", "createMemo", "changeMemo", "reviewMemo",
                "getObjectHistory", "search", "uploadFile", "getFileContent", "createTaskFromMemo",
                "previewMemoDeletion", "deleteMemo", "restoreObject", "listTasks", "listProjects", "getProject",
                "listCompanies", "createCompany", "changeCompany", "transferCompany", "previewCompanyDeletion",
                "deleteCompany", "listContacts", "createContact", "getContact", "transferContact", "deleteContact",
                "importCompanies", "importContacts", "exportCompanies", "exportContacts", "exportMemos", "exportTasks", "exportProjects");
        assertThat(api.as("admin", "GET", "/v3/api-docs", null).text())
                .as("two reads of the description give the same bytes")
                .isEqualTo(api.as("admin", "GET", "/v3/api-docs", null).text());
    }

    @Test
    void everyKindWithAnApiHasItsOperationsNamedByTheKindModel() {
        for (Kind kind : Kinds.ALL) {
            String plural = camel(kind.path()); // closing-reasons: ClosingReasons
            String one = camel(kind.name()); // closing_reason: ClosingReason
            String list = "/api/" + kind.path();
            JsonNode paths = doc.get("paths");
            String collection = paths.has(list) ? list : "/api/admin/" + kind.path();
            assertThat(paths.has(collection)).as("the API lists " + kind.path()).isTrue();
            assertThat(paths.at("/" + escape(collection) + "/get/operationId").asText()).isEqualTo("list" + plural);
            assertThat(paths.at("/" + escape(collection) + "/get/tags/0").asText()).isEqualTo(kind.path());
            if (paths.at("/" + escape(collection)).has("post")) {
                JsonNode create = paths.at("/" + escape(collection) + "/post");
                assertThat(create.path("operationId").asText()).isIn("create" + one, "upload" + one);
                assertThat(create.at("/responses/201/headers").has("Location")).as(collection).isTrue();
                String answer = create.at("/responses/201/content/application~1json/schema/$ref").asText();
                boolean versioned = doc.at("/components/schemas/" + answer.substring(answer.lastIndexOf('/') + 1)
                        + "/properties").has("version");
                assertThat(create.at("/responses/201/headers").has("ETag")).as(collection).isEqualTo(versioned);
                assertThat(create.has("requestBody")).isTrue();
            }
        }
    }

    @Test
    void everyAnswerIsTypedAndEveryErrorIsAProblem() {
        operations((where, op) -> {
            JsonNode responses = op.get("responses");
            assertThat(responses.has("401") && responses.has("429") && responses.has("503")).as(where).isTrue();
            assertThat(responses.at("/429/headers").has("Retry-After")).as(where).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                int status = Integer.parseInt(r.getKey());
                JsonNode content = r.getValue().path("content");
                if (status >= 400) {
                    assertThat(content.at("/application~1problem+json/schema/$ref").asText()).as(where + " " + status)
                            .isEqualTo("#/components/schemas/Problem");
                } else if (status == 204) {
                    assertThat(content.isMissingNode() || content.isEmpty()).as(where).isTrue();
                } else if (content.has("application/json")) {
                    assertThat(content.at("/application~1json/schema/$ref").asText()).as(where + " answers a named schema")
                            .startsWith("#/components/schemas/");
                } else {
                    assertThat(content.has("application/octet-stream") || content.has("text/csv")
                            || content.at("/application~1x-ndjson/schema/$ref").asText().startsWith("#/components/schemas/"))
                            .as(where + " answers JSON, bytes, CSV or JSON lines of a named schema").isTrue();
                }
            }
            if (op.has("requestBody")) {
                JsonNode body = op.at("/requestBody/content");
                String type = body.fieldNames().next();
                assertThat(type).as(where).isIn("application/json", "multipart/form-data");
                assertThat(body.path(type).at("/schema/$ref").asText()).as(where + " takes a named schema")
                        .startsWith("#/components/schemas/");
                assertThat(responses.has("413") && responses.has("415")).as(where).isTrue();
            }
            boolean ifMatch = false;
            for (JsonNode p : op.path("parameters")) {
                ifMatch |= "If-Match".equals(p.path("name").asText()) && "header".equals(p.path("in").asText());
            }
            if (ifMatch) {
                assertThat(responses.has("412") && responses.has("409")).as(where).isTrue();
            }
        });
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type") && problem.has("errors")).isTrue();
        assertThat(doc.at("/components/schemas/FieldError/properties").has("field")).isTrue();
    }

    @Test
    void objectsAnswerWithTheirVersionAndChangesTakeIt() {
        for (String path : List.of("/api/memos/{id}", "/api/tasks/{id}", "/api/projects/{id}", "/api/files/{id}",
                "/api/admin/departments/{id}", "/api/objects/{id}", "/api/users/{username}")) {
            assertThat(doc.at("/paths/" + escape(path) + "/get/responses/200/headers").has("ETag")).as(path).isTrue();
        }
        for (String path : List.of("/api/memos/{id}/patch", "/api/memos/{id}/review/post", "/api/memos/{id}/task/post",
                "/api/tasks/{id}/patch", "/api/tasks/{id}/delete", "/api/files/{id}/delete",
                "/api/users/{username}/roles/put", "/api/objects/{id}/restore/post")) {
            String operation = path.substring(path.lastIndexOf('/') + 1);
            String at = "/paths/" + escape(path.substring(0, path.lastIndexOf('/'))) + "/" + operation;
            assertThat(doc.at(at + "/responses").has("412")).as(path).isTrue();
        }
        assertThat(doc.at("/components/schemas/User/properties/roles/items/enum").toString()).contains("\"co_worker\"");
        assertThat(doc.at("/components/schemas/Task/properties/stage/enum").toString()).contains("\"in_progress\"");
        assertThat(doc.at("/paths/~1api~1files/post/requestBody/content/multipart~1form-data/schema/$ref").asText())
                .isEqualTo("#/components/schemas/FileUpload");
        assertThat(doc.at("/components/schemas/FileUpload/properties/file/format").asText()).isEqualTo("binary");
    }

    @Test
    void aMailAccountsPasswordIsWrittenNeverRead() {
        JsonNode input = doc.at("/components/schemas/MailAccountInput/properties/password");
        assertThat(input.get("writeOnly").asBoolean()).as(input.toString()).isTrue();
        assertThat(input.get("format").asText()).isEqualTo("password");
        assertThat(doc.at("/components/schemas/MailAccount/properties").has("password")).isFalse();
        assertThat(doc.at("/components/schemas/MailAccount/properties/passwordSet/type").asText()).isEqualTo("boolean");
    }

    private void operations(BiConsumer<String, JsonNode> check) {
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    }

    /** A path as a JSON pointer segment. */
    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** A kind's name or path as a word of an operation ID: {@code closing-reasons} → {@code ClosingReasons}. */
    private static String camel(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split("[-_]")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
