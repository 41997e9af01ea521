package dev.crm.web.memo;

import dev.crm.query.memo.MemoView;
import java.time.Instant;

/** A memo in the API: the fields of api.md plus the common ones of domain.md. */
record MemoJson(long id, String kind, long version, String title, String to, String description, boolean draft,
                String stage, String conclusion, String owner, Long department, Instant createdAt,
                Instant updatedAt) {

    static MemoJson of(MemoView m) {
        return new MemoJson(m.id(), "memo", m.version(), m.title(), m.to(), m.description(), m.draft(),
                m.stage().apiName(), m.conclusion(), m.owner(), m.department(), m.createdAt(), m.updatedAt());
    }
}
