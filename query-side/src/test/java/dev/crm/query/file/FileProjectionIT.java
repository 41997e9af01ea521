package dev.crm.query.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FileProjection}: file objects, the reference counts of their contents, their object index rows and
 * links, fed through its handlers and then again; and {@link FileQueries} on what it wrote.
 */
class FileProjectionIT extends ProjectionContract {

    static final String PLAN = "a".repeat(64);
    static final String PHOTO = "b".repeat(64);

    FileProjection files;
    ObjectIndex objects;
    FileQueries queries;

    @BeforeEach
    void empty() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        files = new FileProjection(db.writes, objects, new Links(db.jdbc, db.writes));
        queries = new FileQueries(db.jdbc);
    }

    /**
     * Memo 1 gets the plan twice (the same content: 100 and 101), task 11 a photo (102). The copy is detached;
     * the photo is detached with its task (a cascade) and restored, detached and restored again; the plan
     * is detached, so its content is referred to by nothing.
     */
    @Override
    protected void events() {
        deliver(() -> files.on(new FileAttached(100, 1, PLAN, "plan.pdf", 2048, "application/pdf"), at(0), "alice"));
        deliver(() -> files.on(new FileAttached(101, 1, PLAN, "plan-copy.pdf", 2048, "application/pdf"), at(1), "bob"));
        deliver(() -> files.on(new FileAttached(102, 11, PHOTO, "photo.jpg", 500, "image/jpeg"), at(2), "carol"));
        deliver(() -> files.on(new FileDetached(101, 1, PLAN, "plan-copy.pdf"), 1, at(3), "bob", null, null));
        deliver(() -> files.on(new FileDetached(102, 11, PHOTO, "photo.jpg"), 1, at(4), "carol", "cascade-5", 11L));
        deliver(() -> files.on(new FileRestored(102, 11, PHOTO, "photo.jpg"), 2, at(5)));
        deliver(() -> files.on(new FileDetached(100, 1, PLAN, "plan.pdf"), 1, at(6), "alice", null, null));
        deliver(() -> files.on(new FileDetached(102, 11, PHOTO, "photo.jpg"), 3, at(7), "carol", null, null));
        deliver(() -> files.on(new FileRestored(102, 11, PHOTO, "photo.jpg"), 4, at(8)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("file_content")).hasSize(2);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        assertThat(queries.find(100).orElseThrow()).isEqualTo(
                new FileView(100, 1, PLAN, "plan.pdf", 2048, "application/pdf", "alice", true, 2, stored(0)));
        assertThat(queries.find(102).orElseThrow()).isEqualTo(
                new FileView(102, 11, PHOTO, "photo.jpg", 500, "image/jpeg", "carol", false, 5, stored(2)));
        assertThat(queries.find(999)).isEmpty();
        assertThat(queries.attachedTo(1)).isEmpty();
        assertThat(queries.attachedTo(11)).extracting(FileView::id).containsExactly(102L);
        assertThat(queries.everAttachedTo(1)).containsExactly(100L, 101L);
        assertThat(queries.referenceCount(PLAN)).isZero();
        assertThat(queries.referenceCount(PHOTO)).isEqualTo(1);
        assertThat(queries.referenceCount("c".repeat(64))).isZero();

        List<StoredContent> contents = queries.contents();
        assertThat(contents).extracting(StoredContent::sha256).containsExactly(PHOTO, PLAN);
        assertThat(contents.get(0).zeroSince()).isNull();
        assertThat(contents.get(0).files()).extracting(FileView::id).containsExactly(102L);
        assertThat(contents.get(1).zeroSince()).isEqualTo(stored(6));
        assertThat(contents.get(1).size()).isEqualTo(2048);
        assertThat(contents.get(1).files()).isEmpty();

        assertThat(objects.find(101).orElseThrow().deletedBy()).isEqualTo("bob");
        assertThat(objects.find(102).orElseThrow().deleted()).isFalse();
        assertThat(objects.find(102).orElseThrow().version()).isEqualTo(5);
        assertThat(objects.find(100).orElseThrow().kind()).isEqualTo("file");
        assertThat(objects.find(100).orElseThrow().title()).isEqualTo("plan.pdf");
        assertThat(db.jdbc.queryForList("SELECT from_id || '>' || to_id || ' ' || relation FROM object_link ORDER BY from_id, to_id",
                String.class)).containsExactly("1>100 file", "1>101 file", "11>102 file");
    }

    @Test
    void twoLiveFilesOfOneContentCountTwo() {
        files.on(new FileAttached(100, 1, PLAN, "plan.pdf", 2048, "application/pdf"), at(0), "alice");
        files.on(new FileAttached(101, 1, PLAN, "plan-copy.pdf", 2048, "application/pdf"), at(1), "bob");

        assertThat(queries.referenceCount(PLAN)).isEqualTo(2);
        assertThat(queries.attachedTo(1)).extracting(FileView::name).containsExactly("plan.pdf", "plan-copy.pdf");
    }

    @Test
    void aRestoreAfterTheContentRowWasPurgedCountsFromOneAgain() {
        files.on(new FileAttached(100, 1, PLAN, "plan.pdf", 2048, "application/pdf"), at(0), "alice");
        files.on(new FileDetached(100, 1, PLAN, "plan.pdf"), 1, at(1), "alice", null, null);
        db.jdbc.update("DELETE FROM file_content WHERE sha256 = ? AND ref_count = 0", PLAN);

        files.on(new FileRestored(100, 1, PLAN, "plan.pdf"), 2, at(2));

        assertThat(db.jdbc.queryForMap("SELECT size, ref_count, zero_since FROM file_content WHERE sha256 = ?", PLAN))
                .containsEntry("size", 2048L).containsEntry("ref_count", 1L).containsEntry("zero_since", null);
    }
}
