-- Changeset load_data.xml::load-typed::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name, active, born, score, expr) VALUES (1, 'Smith, John', 1, '2001-02-03', 1.5, CURRENT_DATE),(2, 'O''Brien', 0, '2001-02-03T04:05:06', 7, NULL),(3, 'quote " inside', 1, NULL, -3, NULL);
GO

-- Changeset load_data.xml::load-separator::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name) VALUES (10, 'a;b'),(11, 'plain');
GO

-- Changeset load_data.xml::load-update::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
DECLARE @reccount integer
SELECT @reccount = count(*) FROM people WHERE id = 10
IF @reccount = 0
BEGIN
INSERT INTO people (id, name) VALUES (10, 'a;b');
END
ELSE
BEGIN
UPDATE people SET name = 'a;b' WHERE id = 10;
END;
GO

DECLARE @reccount integer
SELECT @reccount = count(*) FROM people WHERE id = 11
IF @reccount = 0
BEGIN
INSERT INTO people (id, name) VALUES (11, 'plain');
END
ELSE
BEGIN
UPDATE people SET name = 'plain' WHERE id = 11;
END;
GO

