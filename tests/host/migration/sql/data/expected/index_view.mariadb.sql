--  Changeset index_view.xml::indexes::t
CREATE UNIQUE INDEX ix_party_name ON party(name);

CREATE INDEX ix_party_score ON party(score DESC, id);

DROP INDEX ix_party_name ON party;

--  Changeset index_view.xml::views::t
CREATE VIEW v_party AS select id, name from party;

CREATE OR REPLACE VIEW v_party AS select id from party where name = 'x';

DROP VIEW v_party;

