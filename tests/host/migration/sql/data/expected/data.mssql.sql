-- Changeset data.xml::insert::t
INSERT INTO party (name, score, enabled, born, seen, upd, note, nothing) VALUES ('it''s a \ back''slash', 12.50, 1, '1999-12-31', '2021-03-04T05:06:07', GETDATE(), 'text content', NULL);
GO

-- Changeset data.xml::update-delete::t
UPDATE party SET name = 'x', score = 1 WHERE name = 'y' AND score > 2;
GO

UPDATE app.party SET enabled = 0;
GO

DELETE FROM party WHERE id = 7;
GO

DELETE FROM [order];
GO

-- Changeset data.xml::no-sql::t
-- Changeset data.xml::tag::t
-- Changeset data.xml::empty::t
