-- User activity, not a read model: the objects each user opened (their show page, also after changing one) most
-- recently, the home page's "recently opened or changed". No event records an open, so a rebuild neither replays
-- nor empties it; RecentObjects keeps the last 50 per user.
CREATE TABLE recent_object (
    username  VARCHAR(40) NOT NULL,
    object_id BIGINT      NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, object_id)
);
CREATE INDEX recent_object_seen ON recent_object (username, seen_at);
