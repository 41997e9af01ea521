package dev.crm.shared.kind;

import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.access.Permissions.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of object, declared once in the kind's own package ({@code MemoKind}, {@code TaskKind}, …) and listed
 * in {@link Kinds}: its name (as the object index, the API's {@code kind} field and the permission matrix spell
 * it), its path ({@code /api/memos}, {@code /memos}), its own fields, its row of the permission matrix, and its
 * traits. Everything that used to ask "which kind is this?" asks its declaration instead.
 *
 * @param follows      for a kind whose rights follow another object (files), what they follow; else null
 * @param pages        whether it has pages of its own ({@code /memos/42}); else its history page shows it
 * @param acceptsFiles whether files can be attached to its objects
 * @param listPath     the page that lists its objects ({@code /memos}, {@code /admin/departments}), or null
 * @param titledBy     the fields whose values, joined by a space, are an object's title (its name)
 * @param byName       whether it is a kind of fields by name ({@code FieldsEvents}): a row of {@code <name>_view}
 *                     with a column per field, owner and department, its rights the matrix alone; the shared
 *                     aggregate base, projection, queries, service and pages serve it
 * @param coOwnedBy    for a kind of fields by name, its field ({@link FieldType#USER}) naming a co-owner, who has the
 *                     owner's rights wherever the matrix says "own" (and "dept": as one's own objects); else null
 */
public record Kind(String name, String path, List<Field> fields, Map<Role, Map<Action, Scope>> grants, String follows,
                   boolean pages, boolean acceptsFiles, String listPath, List<Field> titledBy, boolean byName,
                   Field coOwnedBy) {

    public Kind {
        fields = List.copyOf(fields);
        titledBy = List.copyOf(titledBy);
        Map<Role, Map<Action, Scope>> copy = new EnumMap<>(Role.class);
        grants.forEach((role, actions) -> copy.put(role, Collections.unmodifiableMap(new EnumMap<>(actions))));
        grants = Collections.unmodifiableMap(copy);
    }

    public static Builder named(String name, String path) {
        return new Builder(name, path);
    }

    /** Its own field of that name, or one every object has. */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.is(fieldName)).findFirst()
                .or(() -> ObjectFields.ALL.stream().filter(f -> f.is(fieldName)).findFirst());
    }

    /** Its own field of that name, or none (the fields every object has are not its own). */
    public Optional<Field> ownField(String fieldName) {
        return fields.stream().filter(f -> f.is(fieldName)).findFirst();
    }

    /**
     * The history entries of a creation whose own fields' values are given by field name (absent or null: no
     * value), in the order the kind declares its fields: for events that carry their fields by name.
     */
    public List<dev.crm.shared.FieldChange> set(Map<String, String> values) {
        List<dev.crm.shared.FieldChange> changes = new ArrayList<>();
        for (Field field : fields) {
            String value = values.get(field.name());
            if (value != null) {
                changes.add(field.set(value));
            }
        }
        return changes;
    }

    /** An object's title from its fields' values by name: its {@code titledBy} values joined by a space. */
    public String title(Map<String, String> values) {
        return titledBy.stream().map(f -> values.get(f.name())).filter(v -> v != null && !v.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Its co-owner's field ({@link Builder#coOwnedBy}), if it has one. */
    public Optional<Field> coOwner() {
        return Optional.ofNullable(coOwnedBy);
    }

    /** The reference to the object that holds this kind's objects ({@link Field#holder()}), if it has one. */
    public Optional<Field> holder() {
        return fields.stream().filter(f -> f.trait() == Field.Trait.HOLDER).findFirst();
    }

    /** The message key of the field's label (its own, or {@code field.<name>} for a field it does not declare). */
    public String label(String fieldName) {
        return field(fieldName).map(Field::label).orElse("field." + fieldName);
    }

    /** The message key of its list page's name in the menu ({@code nav.memos}, {@code nav.admin.departments}). */
    public String listLabel() {
        return listPath == null ? null : "nav" + listPath.replace('/', '.');
    }

    /** How far one role reaches for an action on this kind (admins are not in a row: they reach everything). */
    public Scope scope(Role role, Action action) {
        return grants.getOrDefault(role, Map.of()).getOrDefault(action, Scope.NONE);
    }

    public static final class Builder {
        private final String name;
        private final String path;
        private final List<Field> fields = new ArrayList<>();
        private final Map<Role, Map<Action, Scope>> grants = new EnumMap<>(Role.class);
        private String follows;
        private boolean pages;
        private boolean acceptsFiles;
        private String listPath;
        private final List<Field> titledBy = new ArrayList<>();
        private boolean byName;
        private Field coOwnedBy;

        private Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        public Builder fields(Field... declared) {
            fields.addAll(List.of(declared));
            return this;
        }

        /** A cell of the permission matrix: the actions ({@code "acdv"}: add, change, delete, view) the role has. */
        public Builder grant(Role role, String letters, Scope scope) {
            Map<Action, Scope> actions = grants.computeIfAbsent(role, r -> new EnumMap<>(Action.class));
            for (Action action : Action.values()) {
                if (letters.indexOf(action.letter()) >= 0) {
                    actions.put(action, scope);
                }
            }
            return this;
        }

        /** The same cell for several roles. */
        public Builder grant(List<Role> roles, String letters, Scope scope) {
            roles.forEach(r -> grant(r, letters, scope));
            return this;
        }

        public Builder follows(String what) {
            this.follows = what;
            return this;
        }

        /** It has pages of its own, under {@code /<path>}, the list at {@code /<path>}. */
        public Builder pages() {
            this.pages = true;
            this.listPath = "/" + path;
            return this;
        }

        /** Its objects are listed on that page (when it has no pages of its own). */
        public Builder listedAt(String page) {
            this.listPath = page;
            return this;
        }

        public Builder acceptsFiles() {
            this.acceptsFiles = true;
            return this;
        }

        /** Its objects are titled by these fields (joined by a space); default: its first {@code NAME} field. */
        public Builder titled(Field... parts) {
            titledBy.addAll(List.of(parts));
            return this;
        }

        /** It is a kind of fields by name, served by the shared code for such kinds (see {@link Kind#byName}). */
        public Builder byName() {
            this.byName = true;
            return this;
        }

        /**
         * Its objects have a co-owner, named by this field (a user): they have the owner's rights over the object
         * wherever the matrix grants "own" or "dept" (the shared rights check, list and search visibility).
         */
        public Builder coOwnedBy(Field coOwner) {
            if (coOwner.type() != FieldType.USER) {
                throw new IllegalArgumentException("a co-owner is a user: " + coOwner.name());
            }
            this.coOwnedBy = coOwner;
            return this;
        }

        public Kind build() {
            if (titledBy.isEmpty()) {
                fields.stream().filter(f -> f.type() == FieldType.NAME).findFirst().ifPresent(titledBy::add);
            }
            return new Kind(name, path, fields, grants, follows, pages, acceptsFiles, listPath, titledBy, byName, coOwnedBy);
        }
    }
}
