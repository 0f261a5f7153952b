-- Changeset lookup_table.xml::lookup::t
CREATE TABLE PUBLIC.state AS SELECT DISTINCT state AS abbreviation FROM PUBLIC.address WHERE state IS NOT NULL;

ALTER TABLE PUBLIC.state ALTER COLUMN abbreviation SET NOT NULL;

ALTER TABLE PUBLIC.state ADD PRIMARY KEY (abbreviation);

ALTER TABLE PUBLIC.address ADD CONSTRAINT fk_address_state FOREIGN KEY (state) REFERENCES PUBLIC.state (abbreviation);

