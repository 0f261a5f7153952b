-- Changeset columns.xml::add-columns::t
ALTER TABLE party ADD a int;
GO

ALTER TABLE party ADD b varchar(20) CONSTRAINT DF_party_b DEFAULT 'x' NOT NULL;
GO

ALTER TABLE party ADD c bit CONSTRAINT DF_party_c DEFAULT 1;
GO

-- Changeset columns.xml::add-column-values::t
ALTER TABLE app.party ADD v1 varchar(20);
GO

ALTER TABLE app.party ADD v2 int;
GO

ALTER TABLE app.party ADD v3 bit;
GO

ALTER TABLE app.party ADD v4 date;
GO

ALTER TABLE app.party ADD v5 int;
GO

UPDATE app.party SET v1 = 'it''s';
GO

UPDATE app.party SET v2 = 7;
GO

UPDATE app.party SET v3 = 1;
GO

UPDATE app.party SET v4 = '2024-05-06';
GO

UPDATE app.party SET v5 = a * 2;
GO

-- Changeset columns.xml::add-column-constraints::t
ALTER TABLE party ADD code varchar(8);
GO

ALTER TABLE party ADD CONSTRAINT uq_code UNIQUE (code);
GO

ALTER TABLE party ADD ref bigint;
GO

ALTER TABLE party ADD CONSTRAINT fk_ref FOREIGN KEY (ref) REFERENCES party (id);
GO

-- Changeset columns.xml::drop-column::t
DECLARE @sql [nvarchar](MAX)
SELECT @sql = N'ALTER TABLE party DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN [sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = OBJECT_ID(N'party') AND [c].[name] = N'a'
EXEC sp_executesql @sql;
GO

ALTER TABLE party DROP COLUMN a;
GO

-- Changeset columns.xml::drop-columns::t
DECLARE @sql [nvarchar](MAX)
SELECT @sql = N'ALTER TABLE party DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN [sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = OBJECT_ID(N'party') AND [c].[name] = N'b'
EXEC sp_executesql @sql;
GO

ALTER TABLE party DROP COLUMN b;
GO

DECLARE @sql [nvarchar](MAX)
SELECT @sql = N'ALTER TABLE party DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN [sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = OBJECT_ID(N'party') AND [c].[name] = N'c'
EXEC sp_executesql @sql;
GO

ALTER TABLE party DROP COLUMN c;
GO

-- Changeset columns.xml::rename::t
exec sp_rename 'party.code', 'short_code', 'COLUMN';
GO

-- Changeset columns.xml::modify::t
ALTER TABLE party ALTER COLUMN short_code varchar(16);
GO

ALTER TABLE party ALTER COLUMN score bigint;
GO

