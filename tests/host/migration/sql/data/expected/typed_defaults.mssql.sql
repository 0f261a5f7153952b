-- Changeset typed_defaults.xml::typed-defaults::t
CREATE TABLE stamp (a datetime CONSTRAINT DF_stamp_a DEFAULT now(), b datetime2 CONSTRAINT DF_stamp_b DEFAULT 'CURRENT_TIMESTAMP', c datetime2 CONSTRAINT DF_stamp_c DEFAULT '2020-01-02 03:04:05', d date CONSTRAINT DF_stamp_d DEFAULT '2020-01-02', e int CONSTRAINT DF_stamp_e DEFAULT 5, f bit CONSTRAINT DF_stamp_f DEFAULT 1, g varchar(10) CONSTRAINT DF_stamp_g DEFAULT 'now()', h decimal(5, 2) CONSTRAINT DF_stamp_h DEFAULT 1.5);
GO

-- Changeset typed_defaults.xml::add-typed-default::t
ALTER TABLE stamp ADD i datetime2 CONSTRAINT DF_stamp_i DEFAULT now();
GO

-- Changeset typed_defaults.xml::modify-with-not-null::t
ALTER TABLE stamp ALTER COLUMN g nvarchar(76) NOT NULL;
GO

