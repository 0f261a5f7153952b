-- Tables whose SQLite rebuild capture.sh asks Liquibase for (tables.expected). Each shape tests a
-- rule of how Liquibase reads a live table; sqlite_rebuild.cpp names the rules.

-- As Liquibase's own createTable leaves them (features.yaml, lifecycle.xml, golden changelog).
CREATE TABLE entry (id INTEGER NOT NULL, amount BIGINT DEFAULT 0, settled BOOLEAN DEFAULT 0, ref VARCHAR(64), CONSTRAINT PK_ENTRY PRIMARY KEY (id), UNIQUE (ref));
CREATE INDEX idx_entry_ref ON entry(ref);
CREATE TABLE account (id BIGINT NOT NULL, owner VARCHAR(64) NOT NULL, balance DECIMAL(19, 2) DEFAULT 0, active BOOLEAN DEFAULT 1, CONSTRAINT pk_account PRIMARY KEY (id), CONSTRAINT uq_account_owner UNIQUE (owner));
CREATE TABLE ledger (id BIGINT NOT NULL, account_id BIGINT NOT NULL, memo VARCHAR(100), CONSTRAINT PK_LEDGER PRIMARY KEY (id), CONSTRAINT fk_ledger_account FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE);
CREATE INDEX ix_ledger_account ON ledger(account_id);
CREATE TABLE node (id INTEGER CONSTRAINT pk_node PRIMARY KEY AUTOINCREMENT NOT NULL, name NVARCHAR(255) NOT NULL, active BOOLEAN DEFAULT 1, created TEXT DEFAULT CURRENT_TIMESTAMP, payload BLOB, notes TEXT, weight DECIMAL(10, 2) DEFAULT 1.5, UNIQUE (name));
CREATE TABLE party (id INTEGER NOT NULL, x500_name VARCHAR(120) NOT NULL, active BOOLEAN DEFAULT 1, created TEXT DEFAULT CURRENT_TIMESTAMP, weight DECIMAL(10,2) DEFAULT 1.50, CONSTRAINT pk_party PRIMARY KEY (id), CONSTRAINT uq_party_name UNIQUE (x500_name));
CREATE UNIQUE INDEX uidx_party_created ON party(created);
CREATE TABLE movement (id INTEGER NOT NULL, account_id INTEGER, amount BIGINT NOT NULL, memo VARCHAR(200), CONSTRAINT PK_MOVEMENT PRIMARY KEY (id));

-- Primary keys: named, unnamed, inline, composite (declared out of column order), auto-increment,
-- a key naming its column in another case.
CREATE TABLE pk_named (id INTEGER NOT NULL, CONSTRAINT pk_custom PRIMARY KEY (id));
CREATE TABLE pk_inline_named (id BIGINT CONSTRAINT pk_inline PRIMARY KEY, v INT);
CREATE TABLE pk_inline (id INTEGER PRIMARY KEY, v INT);
CREATE TABLE pk_composite (a INT, b INT, v INT, CONSTRAINT PK_X PRIMARY KEY (b, a));
CREATE TABLE pk_autoincrement (id INTEGER CONSTRAINT pk_pk5 PRIMARY KEY AUTOINCREMENT NOT NULL, v INT);
CREATE TABLE pk_plain_autoincrement (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT DEFAULT 'x');
CREATE TABLE pk_case (id INTEGER NOT NULL, v INT, CONSTRAINT pkc PRIMARY KEY (ID));
CREATE TABLE pk_none (a INT, b TEXT);
CREATE TABLE pk_quoted ("Key" INTEGER NOT NULL, "select" INT, "with space" VARCHAR(5), CONSTRAINT "PK Quoted" PRIMARY KEY ("Key"));
CREATE TABLE composite_autoincrement_word (a INT NOT NULL, b INT NOT NULL, note TEXT DEFAULT 'autoincrement', CONSTRAINT pk_caw PRIMARY KEY (a, b));

-- Foreign keys: named (cascade, set null and update actions, deferrable, no referenced column),
-- several columns, inline without a name, to a table named in another case.
CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10), CONSTRAINT PK_PARENT PRIMARY KEY (id));
CREATE TABLE child (id INTEGER NOT NULL, p1 INTEGER, p2 INTEGER, p3 INTEGER, p4 INTEGER, CONSTRAINT PK_CHILD PRIMARY KEY (id),
  CONSTRAINT fk_one FOREIGN KEY (p1) REFERENCES parent(id) ON DELETE CASCADE,
  CONSTRAINT fk_two FOREIGN KEY (p2) REFERENCES parent(id) ON UPDATE CASCADE ON DELETE SET NULL,
  CONSTRAINT FK_Three FOREIGN KEY (p3) REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT fk_four FOREIGN KEY (p4) REFERENCES parent);
