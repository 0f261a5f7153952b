-- Changeset load_data.xml::load-typed::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO PUBLIC.people (id, name, active, born, score, expr) VALUES (1, 'Smith, John', TRUE, '2001-02-03', 1.5, CURRENT_DATE);

INSERT INTO PUBLIC.people (id, name, active, born, score, expr) VALUES (2, 'O''Brien', FALSE, '2001-02-03 04:05:06', 7, NULL);

INSERT INTO PUBLIC.people (id, name, active, born, score, expr) VALUES (3, 'quote " inside', TRUE, NULL, -3, NULL);

-- Changeset load_data.xml::load-separator::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
INSERT INTO PUBLIC.people (id, name) VALUES (10, 'a;b');

INSERT INTO PUBLIC.people (id, name) VALUES (11, 'plain');

-- Changeset load_data.xml::load-update::t
-- WARNING The following SQL may change each run and therefore is possibly incorrect and/or invalid:
MERGE INTO PUBLIC.people (id, name) KEY(id) VALUES (10, 'a;b');

MERGE INTO PUBLIC.people (id, name) KEY(id) VALUES (11, 'plain');

