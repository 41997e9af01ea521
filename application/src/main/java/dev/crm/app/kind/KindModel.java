package dev.crm.app.kind;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every kind of object with its behaviour: the declarations of {@link Kinds} joined with each kind's
 * {@link KindSupport}. It refuses to start when a declared kind has no support or a support no declaration, so a
 * half-added kind fails at once, not on the first request that meets one of its objects.
 */
@Component
public class KindModel {

    private final Map<String, KindSupport> supports = new LinkedHashMap<>();

    public KindModel(List<KindSupport> all) {
        for (Kind kind : Kinds.ALL) {
            List<KindSupport> matching = all.stream().filter(s -> s.kind().equals(kind)).toList();
            if (matching.size() != 1) {
                throw new IllegalStateException("kind " + kind.name() + " needs exactly one KindSupport, has "
                        + matching.size());
            }
            supports.put(kind.name(), matching.get(0));
        }
        all.stream().filter(s -> !Kinds.ALL.contains(s.kind())).findFirst().ifPresent(s -> {
            throw new IllegalStateException("KindSupport for an undeclared kind: " + s.kind().name()
                    + " (add it to Kinds.ALL)");
        });
    }

    /** The support of the kind with that name (as the object index stores it). */
    public KindSupport of(String kind) {
        KindSupport support = supports.get(kind);
        if (support == null) {
            throw new IllegalArgumentException("no such kind: " + kind);
        }
        return support;
    }

    public Optional<Kind> named(String kind) {
        return Optional.ofNullable(supports.get(kind)).map(KindSupport::kind);
    }

    /** The kinds with pages of their own, in the order of {@link Kinds#ALL}. */
    public List<Kind> withPages() {
        return supports.values().stream().map(KindSupport::kind).filter(Kind::pages).toList();
    }

    public List<Kind> all() {
        return supports.values().stream().map(KindSupport::kind).toList();
    }
}
