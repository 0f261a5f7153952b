-- Changeset constraints.xml::not-null::t
UPDATE party SET name = 'unknown' WHERE name IS NULL;
GO

ALTER TABLE party ALTER COLUMN name varchar(64) NOT NULL;
GO

UPDATE party SET score = '0' WHERE score IS NULL;
GO

ALTER TABLE party ALTER COLUMN score int NOT NULL;
GO

ALTER TABLE party ALTER COLUMN name varchar(64) NULL;
GO

-- Changeset constraints.xml::defaults::t
ALTER TABLE party ADD CONSTRAINT DF_party_name DEFAULT 'a''b' FOR name;
GO

ALTER TABLE party ADD CONSTRAINT DF_party_score DEFAULT 3 FOR score;
GO

ALTER TABLE party ADD CONSTRAINT DF_party_enabled DEFAULT 1 FOR enabled;
GO

ALTER TABLE party ADD CONSTRAINT DF_party_upd DEFAULT GETDATE() FOR upd;
GO

ALTER TABLE party ADD CONSTRAINT DF_party_born DEFAULT '2000-01-01' FOR born;
GO

DECLARE @sql [nvarchar](MAX)
SELECT @sql = N'ALTER TABLE party DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN [sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = OBJECT_ID(N'party') AND [c].[name] = N'name'
EXEC sp_executesql @sql;
GO

-- Changeset constraints.xml::keys::t
ALTER TABLE party ADD CONSTRAINT pk_party2 PRIMARY KEY (id, name);
GO

ALTER TABLE party DROP CONSTRAINT pk_party2;
GO

ALTER TABLE party ADD CONSTRAINT uq_name_score UNIQUE (name, score);
GO

ALTER TABLE party DROP CONSTRAINT uq_name_score;
GO

-- Changeset constraints.xml::foreign-keys::t
ALTER TABLE child ADD CONSTRAINT fk_child_party FOREIGN KEY (party_id) REFERENCES party (id) ON UPDATE CASCADE ON DELETE SET NULL;
GO

ALTER TABLE child DROP CONSTRAINT fk_child_party;
GO

-- Changeset constraints.xml::default-value-sqlite::t
ALTER TABLE app.party ADD CONSTRAINT df_note DEFAULT 'n' FOR note;
GO

