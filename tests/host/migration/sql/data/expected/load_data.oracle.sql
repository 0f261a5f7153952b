-- Changeset load_data.xml::load-typed::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name, active, born, score, expr) VALUES (1, 'Smith, John', 1, TO_DATE('2001-02-03', 'YYYY-MM-DD'), 1.5, CURRENT_DATE);

INSERT INTO people (id, name, active, born, score, expr) VALUES (2, 'O''Brien', 0, TO_DATE('2001-02-03 04:05:06', 'YYYY-MM-DD HH24:MI:SS'), 7, NULL);

INSERT INTO people (id, name, active, born, score, expr) VALUES (3, 'quote " inside', 1, NULL, -3, NULL);

-- Changeset load_data.xml::load-separator::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO people (id, name) VALUES (10, 'a;b');

INSERT INTO people (id, name) VALUES (11, 'plain');

-- Changeset load_data.xml::load-update::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
DECLARE
	v_reccount NUMBER := 0;
BEGIN
	SELECT COUNT(*) INTO v_reccount FROM people WHERE id = 10;
	IF v_reccount = 0 THEN
INSERT INTO people (id, name) VALUES (10, 'a;b');
	ELSIF v_reccount = 1 THEN
UPDATE people SET name = 'a;b' WHERE id = 10;
END IF;
END;

DECLARE
	v_reccount NUMBER := 0;
BEGIN
	SELECT COUNT(*) INTO v_reccount FROM people WHERE id = 11;
	IF v_reccount = 0 THEN
INSERT INTO people (id, name) VALUES (11, 'plain');
	ELSIF v_reccount = 1 THEN
UPDATE people SET name = 'plain' WHERE id = 11;
END IF;
END;

