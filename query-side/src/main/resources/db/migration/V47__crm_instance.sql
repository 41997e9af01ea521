-- The instances of the CRM working on this database (issue 17; docs/scaling.md): each one's row, refreshed every few
-- seconds (InstanceHeartbeat), says it is alive, so that the instances can share the streaming processors' segments
-- fairly (SegmentBalancer). Not a read model: a rebuild neither replays nor empties it. name is the instance's name,
-- which is also the owner of its claims in tokenentry; incarnation tells two processes that were given one name apart.
CREATE TABLE crm_instance (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    incarnation VARCHAR(36)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crm_instance_seen ON crm_instance (seen_at);
