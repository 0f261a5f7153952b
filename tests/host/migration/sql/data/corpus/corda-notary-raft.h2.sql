-- Changeset migration/node-services.changelog-init.xml::1511451595465-18::R3.Corda
CREATE TABLE PUBLIC.node_raft_committed_states (id NVARCHAR(128) NOT NULL, state_index BIGINT, state_value BLOB);

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE PUBLIC.node_notary_request_log (id INT NOT NULL, consuming_transaction_id NVARCHAR(64) NOT NULL, requesting_party_name NVARCHAR(255) NOT NULL, request_timestamp TIMESTAMP NOT NULL, request_signature BLOB NOT NULL);

-- Changeset migration/node-services.changelog-init.xml::1511451595465-43::R3.Corda
ALTER TABLE PUBLIC.node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE PUBLIC.node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE PUBLIC.node_raft_committed_states ALTER COLUMN state_index SET NOT NULL;

ALTER TABLE PUBLIC.node_raft_committed_states ALTER COLUMN state_value SET NOT NULL;

-- Changeset migration/notary-raft.changelog-committed-transactions-table.xml::create-raft-committed-transactions-table::R3.Corda
CREATE TABLE PUBLIC.node_raft_committed_txs (transaction_id NVARCHAR(64) NOT NULL);

ALTER TABLE PUBLIC.node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);

-- Changeset migration/node-services.changelog-init.xml::node_raft_transaction_id_size::R3.Corda
ALTER TABLE PUBLIC.node_raft_committed_txs DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_raft_committed_txs ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id SET NULL;

ALTER TABLE PUBLIC.node_raft_committed_txs ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_raft_committed_txs ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);

-- Changeset migration/node-services.changelog-init.xml::node_raft_committed_states_id_size::R3.Corda
ALTER TABLE PUBLIC.node_raft_committed_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_raft_committed_states ALTER COLUMN id SET NULL;

ALTER TABLE PUBLIC.node_raft_committed_states ALTER COLUMN id NVARCHAR(208);

ALTER TABLE PUBLIC.node_raft_committed_states ALTER COLUMN id SET NOT NULL;

ALTER TABLE PUBLIC.node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);

