-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-3::R3.Corda
CREATE TABLE PUBLIC.cp_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, ccy_code NVARCHAR(3), face_value BIGINT, face_value_issuer_key_hash NVARCHAR(130), face_value_issuer_ref VARBINARY(512), issuance_key_hash NVARCHAR(130), issuance_ref VARBINARY(255), maturity_instant TIMESTAMP, owner_key_hash NVARCHAR(130));

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-29::R3.Corda
ALTER TABLE PUBLIC.cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-52::R3.Corda
CREATE INDEX PUBLIC.ccy_code_index ON PUBLIC.cp_states(ccy_code);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-54::R3.Corda
CREATE INDEX PUBLIC.face_value_index ON PUBLIC.cp_states(face_value);

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-56::R3.Corda
CREATE INDEX PUBLIC.maturity_index ON PUBLIC.cp_states(maturity_instant);

-- Changeset migration/commercial-paper.changelog-init.xml::non-clustered_pk-commercial-paper::R3.Corda
ALTER TABLE PUBLIC.cp_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/commercial-paper.changelog-v1.xml::1525962920::R3.Corda
DROP INDEX PUBLIC.ccy_code_index;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN ccy_code SET NOT NULL;

CREATE INDEX PUBLIC.ccy_code_index ON PUBLIC.cp_states(ccy_code);

DROP INDEX PUBLIC.face_value_index;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN face_value SET NOT NULL;

CREATE INDEX PUBLIC.face_value_index ON PUBLIC.cp_states(face_value);

ALTER TABLE PUBLIC.cp_states ALTER COLUMN face_value_issuer_key_hash SET NOT NULL;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN face_value_issuer_ref SET NOT NULL;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN issuance_key_hash SET NOT NULL;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN issuance_ref SET NOT NULL;

DROP INDEX PUBLIC.maturity_index;

ALTER TABLE PUBLIC.cp_states ALTER COLUMN maturity_instant SET NOT NULL;

CREATE INDEX PUBLIC.maturity_index ON PUBLIC.cp_states(maturity_instant);

ALTER TABLE PUBLIC.cp_states ALTER COLUMN owner_key_hash SET NOT NULL;

-- Changeset migration/commercial-paper.changelog-v2.xml::extend_commercial_paper_transaction_id::R3.Corda
ALTER TABLE PUBLIC.cp_states ALTER COLUMN transaction_id NVARCHAR(144);

