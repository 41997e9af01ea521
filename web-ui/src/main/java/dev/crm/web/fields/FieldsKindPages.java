package dev.crm.web.fields;

import dev.crm.app.object.DeletionPreview;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Kind;
import dev.crm.web.object.KindPages;
import dev.crm.web.object.ListPage;

/** A kind of fields by name's part of the shared object pages; a kind's is this class with its list's columns. */
public class FieldsKindPages implements KindPages {

    private final ListPage list;
    private final Kind kind;
    private final FieldsPageParts parts;

    public FieldsKindPages(Kind kind, ListPage list, FieldsPageParts parts) {
        this.kind = kind;
        this.list = list;
        this.parts = parts;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public ListPage list() {
        return list;
    }

    @Override
    public Shown visible(Actor actor, long id) {
        return shown(parts.service.visible(kind, actor, id));
    }

    @Override
    public Shown deletable(Actor actor, long id) {
        return shown(parts.service.allowed(kind, actor, id, Action.DELETE));
    }

    @Override
    public DeletionPreview deletionPreview(Actor actor, long id) {
        return parts.service.deletionPreview(kind, actor, id);
    }

    @Override
    public void delete(Actor actor, long id, Long version, Integer objects) {
        parts.service.delete(kind, actor, id, version, objects);
    }

    private static Shown shown(FieldsView o) {
        return new Shown(o.id(), o.version(), o.title());
    }
}
