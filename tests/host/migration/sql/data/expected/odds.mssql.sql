-- Changeset odds.xml::computed-index::t
CREATE NONCLUSTERED INDEX ix_note_lower ON note(lower(body));
GO

-- Changeset odds.xml::latin1-file::t
INSERT INTO note VALUES (1, 'café');
GO

