--  Changeset create_table.xml::defaults::t
CREATE TABLE party (id INT AUTO_INCREMENT NOT NULL, name VARCHAR(64) DEFAULT 'o''neil' NOT NULL COMMENT 'legal name', score INT DEFAULT 42 NULL, ratio DOUBLE DEFAULT -0.5 NULL, enabled TINYINT(1) DEFAULT 0 NULL, born date DEFAULT '2020-02-29' NULL, seen datetime DEFAULT '2021-03-04 05:06:07' NULL, upd timestamp DEFAULT NOW() NULL, expr INT DEFAULT 1 + 2 NULL, `key` CHAR(2) NULL, CONSTRAINT PK_PARTY PRIMARY KEY (id), CONSTRAINT uq_party_name UNIQUE (name)) COMMENT='it''s a party';

--  Changeset create_table.xml::composite-pk-and-fks::t
CREATE TABLE membership (party_id BIGINT NOT NULL, group_id INT NOT NULL, note NVARCHAR(100) NULL, CONSTRAINT pk_membership PRIMARY KEY (party_id, group_id), CONSTRAINT fk_mem_party2 FOREIGN KEY (group_id) REFERENCES party(id), CONSTRAINT fk_mem_party FOREIGN KEY (party_id) REFERENCES party(id) ON DELETE CASCADE, UNIQUE (note));

--  Changeset create_table.xml::reserved-and-mixed-case::t
CREATE TABLE `order` (user VARCHAR(10) NULL, MixedCase INT NULL, UPPER_ONLY INT NULL, `select` INT NULL, `group` TEXT NULL);

--  Changeset create_table.xml::schema-qualified::t
CREATE TABLE app.audit (id UUID NOT NULL, amount DECIMAL NULL, payload VARCHAR(50) NULL, CONSTRAINT PK_AUDIT PRIMARY KEY (id));

--  Changeset create_table.xml::rename-and-drop::t
ALTER TABLE membership RENAME member_of;

DROP TABLE member_of;

DROP TABLE app.audit;

