-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-22::R3.Corda
CREATE TABLE vault_fungible_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, issuer_name nvarchar(255), issuer_ref varbinary(512), owner_name nvarchar(255), quantity bigint);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-23::R3.Corda
CREATE TABLE vault_fungible_states_parts (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, participants nvarchar(255));
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-24::R3.Corda
CREATE TABLE vault_linear_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, external_id nvarchar(255), uuid varchar(255) NOT NULL);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-25::R3.Corda
CREATE TABLE vault_linear_states_parts (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, participants nvarchar(255));
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-26::R3.Corda
CREATE TABLE vault_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, consumed_timestamp datetime2, contract_state_class_name nvarchar(255), lock_id nvarchar(255), lock_timestamp datetime2, notary_name nvarchar(255), recorded_timestamp datetime2, state_status int);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-27::R3.Corda
CREATE TABLE vault_transaction_notes (seq_no int NOT NULL, note nvarchar(255), transaction_id nvarchar(64));
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-47::R3.Corda
ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-48::R3.Corda
ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-49::R3.Corda
ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-50::R3.Corda
ALTER TABLE vault_transaction_notes ADD CONSTRAINT vault_transaction_notes_pkey PRIMARY KEY (seq_no);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-53::R3.Corda
CREATE NONCLUSTERED INDEX external_id_index ON vault_linear_states(external_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-55::R3.Corda
CREATE NONCLUSTERED INDEX lock_id_idx ON vault_states(lock_id, state_status);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-58::R3.Corda
CREATE NONCLUSTERED INDEX state_status_idx ON vault_states(state_status);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-59::R3.Corda
CREATE NONCLUSTERED INDEX transaction_id_index ON vault_transaction_notes(transaction_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-60::R3.Corda
CREATE NONCLUSTERED INDEX uuid_index ON vault_linear_states(uuid);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-64::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-65::R3.Corda
ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-v3.xml::clean_vault::R3.Corda
DELETE FROM vault_fungible_states_parts;
GO

DELETE FROM vault_fungible_states;
GO

DELETE FROM vault_linear_states_parts;
GO

DELETE FROM vault_linear_states;
GO

DELETE FROM vault_states;
GO

DELETE FROM vault_transaction_notes;
GO

-- Changeset migration/vault-schema.changelog-v4.xml::nullability::R3.Corda
ALTER TABLE vault_fungible_states ALTER COLUMN quantity bigint NOT NULL;
GO

ALTER TABLE vault_states ALTER COLUMN contract_state_class_name nvarchar(255) NOT NULL;
GO

ALTER TABLE vault_states ALTER COLUMN notary_name nvarchar(255) NOT NULL;
GO

ALTER TABLE vault_states ALTER COLUMN recorded_timestamp datetime2 NOT NULL;
GO

DROP INDEX state_status_idx ON vault_states;
GO

DROP INDEX lock_id_idx ON vault_states;
GO

ALTER TABLE vault_states ALTER COLUMN state_status int NOT NULL;
GO

CREATE NONCLUSTERED INDEX state_status_idx ON vault_states(state_status);
GO

CREATE NONCLUSTERED INDEX lock_id_idx ON vault_states(lock_id, state_status);
GO

DROP INDEX transaction_id_index ON vault_transaction_notes;
GO

ALTER TABLE vault_transaction_notes ALTER COLUMN note nvarchar(255) NOT NULL;
GO

ALTER TABLE vault_transaction_notes ALTER COLUMN transaction_id nvarchar(64) NOT NULL;
GO

CREATE NONCLUSTERED INDEX transaction_id_index ON vault_transaction_notes(transaction_id);
GO

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-11::R3.Corda
ALTER TABLE vault_fungible_states_parts DROP CONSTRAINT FK__fung_st_parts__fung_st;
GO

ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;
GO

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-12::R3.Corda
ALTER TABLE vault_linear_states_parts DROP CONSTRAINT FK__lin_stat_parts__lin_stat;
GO

ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;
GO

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-13::R3.Corda
ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;
GO

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

-- Changeset migration/vault-schema.changelog-v5.xml::add_relevancy_status_column::R3.Corda
ALTER TABLE vault_states ADD relevancy_status int;
GO

UPDATE vault_states SET relevancy_status = 0;
GO

ALTER TABLE vault_states ALTER COLUMN relevancy_status int NOT NULL;
GO

-- Changeset migration/vault-schema.changelog-v6.xml::add_is_constraint_information_columns::R3.Corda
ALTER TABLE vault_states ADD constraint_type int CONSTRAINT DF_vault_states_constraint_type DEFAULT 0 NOT NULL;
GO

ALTER TABLE vault_states ADD constraint_data varbinary(563);
GO

-- Changeset migration/vault-schema.changelog-v7.xml::make_issuer_ref_nullable::R3.Corda
ALTER TABLE vault_fungible_states ALTER COLUMN issuer_ref varbinary(512) NULL;
GO

-- Changeset migration/vault-schema.changelog-v8.xml::create-external-id-to-state-party-view::R3.Corda
CREATE TABLE state_party (output_index int, transaction_id nvarchar(64), public_key_hash nvarchar(255) NOT NULL, x500_name nvarchar(255));
GO

CREATE NONCLUSTERED INDEX state_pk_hash_idx ON state_party(public_key_hash);
GO

CREATE TABLE pk_hash_to_ext_id_map (id bigint NOT NULL, external_id varchar(255) NOT NULL, public_key_hash nvarchar(255) NOT NULL);
GO

CREATE NONCLUSTERED INDEX pk_hash_to_xid_idx ON pk_hash_to_ext_id_map(public_key_hash);
GO

CREATE VIEW v_pkey_hash_ex_id_map AS select
                state_party.public_key_hash,
                state_party.transaction_id,
                state_party.output_index,
                pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;
GO

-- Changeset migration/vault-schema.changelog-v11.xml::expand_constraint_data_size::R3.Corda
ALTER TABLE vault_states ALTER COLUMN constraint_data varbinary(MAX);
GO

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size::R3.Corda
DROP VIEW v_pkey_hash_ex_id_map;
GO

ALTER TABLE vault_fungible_states_parts DROP CONSTRAINT FK__fung_st_parts__fung_st;
GO

ALTER TABLE vault_linear_states_parts DROP CONSTRAINT FK__lin_stat_parts__lin_stat;
GO

ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;
GO

ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;
GO

ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;
GO

DROP INDEX transaction_id_index ON vault_transaction_notes;
GO

ALTER TABLE vault_fungible_states ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE vault_fungible_states_parts ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE vault_linear_states ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE vault_linear_states_parts ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE vault_states ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE vault_fungible_states ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_fungible_states_parts ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_linear_states ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_linear_states_parts ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_states ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_transaction_notes ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE state_party ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE vault_fungible_states ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE vault_fungible_states_parts ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE vault_linear_states ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE vault_linear_states_parts ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE vault_states ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (transaction_id, output_index);
GO

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (transaction_id, output_index);
GO

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (transaction_id, output_index);
GO

CREATE NONCLUSTERED INDEX transaction_id_index ON vault_transaction_notes(transaction_id);
GO

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-1::R3.Corda
ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;
GO

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY NONCLUSTERED (transaction_id, output_index);
GO

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-2::R3.Corda
ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;
GO

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY NONCLUSTERED (transaction_id, output_index);
GO

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-3::R3.Corda
ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;
GO

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY NONCLUSTERED (transaction_id, output_index);
GO

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_2::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT FK__fung_st_parts__fung_st FOREIGN KEY (transaction_id, output_index) REFERENCES vault_fungible_states (transaction_id, output_index);
GO

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT FK__lin_stat_parts__lin_stat FOREIGN KEY (transaction_id, output_index) REFERENCES vault_linear_states (transaction_id, output_index);
GO

CREATE VIEW v_pkey_hash_ex_id_map AS select
            state_party.public_key_hash,
            state_party.transaction_id,
            state_party.output_index,
            pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;
GO

-- Changeset migration/vault-schema.changelog-v14.xml::add_consuming_tx_id_column::R3.Corda
ALTER TABLE vault_states ADD consuming_tx_id nvarchar(144);
GO

