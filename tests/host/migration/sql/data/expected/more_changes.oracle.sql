-- Changeset more_changes.xml::rename-view::t
RENAME v_old TO v_new;

-- Changeset more_changes.xml::rename-sequence::t
RENAME s_old TO s_new;

-- Changeset more_changes.xml::alter-sequence::t
ALTER SEQUENCE s_new INCREMENT BY 4 MINVALUE 1 MAXVALUE 500 CACHE 3 NOCYCLE;

-- Changeset more_changes.xml::table-remarks::t
COMMENT ON TABLE party IS 'who''s who';

-- Changeset more_changes.xml::column-remarks::t
COMMENT ON COLUMN party.name IS 'full name';

-- Changeset more_changes.xml::procedure::t
CREATE PROCEDURE p_one() BEGIN SELECT 1; END
/

-- Changeset more_changes.xml::drop-procedure::t
DROP PROCEDURE p_one;

-- Changeset more_changes.xml::merge-columns::t
ALTER TABLE party ADD full_name VARCHAR2(200);

UPDATE party SET full_name = first || ' ' || last;

ALTER TABLE party DROP COLUMN first;

ALTER TABLE party DROP COLUMN last;

