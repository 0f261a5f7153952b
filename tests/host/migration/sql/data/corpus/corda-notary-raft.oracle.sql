-- Changeset migration/node-services.changelog-init.xml::1511451595465-18::R3.Corda
CREATE TABLE node_raft_committed_states (id NVARCHAR2(128) NOT NULL, state_index NUMBER(38, 0), state_value BLOB);

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id INTEGER NOT NULL, consuming_transaction_id NVARCHAR2(64) NOT NULL, requesting_party_name NVARCHAR2(255) NOT NULL, request_timestamp TIMESTAMP NOT NULL, request_signature BLOB NOT NULL);

-- Changeset migration/node-services.changelog-init.xml::1511451595465-43::R3.Corda
ALTER TABLE node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_raft_committed_states MODIFY state_index NOT NULL;

ALTER TABLE node_raft_committed_states MODIFY state_value NOT NULL;

-- Changeset migration/notary-raft.changelog-committed-transactions-table.xml::create-raft-committed-transactions-table::R3.Corda
CREATE TABLE node_raft_committed_txs (transaction_id NVARCHAR2(64) NOT NULL);

ALTER TABLE node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);

-- Changeset migration/node-services.changelog-init.xml::node_raft_transaction_id_size::R3.Corda
ALTER TABLE node_raft_committed_txs DROP PRIMARY KEY DROP INDEX;

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NULL;

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NVARCHAR2(144);

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR2(144);

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NOT NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NOT NULL;

ALTER TABLE node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);

-- Changeset migration/node-services.changelog-init.xml::node_raft_committed_states_id_size::R3.Corda
ALTER TABLE node_raft_committed_states DROP PRIMARY KEY DROP INDEX;

ALTER TABLE node_raft_committed_states MODIFY id NULL;

ALTER TABLE node_raft_committed_states MODIFY id NVARCHAR2(208);

ALTER TABLE node_raft_committed_states MODIFY id NOT NULL;

ALTER TABLE node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);

