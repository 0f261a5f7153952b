--  Changeset migration/cash.changelog-init.xml::1511451595465-2::R3.Corda
CREATE TABLE contract_cash_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, ccy_code NVARCHAR(3) NULL, issuer_key_hash NVARCHAR(130) NULL, issuer_ref VARBINARY(512) NULL, owner_name NVARCHAR(255) NULL, pennies BIGINT NULL);

--  Changeset migration/cash.changelog-init.xml::1511451595465-28::R3.Corda
ALTER TABLE contract_cash_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/cash.changelog-init.xml::1511451595465-51::R3.Corda
CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

--  Changeset migration/cash.changelog-init.xml::1511451595465-57::R3.Corda
CREATE INDEX pennies_idx ON contract_cash_states(pennies);

--  Changeset migration/cash.changelog-init.xml::non-clustered_pk-cash::R3.Corda
ALTER TABLE contract_cash_states DROP PRIMARY KEY;

ALTER TABLE contract_cash_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/node-services.changelog-init.xml::1525793504::R3.Corda
DROP INDEX ccy_code_idx ON contract_cash_states;

ALTER TABLE contract_cash_states MODIFY ccy_code NVARCHAR(3) NOT NULL;

CREATE INDEX ccy_code_idx ON contract_cash_states(ccy_code);

ALTER TABLE contract_cash_states MODIFY issuer_key_hash NVARCHAR(130) NOT NULL;

ALTER TABLE contract_cash_states MODIFY issuer_ref VARBINARY(512) NOT NULL;

DROP INDEX pennies_idx ON contract_cash_states;

ALTER TABLE contract_cash_states MODIFY pennies BIGINT NOT NULL;

CREATE INDEX pennies_idx ON contract_cash_states(pennies);

--  Changeset migration/cash.changelog-v2.xml::extend_cash_states_transaction_id::R3.Corda
ALTER TABLE contract_cash_states MODIFY transaction_id NVARCHAR(144);

