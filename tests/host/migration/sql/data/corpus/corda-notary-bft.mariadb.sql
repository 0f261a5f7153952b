--  Changeset migration/node-services.changelog-init.xml::1511451595465-6::R3.Corda
CREATE TABLE node_bft_committed_states (output_index INT NOT NULL, transaction_id NVARCHAR(64) NOT NULL, consuming_transaction_id NVARCHAR(64) NULL);

--  Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id INT NOT NULL, consuming_transaction_id NVARCHAR(64) NOT NULL, requesting_party_name NVARCHAR(255) NOT NULL, request_timestamp timestamp NOT NULL, request_signature BLOB NOT NULL);

--  Changeset migration/node-services.changelog-init.xml::1511451595465-31::R3.Corda
ALTER TABLE node_bft_committed_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD PRIMARY KEY (id);

--  Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_bft_committed_states MODIFY consuming_transaction_id NVARCHAR(64) NOT NULL;

--  Changeset migration/notary-bft-smart.changelog-pkey.xml::non-clustered_pk-bft_stae::R3.Corda
ALTER TABLE node_bft_committed_states DROP PRIMARY KEY;

ALTER TABLE node_bft_committed_states ADD PRIMARY KEY (output_index, transaction_id);

--  Changeset migration/notary-bft-smart.changelog-committed-transactions-table.xml::create-bft-committed-transactions-table::R3.Corda
CREATE TABLE node_bft_committed_txs (transaction_id NVARCHAR(64) NOT NULL);

ALTER TABLE node_bft_committed_txs ADD PRIMARY KEY (transaction_id);

--  Changeset migration/notary-bft-smart.changelog-v2.xml::node_bft_transaction_id_size::R3.Corda
ALTER TABLE node_bft_committed_states DROP PRIMARY KEY;

ALTER TABLE node_bft_committed_txs DROP PRIMARY KEY;

ALTER TABLE node_bft_committed_states MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_bft_committed_states MODIFY consuming_transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_bft_committed_txs MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_bft_committed_states MODIFY transaction_id NVARCHAR(144);

ALTER TABLE node_bft_committed_states MODIFY consuming_transaction_id NVARCHAR(144);

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(144);

ALTER TABLE node_bft_committed_txs MODIFY transaction_id NVARCHAR(144);

ALTER TABLE node_bft_committed_states MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_bft_committed_states MODIFY consuming_transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_bft_committed_txs MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_bft_committed_states ADD PRIMARY KEY (output_index, transaction_id);

ALTER TABLE node_bft_committed_txs ADD PRIMARY KEY (transaction_id);

--  Changeset migration/notary-bft-smart.changelog-v2.xml::node_bft_transaction_id_size-non-clustered_pk::R3.Corda
ALTER TABLE node_bft_committed_states DROP PRIMARY KEY;

ALTER TABLE node_bft_committed_states ADD PRIMARY KEY (output_index, transaction_id);