CREATE TABLE pair (a INT NOT NULL, b INT NOT NULL, CONSTRAINT PK_PAIR PRIMARY KEY (a, b));
CREATE TABLE pair_child (id INT, a INT, b INT, CONSTRAINT fk_pair FOREIGN KEY (a, b) REFERENCES pair(a, b));
CREATE TABLE unnamed_fk (id INT, parent_id INTEGER REFERENCES parent(id));
CREATE TABLE other_case_fk (id INT, pid INTEGER, CONSTRAINT fk_case FOREIGN KEY (pid) REFERENCES PARENT(ID));

-- Indexes: several on the same columns, unique, descending, partial, on an expression, mixed case.
CREATE TABLE idx (id INTEGER NOT NULL, a INT, b VARCHAR(3), c INT, d INT, CONSTRAINT PK_IDX PRIMARY KEY (id), UNIQUE (c));
CREATE INDEX zz_idx ON idx(a);
CREATE INDEX aa_idx ON idx(b, a);
CREATE UNIQUE INDEX mm_idx ON idx(d DESC);
CREATE INDEX ix_part ON idx(a) WHERE a > 0;
CREATE INDEX ix_expr ON idx(lower(b));
CREATE INDEX IX_Upper ON idx(c);
CREATE TABLE many (id INTEGER NOT NULL, pid INTEGER, qid INTEGER, x INT, y INT, z INT, CONSTRAINT PK_MANY PRIMARY KEY (id), CONSTRAINT fk_many_parent FOREIGN KEY (pid) REFERENCES parent(id));
CREATE INDEX ix_many_pid ON many(pid);
CREATE INDEX ix_many_id ON many(id);
CREATE INDEX ix_many_qid ON many(qid);
CREATE INDEX ix_many_x ON many(x);
CREATE INDEX ix_many_yz ON many(y, z);
CREATE UNIQUE INDEX ux_many_z ON many(z);
CREATE INDEX a1 ON many(x, y);
CREATE INDEX b2 ON many(z, x);
CREATE INDEX c3 ON many(y);
CREATE TABLE pk_index (a INT NOT NULL, b INT NOT NULL, CONSTRAINT PK_PK_INDEX PRIMARY KEY (a, b));
CREATE INDEX ix_pk_index_ab ON pk_index(a, b);
CREATE INDEX ix_pk_index_b ON pk_index(b);

-- What the snapshot does not see: generated columns, WITHOUT ROWID, CHECK, COLLATE, types and
-- defaults as declared by hand.
CREATE TABLE generated (a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL);
CREATE TABLE without_rowid (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE checked (id INT, v INT CHECK (v > 0), CONSTRAINT c1 CHECK (id > 0));
CREATE TABLE collated (id INT, v TEXT COLLATE NOCASE);
CREATE TABLE typed (id INTEGER NOT NULL, c_int INT, c_bigint BIGINT(20), c_varchar varchar(7), c_nvarchar NVARCHAR(30) NOT NULL,
  c_char CHAR(3) DEFAULT 'EUR', c_clob CLOB, c_blob BLOB(16), c_bit BIT, c_decimal DECIMAL(19,2) DEFAULT 0.00, c_numeric NUMERIC(5),
  c_double DOUBLE DEFAULT 2.5, c_real REAL, c_date DATE DEFAULT '2024-01-02', c_datetime DATETIME DEFAULT CURRENT_TIMESTAMP,
  c_time TIME, c_uuid UUID, c_none, c_unsigned BIGINT UNSIGNED, c_serial SERIAL, c_quote VARCHAR(10) DEFAULT 'it''s',
  c_expr INT DEFAULT (1 + 2), CONSTRAINT PK_TYPED PRIMARY KEY (id));
CREATE TABLE with_timestamp (id INT, at TIMESTAMP);
CREATE TABLE "Mixed" ("Id" INTEGER NOT NULL, "select" INT, "with space" INT, CONSTRAINT PK_MIXED PRIMARY KEY ("Id"));
