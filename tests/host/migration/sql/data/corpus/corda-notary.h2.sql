-- Changeset migration/node-services.changelog-init.xml::1511451595465-16::R3.Corda
CREATE TABLE PUBLIC.node_notary_committed_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, consuming_transaction_id NVARCHAR(64));

-- Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE PUBLIC.node_notary_request_log (id INT NOT NULL, consuming_transaction_id NVARCHAR(64) NOT NULL, requesting_party_name NVARCHAR(255) NOT NULL, request_timestamp TIMESTAMP NOT NULL, request_signature BLOB NOT NULL);

-- Changeset migration/node-services.changelog-init.xml::1511451595465-41::R3.Corda
ALTER TABLE PUBLIC.node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE PUBLIC.node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN consuming_transaction_id SET NOT NULL;

-- Changeset migration/node-notary.changelog-v2.xml::rename-table-notary-commit-log::R3.Corda
ALTER TABLE PUBLIC.node_notary_commit_log RENAME TO node_notary_committed_states;

-- Changeset migration/node-notary.changelog-v2.xml::create-notary-request-log-table::R3.Corda
CREATE TABLE PUBLIC.node_notary_request_log (id INT NOT NULL, consuming_transaction_id NVARCHAR(64) NOT NULL, requesting_party_name NVARCHAR(255) NOT NULL, request_timestamp TIMESTAMP NOT NULL, request_signature BLOB NOT NULL);

ALTER TABLE PUBLIC.node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-notary.changelog-pkey.xml::non-clustered_pk-notary_state::R3.Corda
ALTER TABLE PUBLIC.node_notary_committed_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-notary.changelog-committed-transactions-table.xml::create-notary-committed-transactions-table::R3.Corda
CREATE TABLE PUBLIC.node_notary_committed_txs (transaction_id NVARCHAR(64) NOT NULL);

ALTER TABLE PUBLIC.node_notary_committed_txs ADD CONSTRAINT node_notary_transactions_pkey PRIMARY KEY (transaction_id);

-- Changeset migration/node-notary.changelog-v3.xml::notary-request-log-change-id-type-oracle::R3.Corda
ALTER TABLE PUBLIC.node_notary_request_log ADD id_temp NVARCHAR(76);

UPDATE node_notary_request_log SET id_temp = id;

ALTER TABLE PUBLIC.node_notary_request_log DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_request_log DROP COLUMN id;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN id_temp RENAME TO id;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-notary.changelog-v3.xml::notary-request-log-change-id-type-others::R3.Corda
ALTER TABLE PUBLIC.node_notary_request_log DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN id NVARCHAR(76) NOT NULL;

ALTER TABLE PUBLIC.node_notary_request_log ADD CONSTRAINT node_notary_request_log_pkey PRIMARY KEY (id);

-- Changeset migration/node-notary.changelog-worker-logging.xml::worker-logging::R3.Corda
ALTER TABLE PUBLIC.node_notary_request_log ADD worker_node_x500_name NVARCHAR(255);

-- Changeset migration/node-notary.changelog-v4.xml::node_notary_transaction_id_size::R3.Corda
ALTER TABLE PUBLIC.node_notary_committed_txs DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_committed_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_committed_txs ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN transaction_id SET NULL;

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN consuming_transaction_id SET NULL;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id SET NULL;

ALTER TABLE PUBLIC.node_notary_committed_txs ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN consuming_transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id NVARCHAR(144);

ALTER TABLE PUBLIC.node_notary_committed_txs ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_committed_states ALTER COLUMN consuming_transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_request_log ALTER COLUMN consuming_transaction_id SET NOT NULL;

ALTER TABLE PUBLIC.node_notary_committed_txs ADD CONSTRAINT node_notary_transactions_pkey PRIMARY KEY (transaction_id);

ALTER TABLE PUBLIC.node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);

-- Changeset migration/node-notary.changelog-v4.xml::node_notary_transaction_id_size-non-clustered_pk::R3.Corda
ALTER TABLE PUBLIC.node_notary_committed_states DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_notary_committed_states ADD CONSTRAINT node_notary_states_pkey PRIMARY KEY (output_index, transaction_id);

