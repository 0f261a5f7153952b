-- Changeset migration/node-services.changelog-init.xml::1511451595465-6::R3.Corda
CREATE TABLE node_bft_committed_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, consuming_transaction_id nvarchar(64));
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id int NOT NULL, consuming_transaction_id nvarchar(64) NOT NULL, requesting_party_name nvarchar(255) NOT NULL, request_timestamp datetime2 NOT NULL, request_signature varbinary(MAX) NOT NULL);
GO

-- Changeset migration/node-services.changelog-init.xml::1511451595465-31::R3.Corda
ALTER TABLE node_bft_committed_states ADD CONSTRAINT node_bft_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_bft_committed_states ALTER COLUMN consuming_transaction_id nvarchar(64) NOT NULL;
GO

-- Changeset migration/notary-bft-smart.changelog-pkey.xml::non-clustered_pk-bft_stae::R3.Corda
ALTER TABLE node_bft_committed_states DROP CONSTRAINT node_bft_states_pkey;
GO

ALTER TABLE node_bft_committed_states ADD CONSTRAINT node_bft_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

-- Changeset migration/notary-bft-smart.changelog-committed-transactions-table.xml::create-bft-committed-transactions-table::R3.Corda
CREATE TABLE node_bft_committed_txs (transaction_id nvarchar(64) NOT NULL);
GO

ALTER TABLE node_bft_committed_txs ADD CONSTRAINT node_bft_transactions_pkey PRIMARY KEY (transaction_id);
GO

-- Changeset migration/notary-bft-smart.changelog-v2.xml::node_bft_transaction_id_size::R3.Corda
ALTER TABLE node_bft_committed_states DROP CONSTRAINT node_bft_states_pkey;
GO

ALTER TABLE node_bft_committed_txs DROP CONSTRAINT node_bft_transactions_pkey;
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN consuming_transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_bft_committed_txs ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN consuming_transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144);
GO

ALTER TABLE node_bft_committed_txs ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_bft_committed_states ALTER COLUMN consuming_transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_bft_committed_txs ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_bft_committed_states ADD CONSTRAINT node_bft_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

ALTER TABLE node_bft_committed_txs ADD CONSTRAINT node_bft_transactions_pkey PRIMARY KEY (transaction_id);
GO

-- Changeset migration/notary-bft-smart.changelog-v2.xml::node_bft_transaction_id_size-non-clustered_pk::R3.Corda
ALTER TABLE node_bft_committed_states DROP CONSTRAINT node_bft_states_pkey;
GO

ALTER TABLE node_bft_committed_states ADD CONSTRAINT node_bft_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

