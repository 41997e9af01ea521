package dev.crm.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crm.client.ApiClient;
import dev.crm.client.api.UsersApi;
import dev.crm.testsupport.CrmJarProcess;
import dev.crm.testsupport.TestPostgres;
import dev.crm.client.api.FilesApi;
import dev.crm.client.api.MemosApi;
import dev.crm.client.api.ObjectsApi;
import dev.crm.client.api.TasksApi;
import dev.crm.client.model.DeletionPreview;
import dev.crm.client.model.FieldError;
import dev.crm.client.model.History;
import dev.crm.client.model.HistoryEntry;
import dev.crm.client.model.Me;
import dev.crm.client.model.Memo;
import dev.crm.client.model.MemoInput;
import dev.crm.client.model.MemoReview;
import dev.crm.client.model.ModelFile;
import dev.crm.client.model.ObjectBrief;
import dev.crm.client.model.ObjectSummary;
import dev.crm.client.model.Problem;
import dev.crm.client.model.Restored;
import dev.crm.client.model.RolesChange;
import dev.crm.client.model.Task;
import dev.crm.client.model.TaskFromMemo;
import dev.crm.client.model.User;
import dev.crm.client.model.UserInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The service driven through the client generated from its own description (target/openapi.json, downloaded
 * from the running service in this build), and nothing else: every call here goes through the generated
 * {@code dev.crm.client} API classes, configured through the generated {@link ApiClient}. A description that
 * misstates a path, a parameter, a body or the authentication shows up here as a failing call.
 *
 * <p>The packaged jar runs once for the class, as it is deployed: its own process, on a fresh PostgreSQL
 * database ({@link TestPostgres}: a {@code crm_test_*} database dropped when this JVM exits), with
 * {@code CRM_ADMIN_PASSWORD} set. It is stopped in {@link #stopTheService()} whatever happened.
 *
 * <p>TestPostgres gives one database per test JVM, and failsafe runs this module's test classes in one JVM:
 * a second class that starts the jar again finds this class's data, and its admin with this class's
 * password (the admin is created only on an empty store). Keep the scenario in this class, or give each
 * class a database of its own.
 */
class GeneratedClientIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = CrmJarProcess.strongPassword("client-it");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** Makes this run's usernames unique, so that the scenario does not depend on what the database held. */
    private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static CrmJarProcess crm;

    @BeforeAll
    static void startTheService() {
        TestPostgres.Endpoint db = TestPostgres.get();
        Path jar = Path.of(System.getProperty("crm.jar", "../web-ui/target/crm.jar"));
        crm = CrmJarProcess.start(jar, Path.of("target", "generated-client-it"), "crm", ADMIN_PASSWORD, Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "CRM_DB_URL", db.jdbcUrl(),
                "CRM_DB_USER", db.username(),
                "CRM_DB_PASSWORD", db.password()));
        System.out.println("GeneratedClientIT: the CRM on " + crm.baseUrl() + ", PostgreSQL " + db.source()
                + ", log " + crm.log());
        awaitAdmin(new UsersApi(client(ADMIN, ADMIN_PASSWORD)));
    }

    @AfterAll
    static void stopTheService() {
        if (crm != null) {
            crm.close();
        }
    }

    /**
     * The README's API scenario, as an integrator's program would run it: users, a memo, a change and a review
     * guarded by If-Match (a stale one refused), history, ID search, a file uploaded and downloaded, a task from a
     * memo with a copy of its file, a deletion preview, the delete, and the admin's restore.
     */
    @Test
    void theReadmeScenarioRunsThroughTheGeneratedClient() throws IOException {
        // users: the admin makes two, one with a role; both see themselves
        UsersApi admin = new UsersApi(client(ADMIN, ADMIN_PASSWORD));
        String alice = "alice-" + SUFFIX;
        String bob = "bob-" + SUFFIX;
        String alicePassword = CrmJarProcess.strongPassword("alice");
        String bobPassword = CrmJarProcess.strongPassword("bob");
        User made = admin.createUser(new UserInput().username(alice).password(alicePassword).displayName("Alice")
                .roles(List.of(UserInput.RolesEnum.MANAGER)));
        assertThat(made.getRoles()).contains(User.RolesEnum.MANAGER, User.RolesEnum.CO_WORKER);
        ResponseEntity<User> bobMade = admin.createUserWithHttpInfo(new UserInput().username(bob).password(bobPassword));
        assertThat(bobMade.getHeaders().getETag()).isEqualTo("\"" + bobMade.getBody().getVersion() + "\"");
        User bobNow = admin.setUserRoles(bob, new RolesChange().roles(List.of(RolesChange.RolesEnum.OPERATOR)),
                bobMade.getHeaders().getETag());
        assertThat(bobNow.getRoles()).contains(User.RolesEnum.OPERATOR);
        Me me = new UsersApi(client(alice, alicePassword)).getMe();
        assertThat(me.getUsername()).isEqualTo(alice);

        // a memo from alice to bob: 201, Location, ETag "1"
        MemosApi aliceMemos = new MemosApi(client(alice, alicePassword));
        MemosApi bobMemos = new MemosApi(client(bob, bobPassword));
        ResponseEntity<Memo> created = aliceMemos.createMemoWithHttpInfo(
                new MemoInput().title("Call ACME").to(bob).description("about the renewal"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Memo memo = created.getBody();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/memos/" + memo.getId());
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(memo.getStage()).isEqualTo(Memo.StageEnum.PENDING);

        // alice changes only the description; the title stays (the client sends nothing else it was not given)
        ResponseEntity<Memo> changed = aliceMemos.changeMemoWithHttpInfo(memo.getId(),
                new MemoInput().description("about the renewal, and the price"), "\"1\"");
        assertThat(changed.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(changed.getBody().getTitle()).isEqualTo("Call ACME");

        // bob reviews with the version he read before the change: 412, a problem, nothing changes
        RestClientResponseException stale = catchThrowableOfType(RestClientResponseException.class,
                () -> bobMemos.reviewMemo(memo.getId(), "\"1\"", new MemoReview().conclusion("too early")));
        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        Problem problem = stale.getResponseBodyAs(Problem.class);
        assertThat(problem.getType()).hasToString("urn:crm:problem:stale-version");
        assertThat(bobMemos.getMemo(memo.getId()).getStage()).isEqualTo(Memo.StageEnum.PENDING);
        Memo reviewed = bobMemos.reviewMemo(memo.getId(), "\"2\"", new MemoReview().conclusion("Called, they renew"));
        assertThat(reviewed.getStage()).isEqualTo(Memo.StageEnum.REVIEWED);
        assertThat(reviewed.getConclusion()).isEqualTo("Called, they renew");

        // bad input: a problem naming the field, nothing stored
        RestClientResponseException invalid = catchThrowableOfType(RestClientResponseException.class,
                () -> aliceMemos.createMemo(new MemoInput().title(" ").to(bob)));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        Problem validation = invalid.getResponseBodyAs(Problem.class);
        assertThat(validation.getType()).hasToString("urn:crm:problem:validation");
        assertThat(validation.getErrors()).extracting(FieldError::getField).contains("title");

        // history and ID search
        ObjectsApi aliceObjects = new ObjectsApi(client(alice, alicePassword));
        History history = aliceObjects.getObjectHistory(memo.getId(), null);
        assertThat(history.getEntries()).extracting(HistoryEntry::getEvent)
                .containsExactly("MemoCreated", "MemoChanged", "MemoReviewed");
        assertThat(history.getEntries().get(2).getUser()).isEqualTo(bob);
        assertThat(aliceObjects.search("ID" + memo.getId()).getItems()).singleElement()
                .satisfies(hit -> assertThat(hit.getKind()).isEqualTo(ObjectBrief.KindEnum.MEMO));
        ResponseEntity<ObjectSummary> object = aliceObjects.getObjectWithHttpInfo(memo.getId());
        assertThat(object.getBody().getVersion()).isEqualTo(3L);

        // a second memo, with a file uploaded to it and downloaded again
        Memo offerMemo = aliceMemos.createMemo(new MemoInput().title("Send the offer").to(bob));
        Path offer = Files.createTempFile("offer", ".pdf");
        byte[] bytes = ("%PDF-1.4 offer for ACME " + SUFFIX).getBytes(StandardCharsets.UTF_8);
        Files.write(offer, bytes);
        FilesApi aliceFiles = new FilesApi(client(alice, alicePassword));
        ModelFile file = aliceFiles.uploadFile(offerMemo.getId(), new FileSystemResource(offer));
        assertThat(file.getAttachedTo()).isEqualTo(offerMemo.getId());
        assertThat(file.getSize()).isEqualTo(bytes.length);
        assertThat(aliceFiles.getFileContent(file.getId()).getContentAsByteArray()).isEqualTo(bytes);

        // bob makes a task of it, with a copy of the file; the memo's version guards it
        long offerVersion = bobMemos.getMemo(offerMemo.getId()).getVersion();
        Task task = bobMemos.createTaskFromMemo(offerMemo.getId(), new TaskFromMemo().title("Send the offer")
                .responsible(List.of(bob)).copyFiles(List.of(file.getId())), "\"" + offerVersion + "\"");
        assertThat(task.getMemo()).isEqualTo(offerMemo.getId());
        assertThat(task.getResponsible()).containsExactly(bob);
        assertThat(new FilesApi(client(bob, bobPassword)).listFiles(task.getId()).getItems()).singleElement()
                .satisfies(copy -> assertThat(copy.getSha256()).isEqualTo(file.getSha256()));
        assertThat(bobMemos.getMemo(offerMemo.getId()).getStage()).isEqualTo(Memo.StageEnum.REVIEWED);

        // the admin previews the memo's deletion, deletes exactly that, and restores it
        MemosApi adminMemos = new MemosApi(client(ADMIN, ADMIN_PASSWORD));
        DeletionPreview preview = adminMemos.previewMemoDeletion(offerMemo.getId());
        assertThat(preview.getObjects()).extracting(ObjectBrief::getId).startsWith(offerMemo.getId())
                .contains(file.getId());
        int removing = preview.getObjects().size() + preview.getHidden();
        adminMemos.deleteMemo(offerMemo.getId(), null, removing);
        ObjectsApi adminObjects = new ObjectsApi(client(ADMIN, ADMIN_PASSWORD));
        assertThat(adminObjects.getObject(offerMemo.getId()).getDeleted()).isTrue();
        RestClientResponseException gone = catchThrowableOfType(RestClientResponseException.class,
                () -> aliceMemos.getMemo(offerMemo.getId()));
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        Restored restored = adminObjects.restoreObject(offerMemo.getId(), null);
        assertThat(restored.getRestored()).extracting(ObjectBrief::getId).contains(offerMemo.getId(), file.getId());
        assertThat(aliceMemos.getMemo(offerMemo.getId()).getTitle()).isEqualTo("Send the offer");
        assertThat(new TasksApi(client(bob, bobPassword)).getTask(task.getId()).getTitle()).isEqualTo("Send the offer");
    }

    @Test
    void withoutCredentialsTheClientGets401AsAProblem() {
        ApiClient anonymous = new ApiClient();
        anonymous.setBasePath(crm.baseUrl());
        RestClientResponseException e = catchThrowableOfType(RestClientResponseException.class,
                () -> new UsersApi(anonymous).getMe());
        assertThat(e.getStatusCode().value()).isEqualTo(401);
        assertThat(e.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    /** A client of the running service, signed in as {@code username} through the description's HTTP Basic scheme. */
    private static ApiClient client(String username, String password) {
        ApiClient client = new ApiClient();
        client.setBasePath(crm.baseUrl());
        client.setUsername(username);
        client.setPassword(password);
        return client;
    }

    /**
     * Waits, through the generated client, until the admin can sign in: the port opens a moment before the
     * admin is created, so the first calls are refused or answered 401. The calls are spaced so that the
     * sign-in throttle (5 failures in a row) is not reached.
     */
    private static void awaitAdmin(UsersApi users) {
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            Awaitility.await("the admin can sign in").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(700))
                    .until(() -> {
                        crm.checkAlive();
                        try {
                            users.getMe();
                            return true;
                        } catch (ResourceAccessException notListeningYet) {
                            last.set(notListeningYet.getMessage());
                        } catch (RestClientResponseException e) {
                            if (e.getStatusCode().value() != 401 && e.getStatusCode().value() != 429) {
                                throw e;
                            }
                            last.set(e.getStatusCode().toString());
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the CRM did not let the admin in within " + START_TIMEOUT.toSeconds()
                    + " s (last: " + last.get() + ")." + crm.logTail(60), e);
        }
    }
}
