-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-22::R3.Corda
CREATE TABLE PUBLIC.vault_fungible_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, issuer_name NVARCHAR(255), issuer_ref VARBINARY(512), owner_name NVARCHAR(255), quantity BIGINT);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-23::R3.Corda
CREATE TABLE PUBLIC.vault_fungible_states_parts (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, participants NVARCHAR(255));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-24::R3.Corda
CREATE TABLE PUBLIC.vault_linear_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, external_id NVARCHAR(255), uuid VARCHAR(255) NOT NULL);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-25::R3.Corda
CREATE TABLE PUBLIC.vault_linear_states_parts (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, participants NVARCHAR(255));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-26::R3.Corda
CREATE TABLE PUBLIC.vault_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, consumed_timestamp TIMESTAMP, contract_state_class_name NVARCHAR(255), lock_id NVARCHAR(255), lock_timestamp TIMESTAMP, notary_name NVARCHAR(255), recorded_timestamp TIMESTAMP, state_status INT);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-27::R3.Corda
CREATE TABLE PUBLIC.vault_transaction_notes (seq_no INT NOT NULL, note NVARCHAR(255), transaction_id NVARCHAR(64));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-47::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-48::R3.Corda
ALTER TABLE PUBLIC.vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-49::R3.Corda
ALTER TABLE PUBLIC.vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-50::R3.Corda
ALTER TABLE PUBLIC.vault_transaction_notes ADD CONSTRAINT vault_transaction_notes_pkey PRIMARY KEY (seq_no);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-53::R3.Corda
CREATE INDEX PUBLIC.external_id_index ON PUBLIC.vault_linear_states(external_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-55::R3.Corda
CREATE INDEX PUBLIC.lock_id_idx ON PUBLIC.vault_states(lock_id, state_status);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-58::R3.Corda
CREATE INDEX PUBLIC.state_status_idx ON PUBLIC.vault_states(state_status);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-59::R3.Corda
CREATE INDEX PUBLIC.transaction_id_index ON PUBLIC.vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-60::R3.Corda
CREATE INDEX PUBLIC.uuid_index ON PUBLIC.vault_linear_states(uuid);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-64::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES PUBLIC.vault_fungible_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-65::R3.Corda
ALTER TABLE PUBLIC.vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES PUBLIC.vault_linear_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-v3.xml::clean_vault::R3.Corda
DELETE FROM PUBLIC.vault_fungible_states_parts;

DELETE FROM PUBLIC.vault_fungible_states;

DELETE FROM PUBLIC.vault_linear_states_parts;

DELETE FROM PUBLIC.vault_linear_states;

DELETE FROM PUBLIC.vault_states;

DELETE FROM PUBLIC.vault_transaction_notes;

-- Changeset migration/vault-schema.changelog-v4.xml::nullability::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states ALTER COLUMN quantity SET NOT NULL;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN contract_state_class_name SET NOT NULL;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN notary_name SET NOT NULL;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN recorded_timestamp SET NOT NULL;

DROP INDEX PUBLIC.state_status_idx;

DROP INDEX PUBLIC.lock_id_idx;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN state_status SET NOT NULL;

CREATE INDEX PUBLIC.state_status_idx ON PUBLIC.vault_states(state_status);

CREATE INDEX PUBLIC.lock_id_idx ON PUBLIC.vault_states(lock_id, state_status);

DROP INDEX PUBLIC.transaction_id_index;

ALTER TABLE PUBLIC.vault_transaction_notes ALTER COLUMN note SET NOT NULL;

ALTER TABLE PUBLIC.vault_transaction_notes ALTER COLUMN transaction_id SET NOT NULL;

CREATE INDEX PUBLIC.transaction_id_index ON PUBLIC.vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-11::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states_parts DROP CONSTRAINT FK__fung_st_parts__fung_st;

ALTER TABLE PUBLIC.vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (output_index, transaction_id);

ALTER TABLE PUBLIC.vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES PUBLIC.vault_fungible_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-12::R3.Corda
ALTER TABLE PUBLIC.vault_linear_states_parts DROP CONSTRAINT FK__lin_stat_parts__lin_stat;

ALTER TABLE PUBLIC.vault_linear_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (output_index, transaction_id);

ALTER TABLE PUBLIC.vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES PUBLIC.vault_linear_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-13::R3.Corda
ALTER TABLE PUBLIC.vault_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-v5.xml::add_relevancy_status_column::R3.Corda
ALTER TABLE PUBLIC.vault_states ADD relevancy_status INT;

UPDATE PUBLIC.vault_states SET relevancy_status = 0;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN relevancy_status SET NOT NULL;

-- Changeset migration/vault-schema.changelog-v6.xml::add_is_constraint_information_columns::R3.Corda
ALTER TABLE PUBLIC.vault_states ADD constraint_type INT DEFAULT '0' NOT NULL;

ALTER TABLE PUBLIC.vault_states ADD constraint_data VARBINARY(563);

-- Changeset migration/vault-schema.changelog-v7.xml::make_issuer_ref_nullable::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states ALTER COLUMN issuer_ref SET NULL;

-- Changeset migration/vault-schema.changelog-v8.xml::create-external-id-to-state-party-view::R3.Corda
CREATE TABLE PUBLIC.state_party (output_index INT, transaction_id NVARCHAR(64), public_key_hash NVARCHAR(255) NOT NULL, x500_name NVARCHAR(255));

CREATE INDEX PUBLIC.state_pk_hash_idx ON PUBLIC.state_party(public_key_hash);

CREATE TABLE PUBLIC.pk_hash_to_ext_id_map (id BIGINT NOT NULL, external_id VARCHAR(255) NOT NULL, public_key_hash NVARCHAR(255) NOT NULL);

CREATE INDEX PUBLIC.pk_hash_to_xid_idx ON PUBLIC.pk_hash_to_ext_id_map(public_key_hash);

CREATE VIEW PUBLIC.v_pkey_hash_ex_id_map AS select
                state_party.public_key_hash,
                state_party.transaction_id,
                state_party.output_index,
                pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

-- Changeset migration/vault-schema.changelog-v11.xml::expand_constraint_data_size::R3.Corda
ALTER TABLE PUBLIC.vault_states ALTER COLUMN constraint_data VARBINARY(20000);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size::R3.Corda
DROP VIEW PUBLIC.v_pkey_hash_ex_id_map;

ALTER TABLE PUBLIC.vault_fungible_states_parts DROP CONSTRAINT FK__fung_st_parts__fung_st;

ALTER TABLE PUBLIC.vault_linear_states_parts DROP CONSTRAINT FK__lin_stat_parts__lin_stat;

ALTER TABLE PUBLIC.vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_linear_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_states DROP PRIMARY KEY;

DROP INDEX PUBLIC.transaction_id_index;

ALTER TABLE PUBLIC.vault_fungible_states ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.vault_fungible_states_parts ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.vault_linear_states ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.vault_linear_states_parts ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.vault_fungible_states ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_fungible_states_parts ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_linear_states ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_linear_states_parts ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_states ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_transaction_notes ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.state_party ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.vault_fungible_states ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.vault_fungible_states_parts ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.vault_linear_states ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.vault_linear_states_parts ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.vault_states ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (transaction_id, output_index);

ALTER TABLE PUBLIC.vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (transaction_id, output_index);

ALTER TABLE PUBLIC.vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (transaction_id, output_index);

CREATE INDEX PUBLIC.transaction_id_index ON PUBLIC.vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-1::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-2::R3.Corda
ALTER TABLE PUBLIC.vault_linear_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-3::R3.Corda
ALTER TABLE PUBLIC.vault_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_2::R3.Corda
ALTER TABLE PUBLIC.vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (transaction_id, output_index) REFERENCES PUBLIC.vault_fungible_states (transaction_id, output_index);

ALTER TABLE PUBLIC.vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (transaction_id, output_index) REFERENCES PUBLIC.vault_linear_states (transaction_id, output_index);

CREATE VIEW PUBLIC.v_pkey_hash_ex_id_map AS select
            state_party.public_key_hash,
            state_party.transaction_id,
            state_party.output_index,
            pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

-- Changeset migration/vault-schema.changelog-v14.xml::add_consuming_tx_id_column::R3.Corda
ALTER TABLE PUBLIC.vault_states ADD consuming_tx_id NVARCHAR(144);

