--  Changeset odds.xml::computed-index::t
CREATE INDEX ix_note_lower ON note(lower(body));

--  Changeset odds.xml::latin1-file::t
INSERT INTO note VALUES (1, 'café');

