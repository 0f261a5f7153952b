-- Changeset columns.xml::drop-column::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
ALTER TABLE party RENAME TO party_temporary;

CREATE TABLE party ();

DROP TABLE party_temporary;

REINDEX party;

-- Changeset columns.xml::rename::t
ALTER TABLE party RENAME COLUMN code TO short_code;

