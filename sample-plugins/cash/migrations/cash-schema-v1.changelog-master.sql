--liquibase formatted sql

--changeset cash-sample:create-contract-cash-states
CREATE TABLE contract_cash_states (
    output_index INTEGER NOT NULL,
    transaction_id VARCHAR(144) NOT NULL,
    owner_name VARCHAR(255),
    pennies BIGINT,
    ccy_code VARCHAR(3),
    issuer_name VARCHAR(255),
    CONSTRAINT contract_cash_states_pkey PRIMARY KEY (output_index, transaction_id)
);
--rollback DROP TABLE contract_cash_states;

--changeset cash-sample:cash-owner-index
CREATE INDEX ccy_code_idx ON contract_cash_states (ccy_code);
--rollback DROP INDEX ccy_code_idx;
