-- Changeset index_view.xml::indexes::t
CREATE UNIQUE INDEX PUBLIC.ix_party_name ON PUBLIC.party(name);

CREATE INDEX PUBLIC.ix_party_score ON PUBLIC.party(score DESC, id);

DROP INDEX PUBLIC.ix_party_name;

-- Changeset index_view.xml::views::t
CREATE VIEW PUBLIC.v_party AS select id, name from party;

CREATE OR REPLACE VIEW PUBLIC.v_party AS select id from party where name = 'x';

DROP VIEW PUBLIC.v_party;

