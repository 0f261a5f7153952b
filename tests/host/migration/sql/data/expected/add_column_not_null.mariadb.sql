--  Changeset add_column_not_null.xml::not-null-values::t
ALTER TABLE party ADD code VARCHAR(8) NULL, ADD `rank` INT DEFAULT 1 NULL, ADD note VARCHAR(20) NOT NULL, ADD flag TINYINT(1) DEFAULT 0 NULL;

UPDATE party SET code = 'none';

UPDATE party SET `rank` = 3;

UPDATE party SET flag = 1;

ALTER TABLE party MODIFY code VARCHAR(8) NOT NULL;

ALTER TABLE party MODIFY `rank` INT NOT NULL;

ALTER TABLE party ALTER `rank` SET DEFAULT 1;

ALTER TABLE party MODIFY flag TINYINT(1) NOT NULL;

ALTER TABLE party ALTER flag SET DEFAULT 0;

