-- Changeset add_column_not_null.xml::not-null-values::t
ALTER TABLE party ADD code VARCHAR(8);

ALTER TABLE party ADD rank INTEGER DEFAULT 1;

ALTER TABLE party ADD note VARCHAR(20) NOT NULL;

ALTER TABLE party ADD flag BOOLEAN DEFAULT FALSE;

UPDATE party SET code = 'none';

UPDATE party SET rank = 3;

UPDATE party SET flag = TRUE;

ALTER TABLE party ALTER COLUMN  code SET NOT NULL;

ALTER TABLE party ALTER COLUMN  rank SET NOT NULL;

ALTER TABLE party ALTER COLUMN  flag SET NOT NULL;

