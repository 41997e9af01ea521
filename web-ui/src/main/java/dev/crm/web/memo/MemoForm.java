package dev.crm.web.memo;

import dev.crm.query.memo.MemoView;

/** What the memo form holds: on a new memo, on an edit (with the version it rendered), on a re-render. */
class MemoForm {

    private String title = "";
    private String to = "";
    private String description = "";
    /** New memo: keep it as a draft. */
    private boolean draft;
    /** Editing a draft: send it now. */
    private boolean send;
    private Long version;
    /** The deal it is a part of (given on a new memo, kept as it is by an edit), or null. */
    private Long deal;

    static MemoForm of(MemoView memo) {
        MemoForm form = new MemoForm();
        form.title = memo.title();
        form.to = memo.to() == null ? "" : memo.to();
        form.description = memo.description() == null ? "" : memo.description();
        form.draft = memo.draft();
        form.version = memo.version();
        form.deal = memo.deal();
        return form;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isDraft() {
        return draft;
    }

    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public boolean isSend() {
        return send;
    }

    public void setSend(boolean send) {
        this.send = send;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getDeal() {
        return deal;
    }

    public void setDeal(Long deal) {
        this.deal = deal;
    }
}
