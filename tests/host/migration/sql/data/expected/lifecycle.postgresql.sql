-- Changeset lifecycle.xml::tables::t
CREATE TABLE account (id BIGINT NOT NULL, owner VARCHAR(64) NOT NULL, balance DECIMAL(19, 2) DEFAULT 0, active BOOLEAN DEFAULT TRUE, CONSTRAINT pk_account PRIMARY KEY (id), CONSTRAINT uq_account_owner UNIQUE (owner));

CREATE TABLE entry (id BIGINT NOT NULL, account_id BIGINT NOT NULL, memo VARCHAR(100), CONSTRAINT entry_pkey PRIMARY KEY (id), CONSTRAINT fk_entry_account FOREIGN KEY (account_id) REFERENCES account(id));

CREATE INDEX ix_entry_account ON entry(account_id);

-- Changeset lifecycle.xml::data::t
INSERT INTO account (id, owner) VALUES (1, 'o''brien');

INSERT INTO account (id, owner, active) VALUES (2, 'smith', FALSE);

INSERT INTO entry (id, account_id, memo) VALUES (10, 1, 'first');

INSERT INTO entry (id, account_id, memo) VALUES (11, 2, 'gone');

UPDATE account SET balance = 12.50 WHERE owner = 'o''brien';

DELETE FROM entry WHERE memo = 'gone';

-- Changeset lifecycle.xml::evolve::t
ALTER TABLE account ADD currency CHAR(3);

UPDATE account SET currency = 'EUR';

ALTER TABLE entry RENAME COLUMN memo TO note;

ALTER TABLE entry RENAME TO ledger_entry;

CREATE VIEW v_balance AS SELECT owner, balance FROM account;

INSERT INTO ledger_entry (id, account_id, note) VALUES (12, 1, 'a;b');

-- comment
INSERT INTO ledger_entry (id, account_id, note) VALUES (13, 1, 'second');

-- Changeset lifecycle.xml::tag::t
-- Changeset lifecycle.xml::constraints::t
CREATE TABLE audit (id INTEGER, account_id BIGINT, code VARCHAR(8));

ALTER TABLE audit ADD CONSTRAINT pk_audit PRIMARY KEY (id);

ALTER TABLE audit ADD CONSTRAINT fk_audit_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE;

ALTER TABLE audit ADD CONSTRAINT uq_audit_code UNIQUE (code);

UPDATE audit SET code = 'none' WHERE code IS NULL;

ALTER TABLE audit ALTER COLUMN  code SET NOT NULL;

ALTER TABLE audit ALTER COLUMN  code DROP NOT NULL;

ALTER TABLE audit ALTER COLUMN  code SET DEFAULT 'new';

ALTER TABLE audit ALTER COLUMN code DROP DEFAULT;

CREATE SEQUENCE  IF NOT EXISTS seq_audit START WITH 100;

ALTER TABLE account DROP COLUMN active;

-- Changeset lifecycle.xml::cleanup::t
DROP VIEW v_balance;

DROP INDEX ix_entry_account;

