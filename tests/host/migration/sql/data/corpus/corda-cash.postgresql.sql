-- Changeset migration/cash.changelog-init.xml::1511451595465-2::R3.Corda
CREATE TABLE contract_cash_states (output_index INTEGER NOT NULL, transaction_id VARCHAR(64) NOT NULL, ccy_code VARCHAR(3), issuer_key_hash VARCHAR(130), issuer_ref BYTEA, owner_name VARCHAR(255), pennies BIGINT);

-- Changeset migration/cash.changelog-init.xml::1511451595465-28::R3.Corda
ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/cash.changelog-init.xml::1511451595465-51::R3.Corda
CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

-- Changeset migration/cash.changelog-init.xml::1511451595465-57::R3.Corda
CREATE INDEX pennies_idx ON contract_cash_states(pennies);

-- Changeset migration/cash.changelog-init.xml::non-clustered_pk-cash::R3.Corda
ALTER TABLE contract_cash_states DROP CONSTRAINT contract_cash_states_pkey;

ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-services.changelog-init.xml::1525793504::R3.Corda
DROP INDEX ccy_code_idx;

ALTER TABLE contract_cash_states ALTER COLUMN  ccy_code SET NOT NULL;

CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

ALTER TABLE contract_cash_states ALTER COLUMN  issuer_key_hash SET NOT NULL;

ALTER TABLE contract_cash_states ALTER COLUMN  issuer_ref SET NOT NULL;

DROP INDEX pennies_idx;

ALTER TABLE contract_cash_states ALTER COLUMN  pennies SET NOT NULL;

CREATE INDEX pennies_idx ON contract_cash_states(pennies);

-- Changeset migration/cash.changelog-v2.xml::extend_cash_states_transaction_id::R3.Corda
ALTER TABLE contract_cash_states ALTER COLUMN transaction_id TYPE VARCHAR(144) USING (transaction_id::VARCHAR(144));

