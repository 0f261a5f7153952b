--  Changeset migration/node-services.changelog-init.xml::1511451595465-18::R3.Corda
CREATE TABLE node_raft_committed_states (id NVARCHAR(128) NOT NULL, state_index BIGINT NULL, state_value BLOB NULL);

--  Changeset migration/node-services.changelog-init.xml::1521131680317-17::R3.Corda
CREATE TABLE node_notary_request_log (id INT NOT NULL, consuming_transaction_id NVARCHAR(64) NOT NULL, requesting_party_name NVARCHAR(255) NOT NULL, request_timestamp timestamp NOT NULL, request_signature BLOB NOT NULL);

--  Changeset migration/node-services.changelog-init.xml::1511451595465-43::R3.Corda
ALTER TABLE node_raft_committed_states ADD PRIMARY KEY (id);

--  Changeset migration/node-services.changelog-init.xml::1521131680317-48::R3.Corda
ALTER TABLE node_notary_request_log ADD PRIMARY KEY (id);

--  Changeset migration/node-services.changelog-init.xml::nullability::R3.Corda
ALTER TABLE node_raft_committed_states MODIFY state_index BIGINT NOT NULL;

ALTER TABLE node_raft_committed_states MODIFY state_value BLOB NOT NULL;

--  Changeset migration/notary-raft.changelog-committed-transactions-table.xml::create-raft-committed-transactions-table::R3.Corda
CREATE TABLE node_raft_committed_txs (transaction_id NVARCHAR(64) NOT NULL);

ALTER TABLE node_raft_committed_txs ADD PRIMARY KEY (transaction_id);

--  Changeset migration/node-services.changelog-init.xml::node_raft_transaction_id_size::R3.Corda
ALTER TABLE node_raft_committed_txs DROP PRIMARY KEY;

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(64) NULL;

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NVARCHAR(144);

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(144);

ALTER TABLE node_raft_committed_txs MODIFY transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_notary_request_log MODIFY consuming_transaction_id NVARCHAR(144) NOT NULL;

ALTER TABLE node_raft_committed_txs ADD PRIMARY KEY (transaction_id);

--  Changeset migration/node-services.changelog-init.xml::node_raft_committed_states_id_size::R3.Corda
ALTER TABLE node_raft_committed_states DROP PRIMARY KEY;

ALTER TABLE node_raft_committed_states MODIFY id NVARCHAR(128) NULL;

ALTER TABLE node_raft_committed_states MODIFY id NVARCHAR(208);

ALTER TABLE node_raft_committed_states MODIFY id NVARCHAR(208) NOT NULL;

ALTER TABLE node_raft_committed_states ADD PRIMARY KEY (id);

