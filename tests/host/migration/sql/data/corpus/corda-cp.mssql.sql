-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-3::R3.Corda
CREATE TABLE cp_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, ccy_code nvarchar(3), face_value bigint, face_value_issuer_key_hash nvarchar(130), face_value_issuer_ref varbinary(512), issuance_key_hash nvarchar(130), issuance_ref varbinary(255), maturity_instant datetime2, owner_key_hash nvarchar(130));
GO

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-29::R3.Corda
ALTER TABLE cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-52::R3.Corda
CREATE NONCLUSTERED INDEX ccy_code_index ON cp_states(ccy_code);
GO

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-54::R3.Corda
CREATE NONCLUSTERED INDEX face_value_index ON cp_states(face_value);
GO

-- Changeset migration/commercial-paper.changelog-init.xml::1511451595465-56::R3.Corda
CREATE NONCLUSTERED INDEX maturity_index ON cp_states(maturity_instant);
GO

-- Changeset migration/commercial-paper.changelog-init.xml::non-clustered_pk-commercial-paper::R3.Corda
ALTER TABLE cp_states DROP CONSTRAINT cp_states_pkey;
GO

ALTER TABLE cp_states ADD CONSTRAINT cp_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

-- Changeset migration/commercial-paper.changelog-v1.xml::1525962920::R3.Corda
DROP INDEX ccy_code_index ON cp_states;
GO

ALTER TABLE cp_states ALTER COLUMN ccy_code nvarchar(3) NOT NULL;
GO

CREATE NONCLUSTERED INDEX ccy_code_index ON cp_states(ccy_code);
GO

DROP INDEX face_value_index ON cp_states;
GO

ALTER TABLE cp_states ALTER COLUMN face_value bigint NOT NULL;
GO

CREATE NONCLUSTERED INDEX face_value_index ON cp_states(face_value);
GO

ALTER TABLE cp_states ALTER COLUMN face_value_issuer_key_hash nvarchar(130) NOT NULL;
GO

ALTER TABLE cp_states ALTER COLUMN face_value_issuer_ref varbinary(512) NOT NULL;
GO

ALTER TABLE cp_states ALTER COLUMN issuance_key_hash nvarchar(130) NOT NULL;
GO

ALTER TABLE cp_states ALTER COLUMN issuance_ref varbinary(255) NOT NULL;
GO

DROP INDEX maturity_index ON cp_states;
GO

ALTER TABLE cp_states ALTER COLUMN maturity_instant datetime2 NOT NULL;
GO

CREATE NONCLUSTERED INDEX maturity_index ON cp_states(maturity_instant);
GO

ALTER TABLE cp_states ALTER COLUMN owner_key_hash nvarchar(130) NOT NULL;
GO

-- Changeset migration/commercial-paper.changelog-v2.xml::extend_commercial_paper_transaction_id::R3.Corda
ALTER TABLE cp_states ALTER COLUMN transaction_id nvarchar(144);
GO

