--  Changeset raw_sql.xml::split-default::t
CREATE TABLE s1 (id INT);

-- trailing
INSERT INTO s1 VALUES ('a;b');

/* c */ INSERT INTO s1 VALUES (2);

--  Changeset raw_sql.xml::strip-comments::t
UPDATE s1 SET id = 3  WHERE id = 2;

--  Changeset raw_sql.xml::no-split::t
INSERT INTO s1 VALUES (4); INSERT INTO s1 VALUES (5);

--  Changeset raw_sql.xml::end-delimiter::t
CREATE FUNCTION f() RETURNS INT AS 'select 1;'/

SELECT 1/

--  Changeset raw_sql.xml::begin-end::t
BEGIN
  INSERT INTO s1 VALUES (6);
  INSERT INTO s1 VALUES (7);
END;

SELECT 2;

--  Changeset raw_sql.xml::sql-file::t
-- leading comment
CREATE TABLE t1 (id INT);

/* block */ INSERT INTO t1 VALUES (1);

INSERT INTO t1 VALUES (2);

--  Changeset raw_sql.xml::sql-file-stripped::t
CREATE TABLE t1 (id INT);

INSERT INTO t1 VALUES (1);

INSERT INTO t1 VALUES (2);

