package dev.crm.app.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.memo.MemoKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindModelTest {

    record Plain(Kind kind) implements KindSupport {
        @Override
        public boolean mayView(Actor actor, long id) {
            return false;
        }
    }

    static List<KindSupport> everyKind() {
        List<KindSupport> all = new ArrayList<>();
        Kinds.ALL.forEach(k -> all.add(new Plain(k)));
        return all;
    }

    @Test
    void everyDeclaredKindIsFoundByItsName() {
        KindModel model = new KindModel(everyKind());
        for (Kind kind : Kinds.ALL) {
            assertThat(model.of(kind.name()).kind()).isSameAs(kind);
        }
        assertThat(model.withPages()).extracting(Kind::path).containsExactly("memos", "tasks", "projects",
                "companies", "contacts", "leads", "requests", "products", "deals", "payments", "emails", "campaigns");
        assertThatThrownBy(() -> model.of("no-such-kind")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeclaredKindWithoutBehaviourStopsTheStart() {
        List<KindSupport> all = everyKind();
        all.removeIf(s -> s.kind().equals(MemoKind.KIND));
        assertThatThrownBy(() -> new KindModel(all)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MemoKind.NAME);
    }

    @Test
    void behaviourForAnUndeclaredKindStopsTheStart() {
        List<KindSupport> all = everyKind();
        all.add(new Plain(Kind.named("gadget", "gadgets").fields(Field.of("title", FieldType.NAME)).build()));
        assertThatThrownBy(() -> new KindModel(all)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gadget");
    }

    @Test
    void twoBehavioursForOneKindStopTheStart() {
        List<KindSupport> all = everyKind();
        all.add(new Plain(MemoKind.KIND));
        assertThatThrownBy(() -> new KindModel(all)).isInstanceOf(IllegalStateException.class);
    }
}
