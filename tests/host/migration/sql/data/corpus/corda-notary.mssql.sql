-- Changeset migration/node-services.changelog-init.xml::1511451595465-16::R3.Corda
CREATE TABLE node_notary_committed_states (output_index int NOT NULL, transaction_id nvarchar(64) NOT NULL, consuming_transaction_id nvarchar(64));
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id int NOT NULL, consuming_transaction_id nvarchar(64) NOT NULL, requesting_party_name nvarchar(255) NOT NULL, request_timestamp datetime2 NOT NULL, request_signature varbinary(MAX) NOT NULL);
GO

-- Changeset migration/node-services.changelog-init.xml::1511451595465-41::R3.Corda
ALTER TABLE node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_notary_committed_states ALTER COLUMN consuming_transaction_id nvarchar(64) NOT NULL;
GO

-- Changeset migration/node-notary.changelog-v2.xml::rename-table-notary-commit-log::R3.Corda
exec sp_rename 'node_notary_commit_log', 'node_notary_committed_states';
GO

-- Changeset migration/node-notary.changelog-v2.xml::create-notary-request-log-table::R3.Corda
CREATE TABLE node_notary_request_log (id int NOT NULL, consuming_transaction_id nvarchar(64) NOT NULL, requesting_party_name nvarchar(255) NOT NULL, request_timestamp datetime2 NOT NULL, request_signature varbinary(MAX) NOT NULL);
GO

ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-notary.changelog-pkey.xml::non-clustered_pk-notary_state::R3.Corda
ALTER TABLE node_notary_committed_states DROP CONSTRAINT node_notary_states_pkey;
GO

ALTER TABLE node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

-- Changeset migration/node-notary.changelog-committed-transactions-table.xml::create-notary-committed-transactions-table::R3.Corda
CREATE TABLE node_notary_committed_txs (transaction_id nvarchar(64) NOT NULL);
GO

ALTER TABLE node_notary_committed_txs ADD CONSTRAINT node_notary_transactions_pkey PRIMARY KEY (transaction_id);
GO

-- Changeset migration/node-notary.changelog-v3.xml::notary-request-log-change-id-type-oracle::R3.Corda
ALTER TABLE node_notary_request_log ADD id_temp nvarchar(76);
GO

UPDATE node_notary_request_log SET id_temp = id;
GO

ALTER TABLE node_notary_request_log DROP CONSTRAINT node_notary_request_log_pkey;
GO

DECLARE @sql [nvarchar](MAX)
SELECT @sql = N'ALTER TABLE node_notary_request_log DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN [sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = OBJECT_ID(N'node_notary_request_log') AND [c].[name] = N'id'
EXEC sp_executesql @sql;
GO

ALTER TABLE node_notary_request_log DROP COLUMN id;
GO

exec sp_rename 'node_notary_request_log.id_temp', 'id', 'COLUMN';
GO

ALTER TABLE node_notary_request_log ALTER COLUMN id nvarchar(76) NOT NULL;
GO

ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-notary.changelog-v3.xml::notary-request-log-change-id-type-others::R3.Corda
ALTER TABLE node_notary_request_log DROP CONSTRAINT node_notary_request_log_pkey;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN id nvarchar(76) NOT NULL;
GO

ALTER TABLE node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);
GO

-- Changeset migration/node-notary.changelog-worker-logging.xml::worker-logging::R3.Corda
ALTER TABLE node_notary_request_log ADD worker_node_x500_name nvarchar(255);
GO

-- Changeset migration/node-notary.changelog-v4.xml::node_notary_transaction_id_size::R3.Corda
ALTER TABLE node_notary_committed_txs DROP CONSTRAINT node_notary_transactions_pkey;
GO

ALTER TABLE node_notary_committed_states DROP CONSTRAINT node_notary_states_pkey;
GO

ALTER TABLE node_notary_committed_txs ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN consuming_transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(64) NULL;
GO

ALTER TABLE node_notary_committed_txs ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN consuming_transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144);
GO

ALTER TABLE node_notary_committed_txs ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_committed_states ALTER COLUMN consuming_transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_request_log ALTER COLUMN consuming_transaction_id nvarchar(144) NOT NULL;
GO

ALTER TABLE node_notary_committed_txs ADD CONSTRAINT node_notary_transactions_pkey PRIMARY KEY (transaction_id);
GO

ALTER TABLE node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);
GO

-- Changeset migration/node-notary.changelog-v4.xml::node_notary_transaction_id_size-non-clustered_pk::R3.Corda
ALTER TABLE node_notary_committed_states DROP CONSTRAINT node_notary_states_pkey;
GO

ALTER TABLE node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY NONCLUSTERED (output_index, transaction_id);
GO

