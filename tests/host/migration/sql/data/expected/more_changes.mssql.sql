-- Changeset more_changes.xml::rename-view::t
exec sp_rename 'v_old', 'v_new';
GO

-- Changeset more_changes.xml::rename-sequence::t
sp_rename s_old ,s_new;
GO

-- Changeset more_changes.xml::table-remarks::t
IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo.party') AND name = N'MS_DESCRIPTION' AND minor_id = 0 ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = N'who''s who' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = N'who''s who' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' END;
GO

-- Changeset more_changes.xml::column-remarks::t
IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo.party') AND name = N'MS_DESCRIPTION' AND minor_id = ( SELECT column_id FROM sys.columns WHERE name = 'name' AND object_id = OBJECT_ID('dbo.party')) ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = N'full name' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' , @level2type = N'COLUMN' , @level2name = N'name' END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = N'full name' , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'party' , @level2type = N'COLUMN' , @level2name = N'name' END;
GO

-- Changeset more_changes.xml::procedure::t
CREATE PROCEDURE p_one() BEGIN SELECT 1; END;
GO

-- Changeset more_changes.xml::drop-procedure::t
DROP PROCEDURE p_one;
GO

