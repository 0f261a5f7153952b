--liquibase formatted sql
-- Raw SQL names its tables with the tablePrefix property, which the host defines from node.yaml
-- (schemas.<family>.tablePrefix, "" by default); with plain Liquibase pass -DtablePrefix=

--changeset cash-sample:create-contract-cash-states
CREATE TABLE ${tablePrefix}contract_cash_states (
    output_index INTEGER NOT NULL,
    transaction_id VARCHAR(144) NOT NULL,
    owner_name VARCHAR(255),
    pennies BIGINT,
    ccy_code VARCHAR(3),
    issuer_name VARCHAR(255),
    CONSTRAINT ${tablePrefix}contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id)
);
--rollback DROP TABLE ${tablePrefix}contract_cash_states;

--changeset cash-sample:cash-owner-index
CREATE INDEX ${tablePrefix}ccy_code_idx ON ${tablePrefix}contract_cash_states (ccy_code);
--rollback DROP INDEX ${tablePrefix}ccy_code_idx;
