-- Changeset lookup_table.xml::lookup::t
CREATE TABLE state AS SELECT DISTINCT state AS abbreviation FROM address WHERE state IS NOT NULL;

ALTER TABLE state ALTER COLUMN  abbreviation SET NOT NULL;

ALTER TABLE state ADD PRIMARY KEY (abbreviation);

ALTER TABLE address ADD CONSTRAINT fk_address_state FOREIGN KEY (state) REFERENCES state (abbreviation);

