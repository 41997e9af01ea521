-- Issue 15: events of one object that belong to other objects' histories too (a campaign's message to a recipient,
-- dev.crm.shared.kind.Mentions): which object's stream (source_id) names which object. A read model (ObjectMentions):
-- the history reads the named object's own stream and these streams' events that name it.
CREATE TABLE object_mention (
    object_id BIGINT NOT NULL,
    source_id BIGINT NOT NULL,
    PRIMARY KEY (object_id, source_id)
);
