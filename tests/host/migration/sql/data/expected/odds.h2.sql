-- Changeset odds.xml::computed-index::t
CREATE INDEX PUBLIC.ix_note_lower ON PUBLIC.note(lower(body));

-- Changeset odds.xml::latin1-file::t
INSERT INTO note VALUES (1, 'café');

