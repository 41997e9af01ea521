package dev.crm.app.fields;

import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.kind.KindModel;
import dev.crm.app.object.DeletionPreview;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.command.fields.FieldsCommands;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the API and the pages do with objects of kinds of fields by name: send the command, answer the row its
 * projection wrote. A transfer carries over to the objects it holds ({@link Field#holder()}: a company's contacts),
 * each with its own automatic change caused by it; a delete takes its parts (what it holds, and files), each in one
 * transaction under the object's lock, exactly as its preview announced, and the objects that only refer to what it
 * removed let go of it ({@link ReferrersOfDeleted}: a request's lead).
 */
@Service
public class FieldsService {

    private final Map<String, FieldsCommands> make;
    private final CommandSender commands;
    private final ObjectIds ids;
    private final FieldsQueries queries;
    private final ObjectIndex objects;
    private final Links links;
    private final FileQueries files;
    private final ObjectAccess access;
    private final KindModel kinds;
    private final List<ReferrersOfDeleted> referrers;
    private final TransactionTemplate tx;

    FieldsService(List<FieldsKindSupport> supports, CommandSender commands, ObjectIds ids, FieldsQueries queries,
                  ObjectIndex objects, Links links, FileQueries files, ObjectAccess access, KindModel kinds,
                  List<ReferrersOfDeleted> referrers, PlatformTransactionManager transactions) {
        this.make = supports.stream().collect(Collectors.toUnmodifiableMap(s -> s.kind().name(),
                FieldsKindSupport::commands));
        this.commands = commands;
        this.ids = ids;
        this.queries = queries;
        this.objects = objects;
        this.links = links;
        this.files = files;
        this.access = access;
        this.kinds = kinds;
        this.referrers = List.copyOf(referrers);
        this.tx = new TransactionTemplate(transactions);
    }

    /** {@code fields}: its own fields by name (a text, a list of texts for tags, an ID for a reference). */
    public FieldsView create(Kind kind, Actor actor, Map<String, Object> fields) {
        return create(kind, actor, fields, Map.of());
    }

    /**
     * The same, with the command's metadata: an object made by another's step ("create deal" makes a lead and a deal)
     * names that object as its cause ({@link Causes#CAUSED_BY}), so that its history shows the step.
     */
    public FieldsView create(Kind kind, Actor actor, Map<String, Object> fields, Map<String, ?> metaData) {
        long id = ids.next();
        commands.send(commands(kind).create().of(id, fields), actor, metaData);
        return read(kind, id);
    }

    /** Sends the change at once (the aggregate checks the rights: 404 for another kind's ID). */
    public FieldsView change(Kind kind, Actor actor, long id, Long expectedVersion, Map<String, Object> fields) {
        commands.send(commands(kind).change().of(id, expectedVersion, fields), actor);
        return read(kind, id);
    }

    /**
     * Gives the object to another owner, and so each object it holds: each gets its own event, an automatic change by
     * the same user, caused by this one ({@link Causes#CAUSED_BY}); all in one transaction.
     */
    public FieldsView transfer(Kind kind, Actor actor, long id, Long expectedVersion, String owner) {
        FieldsCommands.Transfer transfer = commands(kind).transfer();
        visible(kind, actor, id);
        if (transfer == null) {
            // its owner follows its holder's ("error.owner.contact-follows-company")
            throw new Rejected.Forbidden("error.owner." + kind.name() + "-follows-"
                    + kind.holder().map(Field::name).orElse("holder"));
        }
        return tx.execute(status -> {
            objects.lock(id);
            commands.send(transfer.of(id, expectedVersion, owner), actor);
            FieldsView object = read(kind, id);
            for (Kind held : held(kind)) {
                for (FieldsView part : queries.heldBy(held, id)) {
                    if (!part.owner().equals(object.owner())) {
                        commands.send(commands(held).follow().of(part.id(), id, object.owner()), actor,
                                Map.of(Causes.CAUSED_BY, id));
                    }
                }
            }
            return object;
        });
    }

    public FieldsView visible(Kind kind, Actor actor, long id) {
        return queries.findVisible(kind, id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }

    public Page<FieldsView> list(Kind kind, Actor actor, FieldsQueries.Filter filter, Sort sort, int page, int size) {
        return queries.list(kind, actor, filter, sort, page, size);
    }

    /** Whether the actor may do this to the object (for the pages' buttons; the aggregate decides). */
    public boolean allows(Actor actor, FieldsView object, Action action) {
        return queries.allows(object, actor, action);
    }

    /** The object, if the actor may do this to it: 404 when they may not see it, 403 when they may not do it. */
    public FieldsView allowed(Kind kind, Actor actor, long id, Action action) {
        FieldsView object = visible(kind, actor, id);
        if (!allows(actor, object, action)) {
            throw new Rejected.Forbidden("error." + kind.name() + "." + action.name().toLowerCase(java.util.Locale.ROOT)
                    + "-forbidden");
        }
        return object;
    }

    /** Deletes the object and its parts, in one transaction; {@code expectedObjects}: as the preview said. */
    public void delete(Kind kind, Actor actor, long id, Long expectedVersion, Integer expectedObjects) {
        allowed(kind, actor, id, Action.DELETE);
        tx.executeWithoutResult(status -> {
            objects.lock(id);
            List<ObjectSummary> parts = parts(id);
            DeletionPreview.requireCount(expectedObjects, parts.size());
            Cascade cascade = Cascade.of(id);
            // the last listed first: a part's files before the part, the object itself last
            for (int i = parts.size() - 1; i > 0; i--) {
                ObjectSummary part = parts.get(i);
                kinds.of(part.kind()).deleteAsPart(actor, part.id(), cascade);
            }
            commands.send(commands(kind).delete().of(id, expectedVersion), actor, cascade.forRoot());
            for (ObjectSummary part : parts) {
                referrers.stream().filter(r -> r.kind().name().equals(part.kind()))
                        .forEach(r -> r.deleted(actor, part.id()));
            }
        });
    }

    /** Exactly what deleting the object removes: it, its files, then each live part with its own parts. */
    public DeletionPreview deletionPreview(Kind kind, Actor actor, long id) {
        allowed(kind, actor, id, Action.DELETE);
        return DeletionPreview.of(parts(id), actor, access);
    }

    private List<ObjectSummary> parts(long id) {
        List<ObjectSummary> parts = new ArrayList<>();
        parts(id, parts, new java.util.HashSet<>());
        return parts;
    }

    /** Each object once, though parts may be parts of several (a deal of a company and of its contact). */
    private void parts(long id, List<ObjectSummary> parts, java.util.Set<Long> seen) {
        if (!seen.add(id)) {
            return;
        }
        objects.find(id).ifPresent(parts::add);
        for (FileView file : files.attachedTo(id)) {
            if (seen.add(file.id())) {
                objects.find(file.id()).ifPresent(parts::add);
            }
        }
        for (Links.Link link : links.parts(id)) {
            if (Links.PART.equals(link.relation())
                    && objects.find(link.other()).filter(o -> !o.deleted()).isPresent()) {
                parts(link.other(), parts, seen);
            }
        }
    }

    /** The kinds of fields by name whose objects this kind holds. */
    private List<Kind> held(Kind kind) {
        return make.values().stream().map(FieldsCommands::kind)
                .filter(k -> k.holder().map(Field::name).filter(kind.name()::equals).isPresent()).toList();
    }

    private FieldsCommands commands(Kind kind) {
        FieldsCommands found = make.get(kind.name());
        if (found == null) {
            throw new IllegalArgumentException(kind.name() + " is not a kind of fields by name");
        }
        return found;
    }

    private FieldsView read(Kind kind, long id) {
        return queries.afterCommand(kind, id).orElseThrow(
                () -> new IllegalStateException(kind.name() + " " + id + " missing after its command"));
    }
}
