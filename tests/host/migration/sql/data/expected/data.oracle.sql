-- Changeset data.xml::insert::t
INSERT INTO party (name, score, enabled, born, seen, upd, note, nothing) VALUES ('it''s a \ back''slash', 12.50, 1, TO_DATE('1999-12-31', 'YYYY-MM-DD'), TO_DATE('2021-03-04 05:06:07', 'YYYY-MM-DD HH24:MI:SS'), CURRENT_TIMESTAMP, 'text content', NULL);

-- Changeset data.xml::update-delete::t
UPDATE party SET name = 'x', score = 1 WHERE name = 'y' AND score > 2;

UPDATE app.party SET enabled = 0;

DELETE FROM party WHERE id = 7;

DELETE FROM "order";

-- Changeset data.xml::no-sql::t
-- Changeset data.xml::tag::t
-- Changeset data.xml::empty::t
