-- Changeset typed_defaults.xml::typed-defaults::t
CREATE TABLE PUBLIC.stamp (a TIMESTAMP DEFAULT now(), b TIMESTAMP DEFAULT CURRENT_TIMESTAMP, c TIMESTAMP DEFAULT '2020-01-02 03:04:05', d date DEFAULT '2020-01-02', e INT DEFAULT 5, f BOOLEAN DEFAULT TRUE, g VARCHAR(10) DEFAULT 'now()', h DECIMAL(5, 2) DEFAULT 1.5);

-- Changeset typed_defaults.xml::add-typed-default::t
ALTER TABLE PUBLIC.stamp ADD i TIMESTAMP DEFAULT 'now()';

-- Changeset typed_defaults.xml::modify-with-not-null::t
ALTER TABLE PUBLIC.stamp ALTER COLUMN g NVARCHAR(76) NOT NULL;

