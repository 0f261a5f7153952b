-- Changeset index_view.xml::indexes::t
CREATE UNIQUE NONCLUSTERED INDEX ix_party_name ON party(name);
GO

CREATE NONCLUSTERED INDEX ix_party_score ON party(score DESC, id);
GO

DROP INDEX ix_party_name ON party;
GO

-- Changeset index_view.xml::views::t
CREATE VIEW v_party AS select id, name from party;
GO

IF NOT EXISTS (SELECT * FROM sys.views WHERE object_id = OBJECT_ID(N'[v_party]'))
    EXEC sp_executesql N'CREATE VIEW [v_party] AS SELECT ''This is a code stub which will be replaced by an Alter Statement'' as [code_stub]';
GO

ALTER VIEW v_party AS select id from party where name = 'x';
GO

DROP VIEW v_party;
GO

