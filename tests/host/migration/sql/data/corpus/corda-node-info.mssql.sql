-- Changeset migration/node-info.changelog-init.xml::1511451595465-4::R3.Corda
CREATE TABLE node_link_nodeinfo_party (node_info_id int NOT NULL, party_name nvarchar(255) NOT NULL);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-10::R3.Corda
CREATE TABLE node_info_hosts (host nvarchar(255) NOT NULL, port int NOT NULL, node_info_id int);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-11::R3.Corda
CREATE TABLE node_info_party_cert (party_name nvarchar(255) NOT NULL, ismain bit NOT NULL, owning_key_hash nvarchar(130), party_cert_binary varbinary(MAX));
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-12::R3.Corda
CREATE TABLE node_infos (node_info_id int NOT NULL, node_info_hash nvarchar(64), platform_version int, serial bigint);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-35::R3.Corda
ALTER TABLE node_info_hosts ADD CONSTRAINT node_info_hosts_pkey PRIMARY KEY (host, port);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-36::R3.Corda
ALTER TABLE node_info_party_cert ADD CONSTRAINT node_info_party_cert_pkey PRIMARY KEY (party_name);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-37::R3.Corda
ALTER TABLE node_infos ADD CONSTRAINT node_infos_pkey PRIMARY KEY (node_info_id);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-62::R3.Corda
ALTER TABLE node_link_nodeinfo_party ADD CONSTRAINT FK__link_nodeinfo_party__infos FOREIGN KEY (node_info_id) REFERENCES node_infos (node_info_id);
GO

-- Changeset migration/node-info.changelog-init.xml::1511451595465-63::R3.Corda
ALTER TABLE node_info_hosts ADD CONSTRAINT FK__info_hosts__infos FOREIGN KEY (node_info_id) REFERENCES node_infos (node_info_id);
GO

-- Changeset migration/node-info.changelog-init.xml::remove_host_port_pk::R3.Corda
DELETE FROM node_infos;
GO

DELETE FROM node_link_nodeinfo_party;
GO

DELETE FROM node_info_hosts;
GO

DELETE FROM node_info_party_cert;
GO

ALTER TABLE node_info_hosts DROP CONSTRAINT node_info_hosts_pkey;
GO

ALTER TABLE node_info_hosts ADD hosts_id int NOT NULL;
GO

ALTER TABLE node_info_hosts ADD CONSTRAINT node_info_hosts_pkey_id PRIMARY KEY (hosts_id);
GO

-- Changeset migration/node-info.changelog-v1.xml::key/value node properties table::R3.Corda
CREATE TABLE node_properties (property_key nvarchar(255) NOT NULL, property_value nvarchar(255));
GO

-- Changeset migration/node-info.changelog-v2.xml::1525962920::R3.Corda
ALTER TABLE node_infos ALTER COLUMN node_info_hash nvarchar(64) NOT NULL;
GO

ALTER TABLE node_infos ALTER COLUMN platform_version int NOT NULL;
GO

ALTER TABLE node_infos ALTER COLUMN serial bigint NOT NULL;
GO

ALTER TABLE node_info_hosts ALTER COLUMN host nvarchar(255) NULL;
GO

ALTER TABLE node_info_hosts ALTER COLUMN port int NULL;
GO

ALTER TABLE node_info_party_cert ALTER COLUMN owning_key_hash nvarchar(130) NOT NULL;
GO

ALTER TABLE node_info_party_cert ALTER COLUMN party_cert_binary varbinary(MAX) NOT NULL;
GO

-- Changeset migration/node-info.changelog-v3.xml::column_host_name::R3.Corda
exec sp_rename 'node_info_hosts.host', 'host_name', 'COLUMN';
GO

