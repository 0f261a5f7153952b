-- Changeset lookup_table.xml::lookup::t
SELECT DISTINCT state AS abbreviation INTO state FROM address WHERE state IS NOT NULL;
GO

ALTER TABLE state ALTER COLUMN abbreviation char(2) NOT NULL;
GO

ALTER TABLE state ADD PRIMARY KEY (abbreviation);
GO

ALTER TABLE address ADD CONSTRAINT fk_address_state FOREIGN KEY (state) REFERENCES state (abbreviation);
GO

