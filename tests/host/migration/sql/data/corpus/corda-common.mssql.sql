-- Changeset migration/common.changelog-init.xml::1511451595465-1.3::R3.Corda
CREATE SEQUENCE hibernate_sequence MINVALUE 1;
GO

