-- Changeset more_changes.xml::alter-sequence-h2::t
ALTER SEQUENCE PUBLIC.s_new MINVALUE 1 MAXVALUE 500;

-- Changeset more_changes.xml::table-remarks::t
COMMENT ON TABLE PUBLIC.party IS 'who''s who';

-- Changeset more_changes.xml::column-remarks::t
COMMENT ON COLUMN PUBLIC.party.name IS 'full name';

-- Changeset more_changes.xml::procedure::t
CREATE PROCEDURE p_one() BEGIN SELECT 1; END;

-- Changeset more_changes.xml::drop-procedure::t
DROP PROCEDURE PUBLIC.p_one;

-- Changeset more_changes.xml::merge-columns::t
ALTER TABLE PUBLIC.party ADD full_name VARCHAR(200);

UPDATE PUBLIC.party SET full_name = CONCAT(first, CONCAT(' ', last));

ALTER TABLE PUBLIC.party DROP COLUMN first;

ALTER TABLE PUBLIC.party DROP COLUMN last;

