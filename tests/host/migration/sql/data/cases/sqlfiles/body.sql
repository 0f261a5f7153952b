-- leading comment
CREATE TABLE t1 (id INT);
/* block */ INSERT INTO t1 VALUES (1);
INSERT INTO t1 VALUES (2)
