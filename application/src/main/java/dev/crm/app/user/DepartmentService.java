package dev.crm.app.user;

import dev.crm.command.Rejected;
import dev.crm.command.department.DepartmentCommands.CreateDepartment;
import dev.crm.command.department.DepartmentCommands.RenameDepartment;
import dev.crm.command.department.DepartmentCommands.SetDepartmentHead;
import dev.crm.query.department.DepartmentQueries;
import dev.crm.query.department.DepartmentView;
import dev.crm.shared.Actor;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API and the pages do with departments: send the command, then read the department back.
 * Reading is for administrators; the department aggregate decides who may change them.
 */
@Service
public class DepartmentService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final DepartmentQueries departments;

    DepartmentService(CommandSender commands, ObjectIds ids, DepartmentQueries departments) {
        this.commands = commands;
        this.ids = ids;
        this.departments = departments;
    }

    public List<DepartmentView> all(Actor actor) {
        requireAdmin(actor);
        return departments.all();
    }

    public DepartmentView find(Actor actor, long id) {
        requireAdmin(actor);
        return departments.find(id).orElseThrow(() -> new Rejected.NotFound(id));
    }

    @Transactional
    public DepartmentView create(Actor actor, String name) {
        long id = ids.next();
        try {
            commands.send(new CreateDepartment(id, name), actor);
        } catch (RuntimeException e) {
            throw sameNameRace(e, name);
        }
        return departments.find(id).orElseThrow();
    }

    @Transactional
    public DepartmentView rename(Actor actor, long id, Long expectedVersion, String name) {
        find(actor, id);
        try {
            commands.send(new RenameDepartment(id, expectedVersion, name), actor);
        } catch (RuntimeException e) {
            throw sameNameRace(e, name);
        }
        return departments.find(id).orElseThrow();
    }

    /**
     * Renames (when {@code name} is not null) and sets the head (when {@code setHead}) in one transaction:
     * both or neither. {@code expectedVersion} guards the first change.
     */
    @Transactional
    public DepartmentView change(Actor actor, long id, Long expectedVersion, String name, boolean setHead, String head) {
        DepartmentView department = name == null ? find(actor, id) : rename(actor, id, expectedVersion, name);
        if (setHead) {
            department = setHead(actor, id, name == null ? expectedVersion : null, head);
        }
        return department;
    }

    /**
     * {@link #change(Actor, long, Long, String, boolean, String)}, and the time zone too (when {@code setZone}), all
     * in one transaction; {@code expectedVersion} guards the first change.
     */
    @Transactional
    public DepartmentView change(Actor actor, long id, Long expectedVersion, String name, boolean setHead, String head,
                                 boolean setZone, String timeZone) {
        boolean other = name != null || setHead;
        DepartmentView department = other ? change(actor, id, expectedVersion, name, setHead, head) : find(actor, id);
        if (setZone) {
            department = setTimeZone(actor, id, other ? null : expectedVersion, timeZone);
        }
        return department;
    }

    /** Makes a member of the department its head (blank: none). */
    @Transactional
    public DepartmentView setHead(Actor actor, long id, Long expectedVersion, String head) {
        find(actor, id);
        commands.send(new SetDepartmentHead(id, expectedVersion, head), actor);
        return departments.find(id).orElseThrow();
    }

    /** The zone the department's reports cut days and months in (blank: the server's default). */
    @Transactional
    public DepartmentView setTimeZone(Actor actor, long id, Long expectedVersion, String timeZone) {
        find(actor, id);
        commands.send(new dev.crm.command.department.DepartmentCommands.SetDepartmentTimeZone(id, expectedVersion,
                timeZone), actor);
        return departments.find(id).orElseThrow();
    }

    /** Two administrators giving the same name at once: the read model's unique key lets one through. */
    private static RuntimeException sameNameRace(RuntimeException e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return new Rejected.WrongState("error.department.exists", name == null ? "" : name.strip());
            }
        }
        return e;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.department.admin-only");
        }
    }
}
