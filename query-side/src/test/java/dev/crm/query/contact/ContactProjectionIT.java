package dev.crm.query.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.FieldChange;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactRestored;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ContactProjection} through its handlers and again: the same events give the same rows. */
class ContactProjectionIT extends ProjectionContract {

    ContactProjection contacts;
    ObjectIndex objects;
    Links links;

    @BeforeEach
    void wire() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        links = new Links(db.jdbc, db.writes);
        contacts = new ContactProjection(db.writes, objects, links);
    }

    /** Ann (11) of company 5 is renamed, follows her company's owner, is deleted with it and restored. */
    @Override
    protected void events() {
        deliver(() -> contacts.on(new ContactCreated(11, Map.of("firstName", "Ann", "phone", "+1 555"), 5, "alice",
                7L), at(0)));
        deliver(() -> contacts.on(new ContactCreated(12, Map.of("lastName", "Kim"), 5, "alice", 7L), at(1)));
        deliver(() -> contacts.on(new ContactChanged(11, List.of(FieldChange.of("lastName", null, "Lee"),
                FieldChange.of("mobile", null, "0170"))), 1, at(2)));
        deliver(() -> contacts.on(new ContactOwnerChanged(11, "alice", "bob", 5), 2, at(3)));
        deliver(() -> contacts.on(new ContactDeleted(11), 3, at(4), "bob", "cascade-1", 5L));
        deliver(() -> contacts.on(new ContactRestored(11), 4, at(5)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("contact_view")).hasSize(2);
        assertThat(once.get("object_link")).hasSize(2);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();
        ContactQueries queries = new ContactQueries(db.named, db.writes, new dev.crm.query.Paging(db.named),
                new dev.crm.query.user.UserQueries(db.jdbc));
        ContactView ann = queries.find(11).orElseThrow();
        assertThat(ann.title()).isEqualTo("Ann Lee");
        assertThat(ann.get(ContactKind.MOBILE)).isEqualTo("0170");
        assertThat(ann.company()).isEqualTo(5);
        assertThat(ann.owner()).isEqualTo("bob");
        assertThat(ann.version()).isEqualTo(5);
        assertThat(objects.find(11).orElseThrow().title()).isEqualTo("Ann Lee");
        assertThat(queries.ofCompany(5)).extracting(ContactView::id).containsExactly(11L, 12L);
        assertThat(links.partOf(11)).extracting(Links.Link::relation).containsExactly(Links.PART);
    }
}
