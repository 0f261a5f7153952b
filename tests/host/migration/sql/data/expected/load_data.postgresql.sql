-- Changeset load_data.xml::load-typed::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name, active, born, score, expr) VALUES (1, 'Smith, John', TRUE, '2001-02-03', 1.5, CURRENT_DATE),(2, 'O''Brien', FALSE, '2001-02-03 04:05:06', 7, NULL),(3, 'quote " inside', TRUE, NULL, -3, NULL);

-- Changeset load_data.xml::load-separator::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name) VALUES (10, 'a;b'),(11, 'plain');

-- Changeset load_data.xml::load-update::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
DO
$$
BEGIN
UPDATE people SET name = 'a;b' WHERE id = 10;
IF not found THEN
INSERT INTO people (id, name) VALUES (10, 'a;b');
END IF;
END;
$$
LANGUAGE plpgsql;

DO
$$
BEGIN
UPDATE people SET name = 'plain' WHERE id = 11;
IF not found THEN
INSERT INTO people (id, name) VALUES (11, 'plain');
END IF;
END;
$$
LANGUAGE plpgsql;

