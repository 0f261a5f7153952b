-- Changeset migration/node-services.changelog-init.xml::1511451595465-18::R3.Corda
CREATE TABLE node_raft_committed_states (id nvarchar(128) NOT NULL, state_index bigint, state_value varbinary(MAX));
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id int NOT NULL, consuming_transaction_id nvarchar(64) NOT NULL, requesting_party_name nvarchar(255) NOT NULL, request_timestamp datetime2 NOT NULL, request_signature varbinary(MAX) NOT NULL);
GO

-- Changeset migration/node-services.changelog-init.xml::1511451595465-43::R3.Corda
ALTER TABLE node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_raft_committed_states ALTER COLUMN state_index bigint NOT NULL;
GO

ALTER TABLE node_raft_committed_states ALTER COLUMN state_value varbinary(MAX) NOT NULL;
GO

-- Changeset migration/notary-raft.changelog-committed-transactions-table.xml::create-raft-committed-transactions-table::R3.Corda
CREATE TABLE node_raft_committed_txs (transaction_id nvarchar(64) NOT NULL);
GO

ALTER TABLE node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);
GO

-- Changeset migration/node-services.changelog-init.xml::node_raft_transaction_id_size::R3.Corda
ALTER TABLE node_raft_committed_txs DROP CONSTRAINT node_raft_transactions_pkey;
GO

ALTER TABLE node_raft_committed_txs ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_raft_committed_txs ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144);
GO

ALTER TABLE node_raft_committed_txs ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_raft_committed_txs ADD CONSTRAINT node_raft_transactions_pkey PRIMARY KEY (transaction_id);
GO

-- Changeset migration/node-services.changelog-init.xml::node_raft_committed_states_id_size::R3.Corda
ALTER TABLE node_raft_committed_states DROP CONSTRAINT node_raft_state_pkey;
GO

ALTER TABLE node_raft_committed_states ALTER COLUMN id nvarchar(128) NULL;
GO

ALTER TABLE node_raft_committed_states ALTER COLUMN id nvarchar(208);
GO

ALTER TABLE node_raft_committed_states ALTER COLUMN id nvarchar(208) NOT NULL;
GO

ALTER TABLE node_raft_committed_states ADD CONSTRAINT node_raft_state_pkey PRIMARY KEY (id);
GO

