package dev.crm.web.memo;

import dev.crm.query.memo.MemoView;
import dev.crm.shared.memo.MemoStage;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A memo in the API: the fields of api.md plus the common ones of domain.md. */
@Schema(name = "Memo", description = "An office memo")
record MemoJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "memo") String kind,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                long version,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                @Schema(description = "The recipient's username; null for a draft without one") String to,
                String description,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Not sent yet") boolean draft,
                @Choices(MemoStage.class) @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Changed by the actions review and postpone") String stage,
                @Schema(description = "The reviewer's conclusion") String conclusion,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The author's username") String owner,
                @Schema(description = "The author's department's ID") Long department,
                @Schema(description = "The deal it is a part of (its ID): deleted and restored with it; null when "
                        + "none") Long deal,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static MemoJson of(MemoView m) {
        return new MemoJson(m.id(), "memo", m.version(), m.title(), m.to(), m.description(), m.draft(),
                m.stage().apiName(), m.conclusion(), m.owner(), m.department(), m.deal(), m.createdAt(), m.updatedAt());
    }

    /** What a create or change sends; a change sends only the fields it changes, null clears a text. */
    @Schema(name = "MemoInput", description = "A memo's own fields: on create, title is required (and 'to' unless it "
            + "is a draft); a change sends only what it changes: null clears 'to', 'description' or 'deal' and leaves the "
            + "others as they are")
    record Input(@Schema(maxLength = dev.crm.shared.kind.Limits.TITLE) String title,
                 @Schema(nullable = true, description = "The recipient's username") String to,
                 @Schema(nullable = true) String description,
                 @Schema(description = "true: kept as a draft, not sent; false (or absent) sends it") Boolean draft,
                 @Schema(nullable = true, description = "The ID of a deal the author may see, which the memo becomes a "
                         + "part of (deleted and restored with it); another ID is refused as unknown (422)") Long deal) {
    }

    @Schema(name = "MemoReview", description = "The reviewer's conclusion, optional")
    record Review(@Schema(nullable = true) String conclusion) {
    }
}
