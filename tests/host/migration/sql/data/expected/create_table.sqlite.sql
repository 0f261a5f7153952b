-- Changeset create_table.xml::defaults::t
CREATE TABLE party (id INTEGER CONSTRAINT PK_PARTY PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(64) DEFAULT 'o''neil' NOT NULL, score INTEGER DEFAULT 42, ratio DOUBLE DEFAULT -0.5, enabled BOOLEAN DEFAULT 0, born date DEFAULT '2020-02-29', seen TEXT DEFAULT '2021-03-04 05:06:07', upd TEXT DEFAULT CURRENT_TIMESTAMP, expr INTEGER DEFAULT 1 + 2, key CHAR(2), CONSTRAINT uq_party_name UNIQUE (name));

-- Changeset create_table.xml::identity-start-increment::t
CREATE TABLE counter (id INTEGER CONSTRAINT pk_counter PRIMARY KEY AUTOINCREMENT NOT NULL);

-- Changeset create_table.xml::composite-pk-and-fks::t
CREATE TABLE membership (party_id BIGINT NOT NULL, group_id INTEGER NOT NULL, note NVARCHAR(100), CONSTRAINT pk_membership PRIMARY KEY (party_id, group_id), CONSTRAINT fk_mem_party2 FOREIGN KEY (group_id) REFERENCES party(id), CONSTRAINT fk_mem_party FOREIGN KEY (party_id) REFERENCES party(id) ON DELETE CASCADE, UNIQUE (note));

-- Changeset create_table.xml::reserved-and-mixed-case::t
CREATE TABLE order (user VARCHAR(10), MixedCase INTEGER, UPPER_ONLY INTEGER, select INTEGER, group TEXT);

-- Changeset create_table.xml::schema-qualified::t
CREATE TABLE app.audit (id TEXT NOT NULL, amount REAL, payload VARCHAR(50), CONSTRAINT PK_AUDIT PRIMARY KEY (id));

-- Changeset create_table.xml::rename-and-drop::t
ALTER TABLE membership RENAME TO member_of;

DROP TABLE member_of;

DROP TABLE app.audit;

