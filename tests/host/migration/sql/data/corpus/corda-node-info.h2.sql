-- Changeset migration/node-info.changelog-init.xml::1511451595465-4::R3.Corda
CREATE TABLE PUBLIC.node_link_nodeinfo_party (node_info_id INT NOT NULL, party_name NVARCHAR(255) NOT NULL);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-10::R3.Corda
CREATE TABLE PUBLIC.node_info_hosts (host NVARCHAR(255) NOT NULL, port INT NOT NULL, node_info_id INT);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-11::R3.Corda
CREATE TABLE PUBLIC.node_info_party_cert (party_name NVARCHAR(255) NOT NULL, ismain BOOLEAN NOT NULL, owning_key_hash NVARCHAR(130), party_cert_binary BLOB);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-12::R3.Corda
CREATE TABLE PUBLIC.node_infos (node_info_id INT NOT NULL, node_info_hash NVARCHAR(64), platform_version INT, serial BIGINT);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-35::R3.Corda
ALTER TABLE PUBLIC.node_info_hosts ADD CONSTRAINT node_info_hosts_pkey PRIMARY KEY (host, port);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-36::R3.Corda
ALTER TABLE PUBLIC.node_info_party_cert ADD CONSTRAINT node_info_party_cert_pkey PRIMARY KEY (party_name);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-37::R3.Corda
ALTER TABLE PUBLIC.node_infos ADD CONSTRAINT node_infos_pkey PRIMARY KEY (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-62::R3.Corda
ALTER TABLE PUBLIC.node_link_nodeinfo_party ADD CONSTRAINT FK__link_nodeinfo_party__infos FOREIGN KEY (node_info_id) REFERENCES PUBLIC.node_infos (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-63::R3.Corda
ALTER TABLE PUBLIC.node_info_hosts ADD CONSTRAINT FK__info_hosts__infos FOREIGN KEY (node_info_id) REFERENCES PUBLIC.node_infos (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::remove_host_port_pk::R3.Corda
DELETE FROM PUBLIC.node_infos;

DELETE FROM PUBLIC.node_link_nodeinfo_party;

DELETE FROM PUBLIC.node_info_hosts;

DELETE FROM PUBLIC.node_info_party_cert;

ALTER TABLE PUBLIC.node_info_hosts DROP PRIMARY KEY;

ALTER TABLE PUBLIC.node_info_hosts ADD hosts_id INT NOT NULL;

ALTER TABLE PUBLIC.node_info_hosts ADD CONSTRAINT node_info_hosts_pkey_id PRIMARY KEY (hosts_id);

-- Changeset migration/node-info.changelog-v1.xml::key/value node properties table::R3.Corda
CREATE TABLE PUBLIC.node_properties (property_key NVARCHAR(255) NOT NULL, property_value NVARCHAR(255));

-- Changeset migration/node-info.changelog-v2.xml::1525962920::R3.Corda
ALTER TABLE PUBLIC.node_infos ALTER COLUMN node_info_hash SET NOT NULL;

ALTER TABLE PUBLIC.node_infos ALTER COLUMN platform_version SET NOT NULL;

ALTER TABLE PUBLIC.node_infos ALTER COLUMN serial SET NOT NULL;

ALTER TABLE PUBLIC.node_info_hosts ALTER COLUMN host SET NULL;

ALTER TABLE PUBLIC.node_info_hosts ALTER COLUMN port SET NULL;

ALTER TABLE PUBLIC.node_info_party_cert ALTER COLUMN owning_key_hash SET NOT NULL;

ALTER TABLE PUBLIC.node_info_party_cert ALTER COLUMN party_cert_binary SET NOT NULL;

-- Changeset migration/node-info.changelog-v3.xml::column_host_name::R3.Corda
ALTER TABLE PUBLIC.node_info_hosts ALTER COLUMN host RENAME TO host_name;

