-- Changeset constraints.xml::not-null::t
UPDATE party SET name = 'unknown' WHERE name IS NULL;

ALTER TABLE party MODIFY name NOT NULL;

UPDATE party SET score = '0' WHERE score IS NULL;

ALTER TABLE party MODIFY score NOT NULL;

ALTER TABLE party MODIFY name NULL;

-- Changeset constraints.xml::defaults::t
ALTER TABLE party MODIFY name DEFAULT 'a''b';

ALTER TABLE party MODIFY score DEFAULT 3;

ALTER TABLE party MODIFY enabled DEFAULT 1;

ALTER TABLE party MODIFY upd DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE party MODIFY born DEFAULT TO_DATE('2000-01-01', 'YYYY-MM-DD');

ALTER TABLE party MODIFY name DEFAULT NULL;

-- Changeset constraints.xml::keys::t
ALTER TABLE party ADD CONSTRAINT pk_party2 PRIMARY KEY (id, name);

ALTER TABLE party DROP PRIMARY KEY DROP INDEX;

ALTER TABLE party ADD CONSTRAINT uq_name_score UNIQUE (name, score);

ALTER TABLE party DROP CONSTRAINT uq_name_score DROP INDEX;

-- Changeset constraints.xml::foreign-keys::t
ALTER TABLE child ADD CONSTRAINT fk_child_party FOREIGN KEY (party_id) REFERENCES party (id) ON DELETE SET NULL;

ALTER TABLE child DROP CONSTRAINT fk_child_party;

-- Changeset constraints.xml::deferrable-foreign-key::t
ALTER TABLE child ADD CONSTRAINT fk_child_ab FOREIGN KEY (a, b) REFERENCES party (x, y) DEFERRABLE INITIALLY DEFERRED;

-- Changeset constraints.xml::default-value-sqlite::t
ALTER TABLE app.party MODIFY note DEFAULT 'n';

