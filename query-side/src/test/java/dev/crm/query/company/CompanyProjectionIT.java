package dev.crm.query.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.FieldChange;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CompanyProjection} through its handlers and again: the same events give the same rows. */
class CompanyProjectionIT extends ProjectionContract {

    CompanyProjection companies;
    ObjectIndex objects;

    @BeforeEach
    void wire() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        companies = new CompanyProjection(db.writes, objects);
    }

    /** ACME (5) is created, renamed and given phone and tags, transferred, deleted and restored; Beta (6) stays. */
    @Override
    protected void events() {
        Map<String, String> acme = new LinkedHashMap<>();
        acme.put("name", "ACME");
        acme.put("email", "info@acme.test");
        deliver(() -> companies.on(new CompanyCreated(5, acme, "alice", 7L), at(0)));
        deliver(() -> companies.on(new CompanyCreated(6, Map.of("name", "Beta", "alternativeNames", "B"), "bob", null),
                at(1)));
        deliver(() -> companies.on(new CompanyChanged(5, List.of(FieldChange.of("name", "ACME", "ACME Corp"),
                FieldChange.of("phone", null, "+1 555"), FieldChange.of("tags", null, "b2b, eu"))), 1, at(2)));
        deliver(() -> companies.on(new CompanyOwnerChanged(5, "alice", "bob"), 2, at(3)));
        deliver(() -> companies.on(new CompanyDeleted(5), 3, at(4), "bob", "cascade-1", null));
        deliver(() -> companies.on(new CompanyRestored(5), 4, at(5)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("company_view")).hasSize(2);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();
        CompanyView acme = new CompanyQueries(db.named, db.writes, new dev.crm.query.Paging(db.named),
                new dev.crm.query.user.UserQueries(db.jdbc)).find(5).orElseThrow();
        assertThat(acme.name()).isEqualTo("ACME Corp");
        assertThat(acme.get(CompanyKind.PHONE)).isEqualTo("+1 555");
        assertThat(acme.get(CompanyKind.EMAIL)).isEqualTo("info@acme.test");
        assertThat(acme.tags()).containsExactly("b2b", "eu");
        assertThat(acme.owner()).isEqualTo("bob");
        assertThat(acme.department()).isEqualTo(7L);
        assertThat(acme.deleted()).isFalse();
        assertThat(acme.version()).isEqualTo(5);
        assertThat(objects.find(5).orElseThrow().title()).isEqualTo("ACME Corp");
        assertThat(objects.find(5).orElseThrow().owner()).isEqualTo("bob");
    }
}
