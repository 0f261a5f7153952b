-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-3::R3.Corda
CREATE TABLE cp_states (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, ccy_code VARCHAR(3), face_value BIGINT, face_value_issuer_key_hash VARCHAR(130), face_value_issuer_ref BYTEA, issuance_key_hash VARCHAR(130), issuance_ref BYTEA, maturity_instant TIMESTAMP WITHOUT TIME ZONE, owner_key_hash VARCHAR(130));

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-29::R3.Corda
ALTER TABLE cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-52::R3.Corda
CREATE INDEX ccy_code_index ON cp_states(ccy_code);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-54::R3.Corda
CREATE INDEX face_value_index ON cp_states(face_value);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-56::R3.Corda
CREATE INDEX maturity_index ON cp_states(maturity_instant);

-- Changeset migration/commercial-paper.changelog-init.xml::non-clustered_pk-commercial-paper::R3.Corda
ALTER TABLE cp_states DROP CONSTRAINT cp_states_pkey;

ALTER TABLE cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/commercial-paper.changelog-v1.xml::1525962920::R3.Corda
DROP INDEX ccy_code_index;

ALTER TABLE cp_states ALTER COLUMN  ccy_code SET NOT NULL;

CREATE INDEX ccy_code_index ON cp_states(ccy_code);

DROP INDEX face_value_index;

ALTER TABLE cp_states ALTER COLUMN  face_value SET NOT NULL;

CREATE INDEX face_value_index ON cp_states(face_value);

ALTER TABLE cp_states ALTER COLUMN  face_value_issuer_key_hash SET NOT NULL;

ALTER TABLE cp_states ALTER COLUMN  face_value_issuer_ref SET NOT NULL;

ALTER TABLE cp_states ALTER COLUMN  issuance_key_hash SET NOT NULL;

ALTER TABLE cp_states ALTER COLUMN  issuance_ref SET NOT NULL;

DROP INDEX maturity_index;

ALTER TABLE cp_states ALTER COLUMN  maturity_instant SET NOT NULL;

CREATE INDEX maturity_index ON cp_states(maturity_instant);

ALTER TABLE cp_states ALTER COLUMN  owner_key_hash SET NOT NULL;

-- Changeset migration/commercial-paper.changelog-v2.xml::extend_commercial_paper_transaction_id::R3.Corda
ALTER TABLE cp_states ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

