-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-22::R3.Corda
CREATE TABLE vault_fungible_states (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, issuer_name VARCHAR(255), issuer_ref BYTEA, owner_name VARCHAR(255), quantity BIGINT);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-23::R3.Corda
CREATE TABLE vault_fungible_states_parts (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, participants VARCHAR(255));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-24::R3.Corda
CREATE TABLE vault_linear_states (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, external_id VARCHAR(255), uuid VARCHAR(255) NOT NULL);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-25::R3.Corda
CREATE TABLE vault_linear_states_parts (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, participants VARCHAR(255));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-26::R3.Corda
CREATE TABLE vault_states (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, consumed_timestamp TIMESTAMP WITHOUT TIME ZONE, contract_state_class_name VARCHAR(255), lock_id VARCHAR(255), lock_timestamp TIMESTAMP WITHOUT TIME ZONE, notary_name VARCHAR(255), recorded_timestamp TIMESTAMP WITHOUT TIME ZONE, state_status INTEGER);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-27::R3.Corda
CREATE TABLE vault_transaction_notes (seq_no INTEGER NOT NULL, note VARCHAR(255), transaction_id VARCHAR(64));

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-47::R3.Corda
ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-48::R3.Corda
ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-49::R3.Corda
ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-50::R3.Corda
ALTER TABLE vault_transaction_notes ADD CONSTRAINT vault_transaction_notes_pkey PRIMARY KEY (seq_no);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-53::R3.Corda
CREATE INDEX external_id_index ON vault_linear_states(external_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-55::R3.Corda
CREATE INDEX lock_id_idx ON vault_states(lock_id, state_status);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-58::R3.Corda
CREATE INDEX state_status_idx ON vault_states(state_status);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-59::R3.Corda
CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-60::R3.Corda
CREATE INDEX uuid_index ON vault_linear_states(uuid);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-64::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT "FK__fung_st_parts__fung_st" FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-init.xml::1511451595465-65::R3.Corda
ALTER TABLE vault_linear_states_parts ADD CONSTRAINT "FK__lin_stat_parts__lin_stat" FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-v3.xml::clean_vault::R3.Corda
DELETE FROM vault_fungible_states_parts;

DELETE FROM vault_fungible_states;

DELETE FROM vault_linear_states_parts;

DELETE FROM vault_linear_states;

DELETE FROM vault_states;

DELETE FROM vault_transaction_notes;

-- Changeset migration/vault-schema.changelog-v4.xml::nullability::R3.Corda
ALTER TABLE vault_fungible_states ALTER COLUMN  quantity SET NOT NULL;

ALTER TABLE vault_states ALTER COLUMN  contract_state_class_name SET NOT NULL;

ALTER TABLE vault_states ALTER COLUMN  notary_name SET NOT NULL;

ALTER TABLE vault_states ALTER COLUMN  recorded_timestamp SET NOT NULL;

DROP INDEX state_status_idx;

DROP INDEX lock_id_idx;

ALTER TABLE vault_states ALTER COLUMN  state_status SET NOT NULL;

CREATE INDEX state_status_idx ON vault_states(state_status);

CREATE INDEX lock_id_idx ON vault_states(lock_id, state_status);

DROP INDEX transaction_id_index;

ALTER TABLE vault_transaction_notes ALTER COLUMN  note SET NOT NULL;

ALTER TABLE vault_transaction_notes ALTER COLUMN  transaction_id SET NOT NULL;

CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-11::R3.Corda
ALTER TABLE vault_fungible_states_parts DROP CONSTRAINT "FK__fung_st_parts__fung_st";

ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (output_index, transaction_id);

ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT "FK__fung_st_parts__fung_st" FOREIGN KEY (output_index, transaction_id) REFERENCES vault_fungible_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-12::R3.Corda
ALTER TABLE vault_linear_states_parts DROP CONSTRAINT "FK__lin_stat_parts__lin_stat";

ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (output_index, transaction_id);

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT "FK__lin_stat_parts__lin_stat" FOREIGN KEY (output_index, transaction_id) REFERENCES vault_linear_states (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-pkey.xml::non-clustered_pk-13::R3.Corda
ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/vault-schema.changelog-v5.xml::add_relevancy_status_column::R3.Corda
ALTER TABLE vault_states ADD relevancy_status INTEGER;

UPDATE vault_states SET relevancy_status = 0;

ALTER TABLE vault_states ALTER COLUMN  relevancy_status SET NOT NULL;

-- Changeset migration/vault-schema.changelog-v6.xml::add_is_constraint_information_columns::R3.Corda
ALTER TABLE vault_states ADD constraint_type INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE vault_states ADD constraint_data BYTEA;

-- Changeset migration/vault-schema.changelog-v7.xml::make_issuer_ref_nullable::R3.Corda
ALTER TABLE vault_fungible_states ALTER COLUMN  issuer_ref DROP NOT NULL;

-- Changeset migration/vault-schema.changelog-v8.xml::create-external-id-to-state-party-view::R3.Corda
CREATE TABLE state_party (output_index INTEGER, transaction_id VARCHAR(64), public_key_hash VARCHAR(255) NOT NULL, x500_name VARCHAR(255));

CREATE INDEX state_pk_hash_idx ON state_party(public_key_hash);

CREATE TABLE pk_hash_to_ext_id_map (id BIGINT NOT NULL, external_id VARCHAR(255) NOT NULL, public_key_hash VARCHAR(255) NOT NULL);

CREATE INDEX pk_hash_to_xid_idx ON pk_hash_to_ext_id_map(public_key_hash);

CREATE VIEW v_pkey_hash_ex_id_map AS select
                state_party.public_key_hash,
                state_party.transaction_id,
                state_party.output_index,
                pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

-- Changeset migration/vault-schema.changelog-v11.xml::expand_constraint_data_size::R3.Corda
ALTER TABLE vault_states ALTER COLUMN constraint_data TYPE BYTEA USING (constraint_data::BYTEA);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size::R3.Corda
DROP VIEW v_pkey_hash_ex_id_map;

ALTER TABLE vault_fungible_states_parts DROP CONSTRAINT "FK__fung_st_parts__fung_st";

ALTER TABLE vault_linear_states_parts DROP CONSTRAINT "FK__lin_stat_parts__lin_stat";

ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;

ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;

ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;

DROP INDEX transaction_id_index;

ALTER TABLE vault_fungible_states ALTER COLUMN  transaction_id DROP NOT NULL;

ALTER TABLE vault_fungible_states_parts ALTER COLUMN  transaction_id DROP NOT NULL;

ALTER TABLE vault_linear_states ALTER COLUMN  transaction_id DROP NOT NULL;

ALTER TABLE vault_linear_states_parts ALTER COLUMN  transaction_id DROP NOT NULL;

ALTER TABLE vault_states ALTER COLUMN  transaction_id DROP NOT NULL;

ALTER TABLE vault_fungible_states ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_fungible_states_parts ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_linear_states ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_linear_states_parts ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_states ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_transaction_notes ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE state_party ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

ALTER TABLE vault_fungible_states ALTER COLUMN  transaction_id SET NOT NULL;

ALTER TABLE vault_fungible_states_parts ALTER COLUMN  transaction_id SET NOT NULL;

ALTER TABLE vault_linear_states ALTER COLUMN  transaction_id SET NOT NULL;

ALTER TABLE vault_linear_states_parts ALTER COLUMN  transaction_id SET NOT NULL;

ALTER TABLE vault_states ALTER COLUMN  transaction_id SET NOT NULL;

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (transaction_id, output_index);

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (transaction_id, output_index);

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (transaction_id, output_index);

CREATE INDEX transaction_id_index ON vault_transaction_notes(transaction_id);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-1::R3.Corda
ALTER TABLE vault_fungible_states DROP CONSTRAINT vault_fungible_states_pkey;

ALTER TABLE vault_fungible_states ADD CONSTRAINT vault_fungible_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-2::R3.Corda
ALTER TABLE vault_linear_states DROP CONSTRAINT vault_linear_states_pkey;

ALTER TABLE vault_linear_states ADD CONSTRAINT vault_linear_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_non-clustered_pk-3::R3.Corda
ALTER TABLE vault_states DROP CONSTRAINT vault_states_pkey;

ALTER TABLE vault_states ADD CONSTRAINT vault_states_pkey PRIMARY KEY (transaction_id, output_index);

-- Changeset migration/vault-schema.changelog-v13.xml::vault_transaction_id_size_2::R3.Corda
ALTER TABLE vault_fungible_states_parts ADD CONSTRAINT "FK__fung_st_parts__fung_st" FOREIGN KEY (transaction_id, output_index) REFERENCES vault_fungible_states (transaction_id, output_index);

ALTER TABLE vault_linear_states_parts ADD CONSTRAINT "FK__lin_stat_parts__lin_stat" FOREIGN KEY (transaction_id, output_index) REFERENCES vault_linear_states (transaction_id, output_index);

CREATE VIEW v_pkey_hash_ex_id_map AS select
            state_party.public_key_hash,
            state_party.transaction_id,
            state_party.output_index,
            pk_hash_to_ext_id_map.external_id
            from state_party
            join pk_hash_to_ext_id_map
            on state_party.public_key_hash = pk_hash_to_ext_id_map.public_key_hash;

-- Changeset migration/vault-schema.changelog-v14.xml::add_consuming_tx_id_column::R3.Corda
ALTER TABLE vault_states ADD consuming_tx_id VARCHAR(144);

