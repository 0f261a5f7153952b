-- Changeset migration/cash.changelog-init.xml::1511451595465-2::R3.Corda
CREATE TABLE contract_cash_states (output_index INTEGER NOT NULL, transaction_id NVARCHAR2(64) NOT NULL, ccy_code NVARCHAR2(3), issuer_key_hash NVARCHAR2(130), issuer_ref RAW(512), owner_name NVARCHAR2(255), pennies NUMBER(38, 0));

-- Changeset migration/cash.changelog-init.xml::1511451595465-28::R3.Corda
ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/cash.changelog-init.xml::1511451595465-51::R3.Corda
CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

-- Changeset migration/cash.changelog-init.xml::1511451595465-57::R3.Corda
CREATE INDEX pennies_idx ON contract_cash_states(pennies);

-- Changeset migration/cash.changelog-init.xml::non-clustered_pk-cash::R3.Corda
ALTER TABLE contract_cash_states DROP PRIMARY KEY DROP INDEX;

ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-services.changelog-init.xml::1525793504::R3.Corda
DROP INDEX ccy_code_idx;

ALTER TABLE contract_cash_states MODIFY ccy_code NOT NULL;

CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

ALTER TABLE contract_cash_states MODIFY issuer_key_hash NOT NULL;

ALTER TABLE contract_cash_states MODIFY issuer_ref NOT NULL;

DROP INDEX pennies_idx;

ALTER TABLE contract_cash_states MODIFY pennies NOT NULL;

CREATE INDEX pennies_idx ON contract_cash_states(pennies);

-- Changeset migration/cash.changelog-v2.xml::extend_cash_states_transaction_id::R3.Corda
ALTER TABLE contract_cash_states MODIFY transaction_id NVARCHAR2(144);

