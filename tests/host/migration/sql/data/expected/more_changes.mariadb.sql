--  Changeset more_changes.xml::rename-view::t
RENAME TABLE v_old TO v_new;

--  Changeset more_changes.xml::rename-sequence::t
ALTER SEQUENCE s_old RENAME TO s_new;

--  Changeset more_changes.xml::table-remarks::t
ALTER TABLE party COMMENT = 'who''s who';

--  Changeset more_changes.xml::procedure::t
CREATE PROCEDURE p_one() BEGIN SELECT 1; END;

--  Changeset more_changes.xml::drop-procedure::t
DROP PROCEDURE p_one;

--  Changeset more_changes.xml::merge-columns::t
ALTER TABLE party ADD full_name VARCHAR(200) NULL;

UPDATE party SET full_name = CONCAT_WS(' ', first, last);

ALTER TABLE party DROP COLUMN first;

ALTER TABLE party DROP COLUMN last;

