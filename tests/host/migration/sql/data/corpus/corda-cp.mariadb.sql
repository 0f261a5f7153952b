--  Changeset migration/commercial-paper.changelog-init.xml::1511451595465-3::R3.Corda
CREATE TABLE cp_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, ccy_code NVARCHAR(3) NULL, face_value BIGINT NULL, face_value_issuer_key_hash NVARCHAR(130) NULL, face_value_issuer_ref VARBINARY(512) NULL, issuance_key_hash NVARCHAR(130) NULL, issuance_ref VARBINARY(255) NULL, maturity_instant timestamp NULL, owner_key_hash NVARCHAR(130) NULL);

--  Changeset migration/commercial-paper.changelog-init.xml::1511451595465-29::R3.Corda
ALTER TABLE cp_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/commercial-paper.changelog-init.xml::1511451595465-52::R3.Corda
CREATE INDEX ccy_code_index ON cp_states(ccy_code);

--  Changeset migration/commercial-paper.changelog-init.xml::1511451595465-54::R3.Corda
CREATE INDEX face_value_index ON cp_states(face_value);

--  Changeset migration/commercial-paper.changelog-init.xml::1511451595465-56::R3.Corda
CREATE INDEX maturity_index ON cp_states(maturity_instant);

--  Changeset migration/commercial-paper.changelog-init.xml::non-clustered_pk-commercial-paper::R3.Corda
ALTER TABLE cp_states DROP PRIMARY KEY;

ALTER TABLE cp_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/commercial-paper.changelog-v1.xml::1525962920::R3.Corda
DROP INDEX ccy_code_index ON cp_states;

ALTER TABLE cp_states MODIFY ccy_code NVARCHAR(3) NOT NULL;

CREATE INDEX ccy_code_index ON cp_states(ccy_code);

DROP INDEX face_value_index ON cp_states;

ALTER TABLE cp_states MODIFY face_value BIGINT NOT NULL;

CREATE INDEX face_value_index ON cp_states(face_value);

ALTER TABLE cp_states MODIFY face_value_issuer_key_hash NVARCHAR(130) NOT NULL;

ALTER TABLE cp_states MODIFY face_value_issuer_ref VARBINARY(512) NOT NULL;

ALTER TABLE cp_states MODIFY issuance_key_hash NVARCHAR(130) NOT NULL;

ALTER TABLE cp_states MODIFY issuance_ref VARBINARY(255) NOT NULL;

DROP INDEX maturity_index ON cp_states;

ALTER TABLE cp_states MODIFY maturity_instant timestamp NOT NULL;

CREATE INDEX maturity_index ON cp_states(maturity_instant);

ALTER TABLE cp_states MODIFY owner_key_hash NVARCHAR(130) NOT NULL;

--  Changeset migration/commercial-paper.changelog-v2.xml::extend_commercial_paper_transaction_id::R3.Corda
ALTER TABLE cp_states MODIFY transaction_id NVARCHAR(144);

