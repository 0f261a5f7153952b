-- Changeset migration/common.changelog-init.xml::1511451595465-1.1::R3.Corda
CREATE SEQUENCE PUBLIC.hibernate_sequence;

