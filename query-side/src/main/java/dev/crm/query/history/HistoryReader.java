package dev.crm.query.history;

import dev.crm.shared.memo.MemoKind;

import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.file.FileEvent;
import dev.crm.shared.kind.Mentions;
import dev.crm.shared.user.UserEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An object's history, read straight from its event stream — and from the streams of its file objects,
 * whose attaching and detaching it shows too, and of objects whose events name it ({@link Mentions}: a campaign's
 * message to it, shown with {@code causedBy} the campaign). Nothing is written for history, and what it shows is
 * exactly what is stored. Callers check who may read it ({@code ObjectAccess}).
 *
 * <p>Reading a stream deserializes every event (about 15 ms of CPU for 1,000 events), so the built history is
 * kept in a {@link HistoryCache} with the versions it was built from. Each request first reads the object's and
 * its files' versions from the read model ({@code crm_object}, one query) and uses the kept history only when
 * those are the versions it was built from; otherwise it reads the streams again. Who may read which part is
 * decided on every request, from the kept history.
 */
@Component
public class HistoryReader {

    /**
     * The object's version, then each file object it ever had (deleted ones too) with its version, by ID.
     * A file row without its object row (never written so) gets -1: its history is then never taken as current.
     */
    private static final String VERSIONS = """
            SELECT id, version, 0 AS file FROM crm_object WHERE id = ?
            UNION ALL
            SELECT f.id, COALESCE(o.version, -1), 1 FROM file_view f LEFT JOIN crm_object o ON o.id = f.id
            WHERE f.attached_to = ?
            UNION ALL
            SELECT m.source_id, COALESCE(o.version, -1), 1 FROM object_mention m LEFT JOIN crm_object o
            ON o.id = m.source_id WHERE m.object_id = ?
            ORDER BY 3, 1""";

    private final EventStore eventStore;
    private final FileQueries files;
    private final JdbcTemplate jdbc;
    private final HistoryCache cache;
    private final ObjectMentions mentions;

    public HistoryReader(EventStore eventStore, FileQueries files, JdbcTemplate jdbc, HistoryCache cache,
                         ObjectMentions mentions) {
        this.mentions = mentions;
        this.eventStore = eventStore;
        this.files = files;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** An object's history as the actor may read it, and whether the part before a memo was sent was left out. */
    public record Visible(List<HistoryEntry> entries, boolean draftLeftOut) {
    }

    /** The whole history: for who reads every part of it (admins, the author of a memo). */
    public List<HistoryEntry> history(long objectId) {
        return history(objectId, null).entries();
    }

    /**
     * The history as the actor may read it. A memo that was written as a draft shows its draft part only to
     * who {@link MemoAccess#seesDraftHistory may read it}; everyone else reads it from the event that sent it,
     * which then carries the fields as sent (from no value) instead of what the draft said before: the draft
     * was its author's, and the memo as sent is what they see anyway. The object's file entries before that
     * moment are left out with it. The stored events are not touched.
     */
    public Visible history(long objectId, Actor actor) {
        return load(objectId).visibleTo(actor);
    }

    /**
     * The object's own entries as the actor may read them (the same rule as {@link #history(long, Actor)}), without
     * its files' and mentions' entries: what its state at a moment is made from ({@link ObjectStates}).
     */
    public List<HistoryEntry> ownHistory(long objectId, Actor actor) {
        return load(objectId).ownVisibleTo(actor);
    }

    private ObjectHistory load(long objectId) {
        ObjectHistory.Stamp current = versions(objectId);
        ObjectHistory history = current == null ? null : cache.get(objectId, current);
        if (history == null) {
            // not in the read model (an unknown ID, or while the read models are rebuilt): read, keep nothing
            history = build(objectId, current == null ? related(objectId) : current.fileIds());
            if (current != null) {
                // kept with the versions it was read at: if a change came in between, the next request's
                // versions are not these, and it reads again
                cache.put(objectId, history);
            }
        }
        return history;
    }

    /** Its files, and the objects whose streams name it ({@link ObjectMentions}), in ID order. */
    private List<Long> related(long objectId) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>(files.everAttachedTo(objectId));
        ids.addAll(mentions.sourcesOf(objectId));
        return List.copyOf(ids);
    }

    /**
     * The versions the read model has for the object, its files and the objects whose streams name it; null when it
     * has no row for the object.
     */
    private ObjectHistory.Stamp versions(long objectId) {
        long[] version = {-1};
        List<ObjectHistory.FileVersion> fileVersions = new ArrayList<>();
        jdbc.query(VERSIONS, rs -> {
            if (rs.getInt(3) == 0) {
                version[0] = rs.getLong(2);
            } else {
                fileVersions.add(new ObjectHistory.FileVersion(rs.getLong(1), rs.getLong(2)));
            }
        }, objectId, objectId, objectId);
        return version[0] < 0 ? null : new ObjectHistory.Stamp(version[0], fileVersions);
    }

