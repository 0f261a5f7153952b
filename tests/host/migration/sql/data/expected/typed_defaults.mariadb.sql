--  Changeset typed_defaults.xml::typed-defaults::t
CREATE TABLE stamp (a datetime DEFAULT now() NULL, b timestamp DEFAULT 'CURRENT_TIMESTAMP' NULL, c timestamp DEFAULT '2020-01-02 03:04:05' NULL, d date DEFAULT '2020-01-02' NULL, e INT DEFAULT 5 NULL, f TINYINT(1) DEFAULT 1 NULL, g VARCHAR(10) DEFAULT 'now()' NULL, h DECIMAL(5, 2) DEFAULT 1.5 NULL);

--  Changeset typed_defaults.xml::add-typed-default::t
ALTER TABLE stamp ADD i timestamp DEFAULT now() NULL;

--  Changeset typed_defaults.xml::modify-with-not-null::t
ALTER TABLE stamp MODIFY g NVARCHAR(76) NOT NULL;

