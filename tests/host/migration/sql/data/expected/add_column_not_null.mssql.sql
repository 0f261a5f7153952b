-- Changeset add_column_not_null.xml::not-null-values::t
ALTER TABLE party ADD code varchar(8);
GO

ALTER TABLE party ADD rank int CONSTRAINT DF_party_rank DEFAULT 1;
GO

ALTER TABLE party ADD note varchar(20) NOT NULL;
GO

ALTER TABLE party ADD flag bit CONSTRAINT DF_party_flag DEFAULT 0;
GO

UPDATE party SET code = 'none';
GO

UPDATE party SET rank = 3;
GO

UPDATE party SET flag = 1;
GO

ALTER TABLE party ALTER COLUMN code varchar(8) NOT NULL;
GO

ALTER TABLE party ALTER COLUMN rank int NOT NULL;
GO

ALTER TABLE party ALTER COLUMN flag bit NOT NULL;
GO

