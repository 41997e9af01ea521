package dev.crm.query.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.Paging;
import dev.crm.query.ProjectionContract;
import dev.crm.query.Sort;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.CompanyLeadConverted;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactMoved;
import dev.crm.shared.contact.ContactRestored;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldsProjection} through its handlers and again, for two kinds of fields by name (companies, and contacts
 * held by them): the same events give the same rows, and the rows are what the events describe.
 */
class FieldsProjectionIT extends ProjectionContract {

    FieldsProjection projection;
    ObjectIndex objects;
    Links links;

    @BeforeEach
    void wire() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        links = new Links(db.jdbc, db.writes);
        projection = new FieldsProjection(db.writes, objects, links);
    }

    /**
     * ACME (5) is created, renamed and given phone and tags, transferred, deleted and restored; Beta (6) stays.
     * Ann (11) of ACME is renamed, follows its owner, is deleted with it and restored; Kim (12) moves to Beta, into
     * which a lead is then converted.
     */
    @Override
    protected void events() {
        Map<String, String> acme = new LinkedHashMap<>();
        acme.put("name", "ACME");
        acme.put("email", "info@acme.test");
        deliver(() -> projection.on(new CompanyCreated(5, acme, "alice", 7L), at(0)));
        deliver(() -> projection.on(new CompanyCreated(6, Map.of("name", "Beta", "alternativeNames", "B"), "bob", null),
                at(1)));
        deliver(() -> projection.on(new CompanyChanged(5, List.of(FieldChange.of("name", "ACME", "ACME Corp"),
                FieldChange.of("phone", null, "+1 555"), FieldChange.of("tags", null, "b2b, eu"))), 1, at(2)));
        deliver(() -> projection.on(new ContactCreated(11, Map.of("firstName", "Ann", "phone", "+1 555"), 5, "alice",
                7L), at(3)));
        deliver(() -> projection.on(new ContactCreated(12, Map.of("lastName", "Kim"), 5, "alice", 7L), at(4)));
        deliver(() -> projection.on(new ContactChanged(11, List.of(FieldChange.of("lastName", null, "Lee"),
                FieldChange.of("mobile", null, "0170"))), 1, at(5)));
        deliver(() -> projection.on(new CompanyOwnerChanged(5, "alice", "bob"), 2, at(6)));
        deliver(() -> projection.on(new ContactOwnerChanged(11, "alice", "bob", 5), 2, at(7)));
        deliver(() -> projection.on(new ContactDeleted(11), 3, at(8), "bob", "cascade-1", 5L));
        deliver(() -> projection.on(new CompanyDeleted(5), 3, at(8), "bob", "cascade-1", null));
        deliver(() -> projection.on(new CompanyRestored(5), 4, at(9)));
        deliver(() -> projection.on(new ContactRestored(11), 4, at(10)));
        deliver(() -> projection.on(new ContactMoved(12, 5, 6, "alice", "bob", 7L, null), 1, at(11)));
        deliver(() -> projection.on(new CompanyLeadConverted(6, 99, 12), 1, at(12)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("company_view")).hasSize(2);
        assertThat(once.get("contact_view")).hasSize(2);
        assertThat(once.get("object_link")).hasSize(2);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();
        FieldsQueries queries = new FieldsQueries(db.named, db.writes, new Paging(db.named), new UserQueries(db.jdbc));
        FieldsView acme = queries.find(CompanyKind.KIND, 5).orElseThrow();
        assertThat(acme.title()).isEqualTo("ACME Corp");
        assertThat(acme.get(CompanyKind.PHONE)).isEqualTo("+1 555");
        assertThat(acme.get(CompanyKind.EMAIL)).isEqualTo("info@acme.test");
        assertThat(acme.tags(CompanyKind.TAGS)).containsExactly("b2b", "eu");
        assertThat(acme.owner()).isEqualTo("bob");
        assertThat(acme.department()).isEqualTo(7L);
        assertThat(acme.deleted()).isFalse();
        assertThat(acme.version()).isEqualTo(5);
        assertThat(objects.find(5).orElseThrow().title()).isEqualTo("ACME Corp");
        assertThat(objects.find(5).orElseThrow().owner()).isEqualTo("bob");

        FieldsView ann = queries.find(ContactKind.KIND, 11).orElseThrow();
        assertThat(ann.title()).isEqualTo("Ann Lee");
        assertThat(ann.get(ContactKind.MOBILE)).isEqualTo("0170");
        assertThat(ann.reference(ContactKind.COMPANY)).isEqualTo(5);
        assertThat(ann.owner()).isEqualTo("bob");
        assertThat(ann.version()).isEqualTo(5);
        assertThat(objects.find(11).orElseThrow().title()).isEqualTo("Ann Lee");
        assertThat(queries.heldBy(ContactKind.KIND, 5)).extracting(FieldsView::id).containsExactly(11L);
        assertThat(links.partOf(11)).extracting(Links.Link::relation).containsExactly(Links.PART);

        // Kim moved: Beta's, with its owner and (no) department, a part of Beta and no longer of ACME
        FieldsView kim = queries.find(ContactKind.KIND, 12).orElseThrow();
        assertThat(kim.reference(ContactKind.COMPANY)).isEqualTo(6);
        assertThat(kim.owner()).isEqualTo("bob");
        assertThat(kim.department()).isNull();
        assertThat(kim.version()).isEqualTo(2);
        assertThat(objects.find(12).orElseThrow().owner()).isEqualTo("bob");
        assertThat(objects.find(12).orElseThrow().version()).isEqualTo(2);
        assertThat(queries.heldBy(ContactKind.KIND, 6)).extracting(FieldsView::id).containsExactly(12L);
        assertThat(links.partOf(12)).containsExactly(new Links.Link(6, Links.PART));
        // a conversion into Beta changes none of its fields, but its version
        FieldsView beta = queries.find(CompanyKind.KIND, 6).orElseThrow();
        assertThat(beta.title()).isEqualTo("Beta");
        assertThat(beta.version()).isEqualTo(2);
    }

    @Test
    void listsFindByTheSearchedFieldsAndFilterByReference() {
        events();
        FieldsQueries queries = new FieldsQueries(db.named, db.writes, new Paging(db.named), new UserQueries(db.jdbc));
        Actor chief = new Actor("carol", Set.of(Role.CHIEF));
        assertThat(queries.list(CompanyKind.KIND, chief, FieldsQueries.Filter.of("acme", null), FieldsQueries.LATEST,
                0, 10).items()).extracting(FieldsView::id).containsExactly(5L);
        // another name is searched, the description is not
        assertThat(queries.list(CompanyKind.KIND, chief, FieldsQueries.Filter.of("b", null),
                new Sort(CompanyKind.COMPANY_NAME.name(), false), 0, 10).items()).extracting(FieldsView::id)
                .contains(6L);
        // first and last name read together
        assertThat(queries.list(ContactKind.KIND, chief, FieldsQueries.Filter.of("ann lee", null), FieldsQueries.LATEST,
                0, 10).items()).extracting(FieldsView::id).containsExactly(11L);
        assertThat(queries.list(ContactKind.KIND, chief, new FieldsQueries.Filter(null, Map.of(ContactKind.COMPANY, 5L),
                null), new Sort("id", false), 0, 10).items()).extracting(FieldsView::id).containsExactly(11L);
        assertThat(queries.list(ContactKind.KIND, chief, new FieldsQueries.Filter(null, Map.of(ContactKind.COMPANY, 6L),
                null), new Sort("id", false), 0, 10).items()).extracting(FieldsView::id).containsExactly(12L);
        assertThat(queries.list(ContactKind.KIND, chief, new FieldsQueries.Filter(null, Map.of(ContactKind.COMPANY, 7L),
                null), new Sort("id", false), 0, 10).items()).isEmpty();
    }
}
