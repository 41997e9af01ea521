-- Issue 15: campaigns that run. The campaign's new fields (CampaignKind): its total frozen at the launch, why and
-- until when it waits (or why its sender paused it), when it started and ended.
ALTER TABLE campaign_view ADD COLUMN total NUMERIC(14,0);
ALTER TABLE campaign_view ADD COLUMN reason VARCHAR(1000);
ALTER TABLE campaign_view ADD COLUMN until TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_view ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_view ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;

-- One row per campaign and recipient, written and committed by the campaign's sender (CampaignSender) BEFORE it talks
-- to the mail server: its primary key is what makes two instances never send one recipient twice. Its outcome is set
-- in the transaction that records the recipient's event (sent, failed, skipped); a row without an outcome is a send
-- under way, or, once older than crm.mail.stale-after, one whose outcome is unknown (the process died mid-send): never
-- sent again, recorded as failed (docs/reliability.md, "Campaigns: what exactly once rests on"). A row whose server
-- was not reachable is deleted again (nothing was sent), so the recipient is tried later. Not a read model: a rebuild
-- leaves it alone.
CREATE TABLE campaign_delivery (
    campaign_id    BIGINT                   NOT NULL,
    recipient_kind VARCHAR(40)              NOT NULL,
    recipient_id   BIGINT                   NOT NULL,
    address        VARCHAR(1000),
    message_id     VARCHAR(1000),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- sent, failed, skipped, unknown; null while a send is under way
    outcome        VARCHAR(20),
    reason         VARCHAR(1000),
    PRIMARY KEY (campaign_id, recipient_kind, recipient_id)
);
CREATE INDEX campaign_delivery_open ON campaign_delivery (outcome, started_at);
CREATE INDEX campaign_delivery_recipient ON campaign_delivery (recipient_id);

-- The pace of each mail account across all instances: how many campaign messages it sent on pace_day (cut in the business
-- hours' zone, else UTC), and when it may send the next one (its intervalSeconds after the last). Claimed by one
-- conditional UPDATE per message. Not a read model.
CREATE TABLE mail_account_pace (
    account      BIGINT                   NOT NULL PRIMARY KEY,
    pace_day     DATE                     NOT NULL,
    sent_today   INTEGER                  NOT NULL DEFAULT 0,
    next_send_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Up to Limits.RECIPIENTS (1000) recipients of each kind, each ID up to 19 digits and a comma.
ALTER TABLE campaign_view ALTER COLUMN contacts SET DATA TYPE VARCHAR(20000);
ALTER TABLE campaign_view ALTER COLUMN leads SET DATA TYPE VARCHAR(20000);
ALTER TABLE campaign_view ALTER COLUMN companies SET DATA TYPE VARCHAR(20000);
