-- Changeset migration/cash.changelog-init.xml::1511451595465-2::R3.Corda
CREATE TABLE contract_cash_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, ccy_code nvarchar(3), issuer_key_hash nvarchar(130), issuer_ref varbinary(512), owner_name nvarchar(255), pennies bigint);
GO

-- Changeset migration/cash.changelog-init.xml::1511451595465-28::R3.Corda
ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/cash.changelog-init.xml::1511451595465-51::R3.Corda
CREATE NONCLUSTERED INDEX ccy_code_idx ON contract_cash_states(ccy_code);
GO

-- Changeset migration/cash.changelog-init.xml::1511451595465-57::R3.Corda
CREATE NONCLUSTERED INDEX pennies_idx ON contract_cash_states(pennies);
GO

-- Changeset migration/cash.changelog-init.xml::non-clustered_pk-cash::R3.Corda
ALTER TABLE contract_cash_states DROP CONSTRAINT contract_cash_states_pkey;
GO

ALTER TABLE contract_cash_states ADD CONSTRAINT contract_cash_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

-- Changeset migration/node-services.changelog-init.xml::1525793504::R3.Corda
DROP INDEX ccy_code_idx ON contract_cash_states;
GO

ALTER TABLE contract_cash_states ALTER COLUMN ccy_code nvarchar(3) NOT NULL;
GO

CREATE NONCLUSTERED INDEX ccy_code_idx ON contract_cash_states(ccy_code);
GO

ALTER TABLE contract_cash_states ALTER COLUMN issuer_key_hash nvarchar(130) NOT NULL;
GO

ALTER TABLE contract_cash_states ALTER COLUMN issuer_ref varbinary(512) NOT NULL;
GO

DROP INDEX pennies_idx ON contract_cash_states;
GO

ALTER TABLE contract_cash_states ALTER COLUMN pennies bigint NOT NULL;
GO

CREATE NONCLUSTERED INDEX pennies_idx ON contract_cash_states(pennies);
GO

-- Changeset migration/cash.changelog-v2.xml::extend_cash_states_transaction_id::R3.Corda
ALTER TABLE contract_cash_states ALTER COLUMN transaction_id nvarchar(144);
GO

