package dev.crm.command.file;

import dev.crm.command.file.FileCommands.RestoreFile;
import dev.crm.shared.file.FileRestored;
import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.file.FileCommands.AttachFile;
import dev.crm.command.file.FileCommands.DetachFile;
import dev.crm.shared.Actor;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A file object's rights follow its object: view it to see the file, change it to add or delete files. */
class FileAggregateTest {

    static final long FILE = 7;
    static final long MEMO = 42;
    static final String SHA = "a".repeat(64);
    static final Map<String, String> EDITOR = Actor.of("alice").toMetaData();
    static final Map<String, String> READER = Actor.of("bob").toMetaData();
    static final Map<String, String> STRANGER = Actor.of("carol").toMetaData();
    static final FileAttached ATTACHED = new FileAttached(FILE, MEMO, SHA, "offer.pdf", 10, "application/pdf");

    /** alice may change memo 42, bob may only see it, carol may not see it; only 42 takes files. */
    static final ObjectRules RULES = new ObjectRules() {
        @Override
        public boolean canView(Actor actor, long id) {
            return id == MEMO && Set.of("alice", "bob").contains(actor.username());
        }

        @Override
        public boolean canChange(Actor actor, long id) {
            return id == MEMO && actor.is("alice");
        }

        @Override
        public boolean acceptsFiles(long id) {
            return id == MEMO;
        }
    };

    AggregateTestFixture<FileAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FileAggregate.class);
        fixture.registerInjectableResource(RULES);
    }

    @Test
    void whoMayChangeTheObjectAttachesAFileWithASafeName() {
        fixture.givenNoPriorActivity()
                .when(new AttachFile(FILE, MEMO, SHA, "../../offer.pdf", 10, "Application/PDF"), EDITOR)
                .expectEvents(ATTACHED);
    }

    @Test
    void anUnusualMediaTypeIsStoredAsPlainBytes() {
        fixture.givenNoPriorActivity().when(new AttachFile(FILE, MEMO, SHA, "x", 1, "text/html; charset=<script>"), EDITOR)
                .expectEvents(new FileAttached(FILE, MEMO, SHA, "x", 1, "application/octet-stream"));
    }

    @Test
    void aReaderOfTheObjectMayNotAddFiles() {
        fixture.givenNoPriorActivity().when(new AttachFile(FILE, MEMO, SHA, "x", 1, null), READER)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void anObjectTheUserCannotSeeIsAnUnknownTarget() {
        fixture.givenNoPriorActivity().when(new AttachFile(FILE, MEMO, SHA, "x", 1, null), STRANGER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new AttachFile(FILE, 99, SHA, "x", 1, null), EDITOR)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void whoMayChangeTheObjectDeletesItsFile() {
        fixture.given(ATTACHED).when(new DetachFile(FILE, 1L), EDITOR)
                .expectEvents(new FileDetached(FILE, MEMO, SHA, "offer.pdf"));
    }

    @Test
    void aReaderMayNotDeleteAndAStrangerIsToldTheFileDoesNotExist() {
        fixture.given(ATTACHED).when(new DetachFile(FILE, null), READER)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(ATTACHED).when(new DetachFile(FILE, null), STRANGER)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void aDeletedFileCannotBeDeletedAgain() {
        fixture.given(ATTACHED, new FileDetached(FILE, MEMO, SHA, "offer.pdf")).when(new DetachFile(FILE, null), EDITOR)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void anAdminRestoresADeletedFileObject() {
        FileDetached detached = new FileDetached(FILE, MEMO, SHA, "offer.pdf");
        fixture.given(ATTACHED, detached).when(new RestoreFile(FILE), Actor.of("ada", dev.crm.shared.Role.ADMIN)
                .toMetaData()).expectEvents(new FileRestored(FILE, MEMO, SHA, "offer.pdf"));
        fixture.given(ATTACHED, detached).when(new RestoreFile(FILE), EDITOR)
                .expectException(dev.crm.command.Rejected.Forbidden.class).expectNoEvents();
        fixture.given(ATTACHED).when(new RestoreFile(FILE), Actor.of("ada", dev.crm.shared.Role.ADMIN).toMetaData())
                .expectException(dev.crm.command.Rejected.WrongState.class).expectNoEvents();
    }
}
