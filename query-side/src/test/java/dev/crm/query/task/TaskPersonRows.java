package dev.crm.query.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code task_person} must hold, worked out in Java from the rows of {@code task_view}, as "task user role"
 * strings: each task's own people by role, the people of its live containers ({@code container}) and of its live
 * parts ({@code part}).
 */
final class TaskPersonRows {

    private TaskPersonRows() {
    }

    static List<String> own(TaskView t) {
        List<String> rows = new ArrayList<>();
        rows.add(t.owner() + " owner");
        if (t.coOwner() != null && !t.coOwner().isBlank()) {
            rows.add(t.coOwner() + " coOwner");
        }
        t.responsible().forEach(r -> rows.add(r + " responsible"));
        t.subscribers().forEach(r -> rows.add(r + " subscribers"));
        return rows;
    }

    static List<String> ownPeople(TaskView t) {
        return own(t).stream().map(r -> r.substring(0, r.indexOf(' '))).distinct().toList();
    }

    static List<String> expected(JdbcTemplate jdbc) {
        List<TaskView> all = jdbc.query("SELECT * FROM task_view", TaskQueries.ROW);
        Map<Long, TaskView> byId = all.stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        TreeSet<String> rows = new TreeSet<>();
        for (TaskView t : all) {
            own(t).forEach(r -> rows.add(t.id() + " " + r));
            Stream.of(t.parent(), t.project()).filter(Objects::nonNull).map(byId::get).filter(Objects::nonNull)
                    .filter(c -> !c.deleted()).flatMap(c -> ownPeople(c).stream())
                    .forEach(u -> rows.add(t.id() + " " + u + " container"));
            all.stream().filter(s -> !s.deleted() && (Objects.equals(s.parent(), t.id()) || Objects.equals(s.project(), t.id())))
                    .flatMap(s -> ownPeople(s).stream()).forEach(u -> rows.add(t.id() + " " + u + " part"));
        }
        return List.copyOf(rows);
    }

    static List<String> actual(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT task_id || ' ' || username || ' ' || role FROM task_person ORDER BY 1", String.class)
                .stream().sorted().toList();
    }
}
