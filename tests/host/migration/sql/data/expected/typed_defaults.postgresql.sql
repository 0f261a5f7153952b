-- Changeset typed_defaults.xml::typed-defaults::t
CREATE TABLE stamp (a TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), b TIMESTAMP WITHOUT TIME ZONE DEFAULT 'CURRENT_TIMESTAMP', c TIMESTAMP WITHOUT TIME ZONE DEFAULT '2020-01-02 03:04:05', d date DEFAULT '2020-01-02', e INTEGER DEFAULT 5, f BOOLEAN DEFAULT TRUE, g VARCHAR(10) DEFAULT 'now()', h DECIMAL(5, 2) DEFAULT 1.5);

-- Changeset typed_defaults.xml::add-typed-default::t
ALTER TABLE stamp ADD i TIMESTAMP WITHOUT TIME ZONE DEFAULT now();

-- Changeset typed_defaults.xml::modify-with-not-null::t
ALTER TABLE stamp ALTER COLUMN g TYPE VARCHAR(76) USING (g::VARCHAR(76));