    /** Reads the object's stream and its files' streams; the stamp says which versions it read. */
    private ObjectHistory build(long objectId, List<Long> fileIds) {
        Map<String, String> users = new HashMap<>();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        read(objectId, events::add);
        List<HistoryEntry> own = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            own.add(entry(event, event.getSequenceNumber() + 1, null, users));
        }
        long version = events.isEmpty() ? 0 : events.get(events.size() - 1).getSequenceNumber() + 1;
        List<HistoryEntry> fileEntries = new ArrayList<>();
        List<ObjectHistory.FileVersion> fileVersions = new ArrayList<>();
        for (long fileId : fileIds) {
            long[] fileVersion = {0};
            read(fileId, event -> {
                fileVersion[0] = event.getSequenceNumber() + 1;
                long at = own.stream().filter(e -> !e.at().isAfter(event.getTimestamp())).count();
                if (event.getPayload() instanceof FileEvent) {
                    fileEntries.add(entry(event, at, fileId, users));
                } else if (event.getPayload() instanceof Mentions m && m.mentioned().contains(objectId)) {
                    // another object's event that names this one: shown as caused by that object
                    HistoryEntry e = entry(event, at, null, users);
                    fileEntries.add(new HistoryEntry(e.sequence(), e.at(), e.user(), e.event(), List.of(), null,
                            null, null, fileId));
                }
            });
            fileVersions.add(new ObjectHistory.FileVersion(fileId, fileVersion[0]));
        }
        return new ObjectHistory(new ObjectHistory.Stamp(version, fileVersions), own, fileEntries,
                ObjectHistory.merged(own, fileEntries), draft(events));
    }

    /**
     * A memo written as a draft: where it was sent, and its fields then ({@link Long#MAX_VALUE} and none
     * while it is still a draft). Null when it is not a memo written as a draft: then its whole history is
     * everyone's who may read it.
     */
    private static ObjectHistory.Draft draft(List<DomainEventMessage<?>> events) {
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof MemoCreated created) || !created.draft()) {
            return null;
        }
        String title = created.title();
        String description = created.description();
        String to = created.to();
        Long deal = created.deal();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof MemoChanged changed) {
                boolean sends = false;
                for (FieldChange c : changed.changes()) {
                    // other fields say nothing about what was sent
                    if (MemoKind.TITLE.is(c.field())) {
                        title = c.to();
                    } else if (MemoKind.DESCRIPTION.is(c.field())) {
                        description = c.to();
                    } else if (MemoKind.TO.is(c.field())) {
                        to = c.to();
                    } else if (MemoKind.DRAFT.is(c.field())) {
                        sends = !Boolean.parseBoolean(c.to());
                    } else if (MemoKind.DEAL.is(c.field())) {
                        deal = c.to() == null ? null : Long.valueOf(c.to());
                    }
                }
                if (sends) {
                    List<FieldChange> asSent = new ArrayList<>();
                    for (FieldChange c : new MemoCreated(created.memoId(), title, description, to, false,
                            created.owner(), created.department(), deal).changes()) {
                        asSent.add(MemoKind.DRAFT.is(c.field()) ? MemoKind.DRAFT.change(true, false) : c);
                    }
                    return new ObjectHistory.Draft(created.owner(), created.to(), event.getSequenceNumber() + 1,
                            List.copyOf(asSent));
                }
            }
        }
        return new ObjectHistory.Draft(created.owner(), created.to(), Long.MAX_VALUE, List.of());
    }

    /** A user's history: their own stream, whose identifier is the username. Callers check who may read it. */
    public List<HistoryEntry> userHistory(String username) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(username);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(entry(event, event.getSequenceNumber() + 1, null, new HashMap<>()));
        }
        return entries;
    }

    private void read(long aggregateId, java.util.function.Consumer<DomainEventMessage<?>> consumer) {
        DomainEventStream stream = eventStore.readEvents(Long.toString(aggregateId));
        while (stream.hasNext()) {
            consumer.accept(stream.next());
        }
    }

    /** {@code users}: one string per username, shared by the entries of one history. */
    private static HistoryEntry entry(DomainEventMessage<?> event, long sequence, Long file, Map<String, String> users) {
        Object payload = event.getPayload();
        Object user = event.getMetaData().get(Actor.USERNAME);
        Object cascade = event.getMetaData().get("cascade");
        Object deletedWith = event.getMetaData().get("deletedWith");
        Object causedBy = event.getMetaData().get(dev.crm.shared.Causes.CAUSED_BY);
        return new HistoryEntry(sequence, event.getTimestamp(),
                user == null ? null : users.computeIfAbsent(user.toString(), u -> u),
                event.getPayloadType().getSimpleName(), changesOf(payload),
                file, cascade == null ? null : cascade.toString(),
                deletedWith instanceof Number n ? n.longValue() : null,
                causedBy instanceof Number c ? c.longValue() : null);
    }

    /** What history shows an event changed: its {@code changes()}, or none for an event that names no field. */
    static List<FieldChange> changesOf(Object payload) {
        return payload instanceof ObjectEvent e ? e.changes() : payload instanceof UserEvent u ? u.changes() : List.of();
    }
}
