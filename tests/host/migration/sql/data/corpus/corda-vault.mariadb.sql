--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-22::R3.Corda
CREATE TABLE vault_fungible_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, issuer_name NVARCHAR(255) NULL, issuer_ref VARBINARY(512) NULL, owner_name NVARCHAR(255) NULL, quantity BIGINT NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-23::R3.Corda
CREATE TABLE vault_fungible_states_parts (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, participants NVARCHAR(255) NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-24::R3.Corda
CREATE TABLE vault_linear_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, external_id NVARCHAR(255) NULL, uuid VARCHAR(255) NOT NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-25::R3.Corda
CREATE TABLE vault_linear_states_parts (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, participants NVARCHAR(255) NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-26::R3.Corda
CREATE TABLE vault_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, consumed_timestamp timestamp NULL, contract_state_class_name NVARCHAR(255) NULL, lock_id NVARCHAR(255) NULL, lock_timestamp timestamp NULL, notary_name NVARCHAR(255) NULL, recorded_timestamp timestamp NULL, state_status INT NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-27::R3.Corda
CREATE TABLE vault_transaction_notes (seq_no INT NOT NULL, note NVARCHAR(255) NULL, transaction_id NVARCHAR(64) NULL);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-47::R3.Corda
ALTER TABLE vault_fungible_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-48::R3.Corda
ALTER TABLE vault_linear_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-49::R3.Corda
ALTER TABLE vault_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-50::R3.Corda
ALTER TABLE vault_transaction_notes ADD PRIMARY KEY (seq_no);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-53::R3.Corda
CREATE INDEX external_id_index ON vault_linear_states(external_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-55::R3.Corda
CREATE INDEX lock_id_idx ON vault_states(lock_id, state_status);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-58::R3.Corda
CREATE INDEX state_status_idx ON vault_states(state_status);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-59::R3.Corda
CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-60::R3.Corda
CREATE INDEX uuid_index ON vault_linear_states(uuid);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-64::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-init.xml::1511451595465-65::R3.Corda
ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-v3.xml::clean_vault::R3.Corda
DELETE FROM vault_fungible_states_parts;

DELETE FROM vault_fungible_states;

DELETE FROM vault_linear_states_parts;

DELETE FROM vault_linear_states;

DELETE FROM vault_states;

DELETE FROM vault_transaction_notes;

--  Changeset migration/vault-schema.changelog-v4.xml::nullability::R3.Corda
ALTER TABLE vault_fungible_states MODIFY quantity BIGINT NOT NULL;

ALTER TABLE vault_states MODIFY contract_state_class_name NVARCHAR(255) NOT NULL;

ALTER TABLE vault_states MODIFY notary_name NVARCHAR(255) NOT NULL;

ALTER TABLE vault_states MODIFY recorded_timestamp timestamp NOT NULL;

DROP INDEX state_status_idx ON vault_states;

DROP INDEX lock_id_idx ON vault_states;

ALTER TABLE vault_states MODIFY state_status INT NOT NULL;

CREATE INDEX state_status_idx ON vault_states(state_status);

CREATE INDEX lock_id_idx ON vault_states(lock_id, state_status);

DROP INDEX transaction_id_index ON vault_transaction_notes;

ALTER TABLE vault_transaction_notes MODIFY note NVARCHAR(255) NOT NULL;

ALTER TABLE vault_transaction_notes MODIFY transaction_id NVARCHAR(64) NOT NULL;

CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

--  Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-11::R3.Corda
ALTER TABLE vault_fungible_states_parts DROP FOREIGN KEY FK__fung_st_parts__fung_st;

ALTER TABLE vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE vault_fungible_states ADD PRIMARY KEY (output_index, transaction_id);

ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-12::R3.Corda
ALTER TABLE vault_linear_states_parts DROP FOREIGN KEY FK__lin_stat_parts__lin_stat;

ALTER TABLE vault_linear_states DROP PRIMARY KEY;

ALTER TABLE vault_linear_states ADD PRIMARY KEY (output_index, transaction_id);

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-13::R3.Corda
ALTER TABLE vault_states DROP PRIMARY KEY;

ALTER TABLE vault_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/vault-schema.changelog-v5.xml::add_relevancy_status_column::R3.Corda
ALTER TABLE vault_states ADD relevancy_status INT NULL;

UPDATE vault_states SET relevancy_status = 0;

ALTER TABLE vault_states MODIFY relevancy_status INT NOT NULL;

--  Changeset migration/vault-schema.changelog-v6.xml::add_is_constraint_information_columns::R3.Corda
ALTER TABLE vault_states ADD constraint_type INT DEFAULT 0 NOT NULL;

ALTER TABLE vault_states ADD constraint_data VARBINARY(563) NULL;

--  Changeset migration/vault-schema.changelog-v7.xml::make_issuer_ref_nullable::R3.Corda
ALTER TABLE vault_fungible_states MODIFY issuer_ref VARBINARY(512) NULL;

--  Changeset migration/vault-schema.changelog-v8.xml::create-external-id-to-state-party-view::R3.Corda
CREATE TABLE state_party (output_index INT NULL, transaction_id NVARCHAR(64) NULL, public_key_hash NVARCHAR(255) NOT NULL, x500_name NVARCHAR(255) NULL);

CREATE INDEX state_pk_hash_idx ON state_party(public_key_hash);

CREATE TABLE pk_hash_to_ext_id_map (id BIGINT NOT NULL, external_id VARCHAR(255) NOT NULL, public_key_hash NVARCHAR(255) NOT NULL);

CREATE INDEX pk_hash_to_xid_idx ON pk_hash_to_ext_id_map(public_key_hash);

CREATE VIEW v_pkey_hash_ex_id_map AS select
                state_party.public_key_hash,
                state_party.transaction_id,
                state_party.output_index,
                pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

--  Changeset migration/vault-schema.changelog-v11.xml::expand_constraint_data_size::R3.Corda
ALTER TABLE vault_states MODIFY constraint_data VARBINARY(20000);

--  Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size::R3.Corda
DROP VIEW v_pkey_hash_ex_id_map;

ALTER TABLE vault_fungible_states_parts DROP FOREIGN KEY FK__fung_st_parts__fung_st;

ALTER TABLE vault_linear_states_parts DROP FOREIGN KEY FK__lin_stat_parts__lin_stat;

ALTER TABLE vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE vault_linear_states DROP PRIMARY KEY;

ALTER TABLE vault_states DROP PRIMARY KEY;

DROP INDEX transaction_id_index ON vault_transaction_notes;

ALTER TABLE vault_fungible_states MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE vault_fungible_states_parts MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE vault_linear_states MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE vault_linear_states_parts MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE vault_states MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE vault_fungible_states MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_fungible_states_parts MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_linear_states MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_linear_states_parts MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_states MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_transaction_notes MODIFY transaction_id NVARCHAR(144);

ALTER TABLE state_party MODIFY transaction_id NVARCHAR(144);

ALTER TABLE vault_fungible_states MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE vault_fungible_states_parts MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE vault_linear_states MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE vault_linear_states_parts MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE vault_states MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE vault_fungible_states ADD PRIMARY KEY (transaction_id, output_index);

ALTER TABLE vault_linear_states ADD PRIMARY KEY (transaction_id, output_index);

ALTER TABLE vault_states ADD PRIMARY KEY (transaction_id, output_index);

CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

--  Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-1::R3.Corda
ALTER TABLE vault_fungible_states DROP PRIMARY KEY;

ALTER TABLE vault_fungible_states ADD PRIMARY KEY (transaction_id, output_index);

--  Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-2::R3.Corda
ALTER TABLE vault_linear_states DROP PRIMARY KEY;

ALTER TABLE vault_linear_states ADD PRIMARY KEY (transaction_id, output_index);

--  Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-3::R3.Corda
ALTER TABLE vault_states DROP PRIMARY KEY;

ALTER TABLE vault_states ADD PRIMARY KEY (transaction_id, output_index);

--  Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_2::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (transaction_id, output_index) REFERENCES vault_fungible_states (transaction_id, output_index);

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (transaction_id, output_index) REFERENCES vault_linear_states (transaction_id, output_index);

CREATE VIEW v_pkey_hash_ex_id_map AS select
            state_party.public_key_hash,
            state_party.transaction_id,
            state_party.output_index,
            pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

--  Changeset migration/vault-schema.changelog-v14.xml::add_consuming_tx_id_column::R3.Corda
ALTER TABLE vault_states ADD consuming_tx_id NVARCHAR(144) NULL;

