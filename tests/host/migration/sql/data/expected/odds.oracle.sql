-- Changeset odds.xml::computed-index::t
CREATE INDEX ix_note_lower ON note(lower(body));

-- Changeset odds.xml::tablespace::t
CREATE TABLE spaced (id INTEGER) TABLESPACE fast;

CREATE INDEX ix_spaced ON spaced(id) TABLESPACE fast;

-- Changeset odds.xml::deferrable-unique::t
ALTER TABLE note ADD CONSTRAINT uq_note_body UNIQUE (body) DEFERRABLE INITIALLY DEFERRED;

-- Changeset odds.xml::latin1-file::t
INSERT INTO note VALUES (1, 'café');

