-- Changeset add_column_not_null.xml::not-null-values::t
ALTER TABLE party ADD code VARCHAR2(8);

ALTER TABLE party ADD rank INTEGER DEFAULT 1;

ALTER TABLE party ADD note VARCHAR2(20) NOT NULL;

ALTER TABLE party ADD flag BOOLEAN DEFAULT 0;

UPDATE party SET code = 'none';

UPDATE party SET rank = 3;

UPDATE party SET flag = 1;

ALTER TABLE party MODIFY code NOT NULL;

ALTER TABLE party MODIFY rank NOT NULL;

ALTER TABLE party MODIFY flag NOT NULL;

