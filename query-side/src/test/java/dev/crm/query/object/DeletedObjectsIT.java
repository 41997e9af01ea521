package dev.crm.query.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.EventFeed;
import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ObjectIndex} and {@link DeletedObjects} on the {@link Scenario}: memo 3 deleted with its file 102
 * (cascade k1), task 13 deleted alone, project 10 deleted with its tasks and a file (k2) and restored.
 */
class DeletedObjectsIT {

    static PostgresSchema db;
    static EventFeed feed;
    static ObjectIndex index;
    static DeletedObjects deleted;

    @BeforeAll
    static void scenario() {
        db = PostgresSchema.fresh();
        ReadModels models = ReadModels.on(db);
        feed = new EventFeed(models.projections());
        Scenario.publish(feed);
        index = models.objects();
        deleted = new DeletedObjects(db.jdbc);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static List<Long> ids(List<ObjectSummary> objects) {
        return objects.stream().map(ObjectSummary::id).toList();
    }

    @Test
    void theIndexHoldsEveryObjectOfEveryKind() {
        assertThat(db.jdbc.queryForList("SELECT id || ' ' || kind FROM crm_object ORDER BY id", String.class))
                .containsExactly("1 memo", "2 memo", "3 memo", "7 department", "8 department", "10 project", "11 task",
                        "12 task", "13 task", "20 company", "21 contact", "22 product", "23 lead", "24 request", "25 deal",
                        "26 payment", "27 email", "28 campaign", "100 file", "101 file", "102 file");
        ObjectSummary task = index.find(13).orElseThrow();
        assertThat(task.owner()).isEqualTo("dave");
        assertThat(task.title()).isEqualTo("Call the printer service");
        assertThat(task.deleted()).isTrue();
        assertThat(task.deletedBy()).isEqualTo("dave");
        assertThat(task.version()).isEqualTo(3);
        assertThat(task.createdAt()).isBefore(task.updatedAt());
        assertThat(task.deletedAt()).isEqualTo(task.updatedAt());
        assertThat(index.find(11).orElseThrow().title()).isEqualTo("Collect all invoices");
        assertThat(index.find(404)).isEmpty();
        // lock takes the row's lock inside a transaction, and is harmless for an unknown ID
        new TransactionTemplate(db.transactions()).executeWithoutResult(s -> {
            index.lock(11);
            index.lock(404);
        });
    }

    @Test
    void findTellsWhichDeleteRemovedAnObject() {
        DeletedObjects.Deleted file = deleted.find(102).orElseThrow();
        assertThat(file.cascade()).isEqualTo("k1");
        assertThat(file.deletedWith()).isEqualTo(3L);
        assertThat(file.object().deletedBy()).isEqualTo("alice");
        DeletedObjects.Deleted memo = deleted.find(3).orElseThrow();
        assertThat(memo.cascade()).isEqualTo("k1");
        assertThat(memo.deletedWith()).isNull();
        DeletedObjects.Deleted alone = deleted.find(13).orElseThrow();
        assertThat(alone.cascade()).isNull();
        assertThat(alone.deletedWith()).isNull();
        // live objects, restored ones included, are not deleted objects
        assertThat(deleted.find(1)).isEmpty();
        assertThat(deleted.find(10)).isEmpty();
        assertThat(deleted.find(101)).isEmpty();
        assertThat(deleted.find(404)).isEmpty();
    }

    @Test
    void rootsComeLatestDeleteFirstWithWhatWasRemovedWithThem() {
        Page<DeletedObjects.Root> roots = deleted.roots(0, 10);
        assertThat(roots.total()).isEqualTo(2);
        assertThat(roots.items()).extracting(r -> r.root().object().id()).containsExactly(3L, 13L);
        assertThat(ids(roots.items().get(0).parts())).containsExactly(102L);
        assertThat(roots.items().get(1).parts()).isEmpty();
        assertThat(roots.items().get(0).root().object().deletedAt().truncatedTo(ChronoUnit.MILLIS))
                .isAfter(roots.items().get(1).root().object().deletedAt());

        Page<DeletedObjects.Root> second = deleted.roots(1, 1);
        assertThat(second.items()).extracting(r -> r.root().object().id()).containsExactly(13L);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(deleted.roots(2, 1).items()).isEmpty();
        assertThat(deleted.roots(-1, 0).items()).extracting(r -> r.root().object().id()).containsExactly(3L);
    }

    @Test
    void theTotalOfRootsIsCountedOnlyUpToTheBound() {
        DeletedObjects bounded = new DeletedObjects(db.jdbc, new Paging(db.named, 1));
        Page<DeletedObjects.Root> first = bounded.roots(0, 1);
        assertThat(first.items()).extracting(r -> r.root().object().id()).containsExactly(3L);
        assertThat(first.total()).isEqualTo(1);
        assertThat(first.totalExact()).isFalse();
        assertThat(first.hasNext()).isTrue();
        // the bound reaches past the page asked for: the second page counts both
        Page<DeletedObjects.Root> second = bounded.roots(1, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.totalExact()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void partsAndContainers() {
        assertThat(ids(deleted.partsOf("k1", 3))).containsExactly(102L);
        assertThat(ids(deleted.partsOf("k1", 102))).containsExactly(3L);
        assertThat(deleted.partsOf(null, 13)).isEmpty();
        // the restored cascade left nothing behind
        assertThat(deleted.partsOf("k2", 10)).isEmpty();
        // what must come back before the file can: its memo
        assertThat(ids(deleted.deletedContainers(102))).containsExactly(3L);
        // a task made from a memo is not a part of it, and live containers need no restore
        assertThat(deleted.deletedContainers(13)).isEmpty();
        assertThat(deleted.deletedContainers(12)).isEmpty();
        assertThat(deleted.deletedContainers(101)).isEmpty();
    }
}
