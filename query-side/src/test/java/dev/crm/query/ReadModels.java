package dev.crm.query;

import dev.crm.query.department.DepartmentProjection;
import dev.crm.query.fields.FieldsProjection;
import dev.crm.query.history.ObjectMentions;
import dev.crm.query.file.FileProjection;
import dev.crm.query.link.Links;
import dev.crm.query.memo.MemoProjection;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.task.TaskProjection;
import dev.crm.query.user.UserProjection;

/** Every projection of the query side, wired by hand on one schema as the Spring context would wire them. */
public record ReadModels(ObjectIndex objects, Links links, MemoProjection memos, TaskProjection tasks,
                         FileProjection files, DepartmentProjection departments, UserProjection users,
                         FieldsProjection fields, ObjectMentions mentions) {

    public static ReadModels on(PostgresSchema db) {
        ObjectIndex objects = new ObjectIndex(db.jdbc, db.writes);
        // projections only record links (Links.link); reading them needs the object access rules, not wired here
        Links links = new Links(db.jdbc, db.writes);
        return new ReadModels(objects, links, new MemoProjection(db.writes, objects, links),
                new TaskProjection(db.writes, objects, links), new FileProjection(db.writes, objects, links),
                new DepartmentProjection(db.writes, objects), new UserProjection(db.writes),
                new FieldsProjection(db.writes, objects, links), new ObjectMentions(db.jdbc, db.writes));
    }

    /** Every read-model table, as a rebuild finds them ({@link ReadModel#tables()}), in name order. */
    public java.util.List<String> tables() {
        return java.util.stream.Stream.of(objects, links, memos, tasks, files, departments, users, fields, mentions)
                .flatMap(m -> m.tables().stream()).distinct().sorted().toList();
    }

    /** The beans a rebuild finds by their {@code @ProcessingGroup}. */
    public Object[] projections() {
        return new Object[] {memos, tasks, files, departments, users, fields, mentions};
    }
}
