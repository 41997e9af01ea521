package dev.crm.web.page;

import dev.crm.query.department.DepartmentQueries;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The department part of the list pages: "only my departments" as a filter, and the names of the
 * departments the listed objects carry. One place for every list that shows departments.
 */
@Component
public class DepartmentFilter {

    private final UserQueries users;
    private final DepartmentQueries departments;

    DepartmentFilter(UserQueries users, DepartmentQueries departments) {
        this.users = users;
        this.departments = departments;
    }

    /** The departments to filter by: the actor's when {@code mine}, else null (all). */
    public List<Long> of(Actor actor, boolean mine) {
        return mine ? users.departments(actor.username()) : null;
    }

    /** Puts {@code dept} and {@code departmentNames} (for the listed department IDs) into the model. */
    public void describe(Model model, boolean mine, Collection<Long> listed) {
        model.addAttribute("dept", mine);
        Map<Long, String> names = departments.names(listed.stream().filter(Objects::nonNull).distinct().toList());
        model.addAttribute("departmentNames", names);
    }
}
