package dev.crm.app.reference;

import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.secret.SecretStore;
import dev.crm.command.Rejected;
import dev.crm.command.reference.ReferenceCommands.ChangeReference;
import dev.crm.command.reference.ReferenceCommands.CreateReference;
import dev.crm.command.reference.ReferenceCommands.DeleteReference;
import dev.crm.command.reference.ReferenceCommands.RestoreReference;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Mark;
import dev.crm.shared.reference.ReferenceKind.Rule;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API and the pages do with reference data of any {@link ReferenceKind}: every signed-in user reads it
 * (deals, requests and products show and pick it), administrators change it. Besides sending the command, it keeps
 * the kind's {@link Mark}s: setting one on an object takes it from the object of the same group that had it (that
 * object's own change, by the same user, in the same transaction), and a required mark is never lost: it cannot be
 * unset, and when its object is deleted or leaves the group it passes to the group's first object. A kind with a
 * secret (a mail account's password) is read by administrators only; the secret's value goes to the
 * {@link SecretStore} in the command's transaction, and the command, its event and the view carry only
 * {@link ReferenceKind#HIDDEN}; a change without it (absent or empty) keeps the stored one.
 */
@Service
public class ReferenceService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final ReferenceQueries references;
    private final SecretStore secrets;

    ReferenceService(CommandSender commands, ObjectIds ids, ReferenceQueries references, SecretStore secrets) {
        this.commands = commands;
        this.ids = ids;
        this.references = references;
        this.secrets = secrets;
    }

    /** The kind's live objects, in their order; every signed-in user may read them (admins only a kind with a secret). */
    public List<ReferenceView> all(Actor actor, ReferenceKind kind) {
        requireReader(actor, kind);
        return references.all(kind);
    }

    /**
     * The stages a department's deals go through: its own, or when it has none those of every department
     * ({@code department} null), in their order.
     */
    public List<ReferenceView> stagesOf(Actor actor, long department) {
        List<ReferenceView> all = references.all(ReferenceKind.STAGE);
        String key = ReferenceKind.Fields.DEPARTMENT.name();
        List<ReferenceView> own = all.stream().filter(s -> Long.toString(department).equals(s.value(key))).toList();
        return own.isEmpty() ? all.stream().filter(s -> s.value(key) == null).toList() : own;
    }

    public ReferenceView find(Actor actor, ReferenceKind kind, long id) {
        requireReader(actor, kind);
        return references.find(kind, id).orElseThrow(() -> new Rejected.NotFound(id));
    }

    @Transactional
    public ReferenceView create(Actor actor, ReferenceKind kind, Map<String, String> values) {
        requireAdmin(actor);
        Map<String, String> given = new HashMap<>(values);
        String secret = takeSecret(kind, given);
        requireUnique(kind, given, null);
        for (Mark mark : kind.marks()) {
            String name = mark.field().name();
            if (mark.required() && !"true".equals(given.get(name))
                    && group(kind, mark, given.get(groupName(mark)), null).stream().noneMatch(r -> r.flag(name))) {
                given.put(name, "true"); // the group's first object carries its required mark
            }
        }
        long id = ids.next();
        commands.send(new CreateReference(id, kind, given), actor);
        if (secret != null) {
            secrets.put(id, secret);
        }
        ReferenceView created = references.find(kind, id).orElseThrow();
        takeMarks(actor, created);
        return created;
    }

    @Transactional
    public ReferenceView change(Actor actor, ReferenceKind kind, long id, Long expectedVersion, Map<String, String> values) {
        requireAdmin(actor);
        ReferenceView before = find(actor, kind, id);
        values = new HashMap<>(values);
        String secret = takeSecret(kind, values);
        for (Mark mark : kind.marks()) {
            String name = mark.field().name();
            if (mark.required() && before.flag(name) && values.containsKey(name) && !"true".equals(values.get(name))) {
                throw new Rejected.Invalid(name, "validation.reference.mark-required");
            }
        }
        requireUnique(kind, values, id);
        commands.send(new ChangeReference(id, kind, expectedVersion, values), actor);
        if (secret != null) {
            secrets.put(id, secret);
        }
        ReferenceView after = references.find(kind, id).orElseThrow();
        takeMarks(actor, after);
        for (Mark mark : kind.marks()) {
            if (!Objects.equals(before.value(groupName(mark)), after.value(groupName(mark)))) {
                keepRequired(actor, kind, mark, before.value(groupName(mark)));
            }
        }
        return references.find(kind, id).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, ReferenceKind kind, long id, Long expectedVersion) {
        requireAdmin(actor);
        ReferenceView object = find(actor, kind, id);
        commands.send(new DeleteReference(id, kind, expectedVersion), actor);
        for (Mark mark : kind.marks()) {
            if (object.flag(mark.field().name())) {
                keepRequired(actor, kind, mark, object.value(groupName(mark)));
            }
        }
    }

    /**
     * Brings the object back (in the restore's transaction); a mark that another object took meanwhile stays
     * there, so the restored object comes back without it.
     */
    public void restore(Actor actor, ReferenceKind kind, long id) {
        commands.send(new RestoreReference(id, kind), actor);
        ReferenceView restored = references.find(kind, id).orElseThrow();
        Map<String, String> unmark = new HashMap<>();
        for (Mark mark : kind.marks()) {
            String name = mark.field().name();
            if (restored.flag(name) && group(kind, mark, restored.value(groupName(mark)), id).stream()
                    .anyMatch(r -> r.flag(name))) {
                unmark.put(name, "false");
            }
        }
        if (!unmark.isEmpty()) {
            commands.send(new ChangeReference(id, kind, null, unmark), actor);
        }
        for (Mark mark : kind.marks()) {
            keepRequired(actor, kind, mark, restored.value(groupName(mark)));
        }
    }

    /**
     * Makes the first start's defaults of each kind that never had an object, as the actor's events; a kind whose
     * defaults were made before (or that has objects of its own) is left alone, also after a rebuild of the read models.
     */
    @Transactional
    public void seedDefaults(Actor actor, Map<ReferenceKind, List<Map<String, String>>> defaults) {
        defaults.forEach((kind, objects) -> {
            if (references.claimDefaults(kind) && !references.everHad(kind)) {
                objects.forEach(values -> create(actor, kind, values));
            }
        });
    }

    /** Takes each mark the object carries from the other objects of its group. */
    private void takeMarks(Actor actor, ReferenceView object) {
        for (Mark mark : object.kind().marks()) {
            String name = mark.field().name();
            if (object.flag(name)) {
                for (ReferenceView other : group(object.kind(), mark, object.value(groupName(mark)), object.id())) {
                    if (other.flag(name)) {
                        commands.send(new ChangeReference(other.id(), other.kind(), null, Map.of(name, "false")), actor);
                    }
                }
            }
        }
    }

    /** A required mark of a group that has objects but lost its mark goes to the group's first object. */
    private void keepRequired(Actor actor, ReferenceKind kind, Mark mark, String groupValue) {
        if (!mark.required()) {
            return;
        }
        List<ReferenceView> group = group(kind, mark, groupValue, null);
        String name = mark.field().name();
        if (!group.isEmpty() && group.stream().noneMatch(r -> r.flag(name))) {
            commands.send(new ChangeReference(group.get(0).id(), kind, null, Map.of(name, "true")), actor);
        }
    }

    /** The live objects of the mark's group, in order, but {@code except}. */
    private List<ReferenceView> group(ReferenceKind kind, Mark mark, String groupValue, Long except) {
        return references.all(kind).stream()
                .filter(r -> mark.group() == null || Objects.equals(r.value(mark.group().name()), groupValue))
                .filter(r -> except == null || r.id() != except)
                .toList();
    }

    private static String groupName(Mark mark) {
        return mark.group() == null ? "" : mark.group().name();
    }

    /** A code (a currency's) is unique among the kind's live objects. */
    private void requireUnique(ReferenceKind kind, Map<String, String> values, Long self) {
        for (RuleOf rule : kind.rules()) {
            String value = values.get(rule.field().name());
            if (rule.rule() == Rule.CODE && value != null) {
                references.findBy(kind, rule.field().name(), value.strip())
                        .filter(other -> self == null || other.id() != self)
                        .ifPresent(other -> {
                            throw new Rejected.WrongState("error.reference.exists", value.strip());
                        });
            }
        }
    }

    /**
     * Takes the secret's value out of {@code values} (it is returned, for the store) and puts the marker in its place;
     * an absent or empty secret is left out (a change keeps the stored one).
     */
    private static String takeSecret(ReferenceKind kind, Map<String, String> values) {
        return kind.secret().map(field -> {
            String plain = values.remove(field.name());
            if (plain == null || plain.isEmpty()) {
                return null;
            }
            values.put(field.name(), ReferenceKind.HIDDEN);
            return plain;
        }).orElse(null);
    }

    /** A kind with a secret is read by administrators only; to others its objects do not exist. */
    private static void requireReader(Actor actor, ReferenceKind kind) {
        if (kind.adminsOnly() && !actor.isAdmin()) {
            throw new Rejected.Forbidden("error.reference.admin-only");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.reference.admin-only");
        }
    }
}
