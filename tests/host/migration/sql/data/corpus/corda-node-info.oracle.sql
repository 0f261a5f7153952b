-- Changeset migration/node-info.changelog-init.xml::1511451595465-4::R3.Corda
CREATE TABLE node_link_nodeinfo_party (node_info_id INTEGER NOT NULL, party_name NVARCHAR2(255) NOT NULL);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-10::R3.Corda
CREATE TABLE node_info_hosts (host NVARCHAR2(255) NOT NULL, port INTEGER NOT NULL, node_info_id INTEGER);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-11::R3.Corda
CREATE TABLE node_info_party_cert (party_name NVARCHAR2(255) NOT NULL, ismain BOOLEAN NOT NULL, owning_key_hash NVARCHAR2(130), party_cert_binary BLOB);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-12::R3.Corda
CREATE TABLE node_infos (node_info_id INTEGER NOT NULL, node_info_hash NVARCHAR2(64), platform_version INTEGER, serial NUMBER(38, 0));

-- Changeset migration/node-info.changelog-init.xml::1511451595465-35::R3.Corda
ALTER TABLE node_info_hosts ADD CONSTRAINT node_info_hosts_pkey PRIMARY KEY (host, port);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-36::R3.Corda
ALTER TABLE node_info_party_cert ADD CONSTRAINT node_info_party_cert_pkey PRIMARY KEY (party_name);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-37::R3.Corda
ALTER TABLE node_infos ADD CONSTRAINT node_infos_pkey PRIMARY KEY (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-62::R3.Corda
ALTER TABLE node_link_nodeinfo_party ADD CONSTRAINT FK__link_nodeinfo_party__infos FOREIGN KEY (node_info_id) REFERENCES node_infos (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::1511451595465-63::R3.Corda
ALTER TABLE node_info_hosts ADD CONSTRAINT FK__info_hosts__infos FOREIGN KEY (node_info_id) REFERENCES node_infos (node_info_id);

-- Changeset migration/node-info.changelog-init.xml::remove_host_port_pk::R3.Corda
DELETE FROM node_infos;

DELETE FROM node_link_nodeinfo_party;

DELETE FROM node_info_hosts;

DELETE FROM node_info_party_cert;

ALTER TABLE node_info_hosts DROP PRIMARY KEY DROP INDEX;

ALTER TABLE node_info_hosts ADD hosts_id INTEGER NOT NULL;

ALTER TABLE node_info_hosts ADD CONSTRAINT node_info_hosts_pkey_id PRIMARY KEY (hosts_id);

-- Changeset migration/node-info.changelog-v1.xml::key/value node properties table::R3.Corda
CREATE TABLE node_properties (property_key NVARCHAR2(255) NOT NULL, property_value NVARCHAR2(255));

-- Changeset migration/node-info.changelog-v2.xml::1525962920::R3.Corda
ALTER TABLE node_infos MODIFY node_info_hash NOT NULL;

ALTER TABLE node_infos MODIFY platform_version NOT NULL;

ALTER TABLE node_infos MODIFY serial NOT NULL;

ALTER TABLE node_info_hosts MODIFY host NULL;

ALTER TABLE node_info_hosts MODIFY port NULL;

ALTER TABLE node_info_party_cert MODIFY owning_key_hash NOT NULL;

ALTER TABLE node_info_party_cert MODIFY party_cert_binary NOT NULL;

-- Changeset migration/node-info.changelog-v3.xml::column_host_name::R3.Corda
ALTER TABLE node_info_hosts RENAME COLUMN host TO host_name;

