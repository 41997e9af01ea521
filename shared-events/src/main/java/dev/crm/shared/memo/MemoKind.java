package dev.crm.shared.memo;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.RULES;

import dev.crm.shared.Role;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import java.util.List;

/** Office memos: a note to a colleague (or a draft), reviewed by its recipient. */
public final class MemoKind {

    public static final String NAME = "memo";

    public static final Field TITLE = Field.of("title", FieldType.NAME);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    public static final Field TO = Field.of("to", FieldType.USER);
    public static final Field DRAFT = Field.of("draft", FieldType.FLAG);
    public static final Field CONCLUSION = Field.of("conclusion", FieldType.TEXT);
    /**
     * The deal it is about (its ID), or none: a memo of a deal is a part of it (deleted with it, restored only after
     * it); its author must be able to see the deal.
     */
    public static final Field DEAL = Field.of(DealKind.NAME, FieldType.REFERENCE).partOf();

    /** Everyone by the rules; chiefs and task operators change, delete and view all but drafts. */
    public static final Kind KIND = Kind.named(NAME, "memos").fields(TITLE, DESCRIPTION, TO, DRAFT, CONCLUSION, DEAL)
            .grant(List.of(Role.CO_WORKER, Role.MANAGER, Role.OPERATOR, Role.ACCOUNTANT), "acdv", RULES)
            .grant(List.of(Role.CHIEF, Role.TASK_OPERATOR), "cdv", ALL)
            .pages().acceptsFiles().build();

    private MemoKind() {
    }
}
