-- Changeset sqlite_offline.xml::sequences::t
-- Changeset sqlite_offline.xml::drop-pk::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
ALTER TABLE party RENAME TO party_temporary;

CREATE TABLE party ();

DROP TABLE party_temporary;

REINDEX party;

