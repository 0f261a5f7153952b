-- Changeset migration/cash.changelog-init.xml::1511451595465-2::R3.Corda
CREATE TABLE PUBLIC.contract_cash_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, ccy_code NVARCHAR(3), issuer_key_hash NVARCHAR(130), issuer_ref VARBINARY(512), owner_name NVARCHAR(255), pennies BIGINT);

-- Changeset migration/cash.changelog-init.xml::1511451595465-28::R3.Corda
ALTER TABLE PUBLIC.contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/cash.changelog-init.xml::1511451595465-51::R3.Corda
CREATE INDEX PUBLIC.ccy_code_idx ON PUBLIC.contract_cash_states(ccy_code);

-- Changeset migration/cash.changelog-init.xml::1511451595465-57::R3.Corda
CREATE INDEX PUBLIC.pennies_idx ON PUBLIC.contract_cash_states(pennies);

-- Changeset migration/cash.changelog-init.xml::non-clustered_pk-cash::R3.Corda
ALTER TABLE PUBLIC.contract_cash_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-services.changelog-init.xml::1525793504::R3.Corda
DROP INDEX PUBLIC.ccy_code_idx;

ALTER TABLE PUBLIC.contract_cash_states ALTER COLUMN ccy_code SET NOT NULL;

CREATE INDEX PUBLIC.ccy_code_idx ON PUBLIC.contract_cash_states(ccy_code);

ALTER TABLE PUBLIC.contract_cash_states ALTER COLUMN issuer_key_hash SET NOT NULL;

ALTER TABLE PUBLIC.contract_cash_states ALTER COLUMN issuer_ref SET NOT NULL;

DROP INDEX PUBLIC.pennies_idx;

ALTER TABLE PUBLIC.contract_cash_states ALTER COLUMN pennies SET NOT NULL;

CREATE INDEX PUBLIC.pennies_idx ON PUBLIC.contract_cash_states(pennies);

-- Changeset migration/cash.changelog-v2.xml::extend_cash_states_transaction_id::R3.Corda
ALTER TABLE PUBLIC.contract_cash_states ALTER COLUMN transaction_id NVARCHAR(144);

