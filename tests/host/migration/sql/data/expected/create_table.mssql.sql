-- Changeset create_table.xml::defaults::t
CREATE TABLE party (id int IDENTITY (1, 1) NOT NULL, name varchar(64) CONSTRAINT DF_party_name DEFAULT 'o''neil' NOT NULL, score int CONSTRAINT DF_party_score DEFAULT 42, ratio float(53) CONSTRAINT DF_party_ratio DEFAULT -0.5, enabled bit CONSTRAINT DF_party_enabled DEFAULT 0, born date CONSTRAINT DF_party_born DEFAULT '2020-02-29', seen datetime CONSTRAINT DF_party_seen DEFAULT '2021-03-04T05:06:07', upd datetime2 CONSTRAINT DF_party_upd DEFAULT GETDATE(), expr int CONSTRAINT DF_party_expr DEFAULT 1 + 2, [key] char(2), CONSTRAINT PK_PARTY PRIMARY KEY (id), CONSTRAINT uq_party_name UNIQUE (name));
GO

IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo.party') AND name = N'MS_DESCRIPTION' AND minor_id = 0 ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = N'it''s a party' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = N'it''s a party' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' END;
GO

IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo.party') AND name = N'MS_DESCRIPTION' AND minor_id = ( SELECT column_id FROM sys.columns WHERE name = 'name' AND object_id = OBJECT_ID('dbo.party')) ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = N'legal name' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' , @level2type = N'COLUMN' , @level2name = N'name' END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = N'legal name' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' , @level2type = N'COLUMN' , @level2name = N'name' END;
GO

-- Changeset create_table.xml::identity-start-increment::t
CREATE TABLE counter (id int IDENTITY (100, 5) NOT NULL, CONSTRAINT pk_counter PRIMARY KEY (id));
GO

-- Changeset create_table.xml::composite-pk-and-fks::t
CREATE TABLE membership (party_id bigint NOT NULL, group_id int NOT NULL, note nvarchar(100), CONSTRAINT pk_membership PRIMARY KEY (party_id, group_id), CONSTRAINT fk_mem_party FOREIGN KEY (party_id) REFERENCES party(id) ON DELETE CASCADE, CONSTRAINT fk_mem_party2 FOREIGN KEY (group_id) REFERENCES party(id), UNIQUE (note));
GO

-- Changeset create_table.xml::reserved-and-mixed-case::t
CREATE TABLE [order] ([user] varchar(10), MixedCase int, UPPER_ONLY int, [select] int, [group] varchar (max));
GO

-- Changeset create_table.xml::schema-qualified::t
CREATE TABLE app.audit (id uniqueidentifier NOT NULL, amount money, payload varchar(50), CONSTRAINT PK_AUDIT PRIMARY KEY (id));
GO

-- Changeset create_table.xml::rename-and-drop::t
exec sp_rename 'membership', 'member_of';
GO

DROP TABLE member_of;
GO

DROP TABLE app.audit;
GO

