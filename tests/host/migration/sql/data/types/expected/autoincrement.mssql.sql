-- a01: BIGINT autoIncrement primary key
CREATE TABLE a01 (id bigint IDENTITY (1, 1) NOT NULL, v varchar(10), CONSTRAINT PK_A01 PRIMARY KEY (id));

-- a02: INT autoIncrement primary key
CREATE TABLE a02 (id int IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A02 PRIMARY KEY (id));

-- a03: SERIAL primary key, no autoIncrement attribute
CREATE TABLE a03 (id int IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A03 PRIMARY KEY (id));

-- a04: BIGSERIAL primary key, no autoIncrement attribute
CREATE TABLE a04 (id bigint IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A04 PRIMARY KEY (id));

-- a05: SERIAL autoIncrement primary key
CREATE TABLE a05 (id int IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A05 PRIMARY KEY (id));

-- a06: BIGSERIAL autoIncrement primary key
CREATE TABLE a06 (id bigint IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A06 PRIMARY KEY (id));

-- a07: int{autoIncrement:true} primary key
CREATE TABLE a07 (id int IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A07 PRIMARY KEY (id));

-- a08: smallserial primary key
CREATE TABLE a08 (id smallint IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A08 PRIMARY KEY (id));

-- a09: BIGINT autoIncrement startWith/incrementBy
CREATE TABLE a09 (id bigint IDENTITY (100, 5) NOT NULL, CONSTRAINT PK_A09 PRIMARY KEY (id));

-- a10: BIGINT autoIncrement startWith only
CREATE TABLE a10 (id bigint IDENTITY (1000, 1) NOT NULL, CONSTRAINT PK_A10 PRIMARY KEY (id));

-- a11: BIGINT autoIncrement generationType ALWAYS
CREATE TABLE a11 (id bigint IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A11 PRIMARY KEY (id));

-- a12: BIGINT autoIncrement generationType BY DEFAULT, defaultOnNull
CREATE TABLE a12 (id bigint IDENTITY (1, 1) NOT NULL, CONSTRAINT PK_A12 PRIMARY KEY (id));

-- a13: SERIAL with startWith
CREATE TABLE a13 (id int IDENTITY (10, 1) NOT NULL, CONSTRAINT PK_A13 PRIMARY KEY (id));

-- a14: non-key BIGINT autoIncrement plus a key column
CREATE TABLE a14 (k varchar(10) NOT NULL, n bigint IDENTITY (1, 1), CONSTRAINT PK_A14 PRIMARY KEY (k));

-- a15: SERIAL with a defaultValueNumeric (dropped only where the type prints as SERIAL)
CREATE TABLE a15 (id int CONSTRAINT DF_a15_id DEFAULT 7 IDENTITY (1, 1));

-- a16: BIGINT autoIncrement not null, not key
CREATE TABLE a16 (id bigint IDENTITY (1, 1) NOT NULL);

-- b01: addColumn BIGINT autoIncrement
ALTER TABLE base ADD n bigint IDENTITY (1, 1);

-- b02: addColumn INT autoIncrement primary key
ALTER TABLE base ADD n int IDENTITY (1, 1) NOT NULL PRIMARY KEY;

-- b03: addColumn SERIAL, no autoIncrement attribute
ALTER TABLE base ADD n int;

-- b04: addColumn BIGSERIAL, no autoIncrement attribute
ALTER TABLE base ADD n bigint;

-- b05: addColumn SERIAL autoIncrement
ALTER TABLE base ADD n int IDENTITY (1, 1);

-- b06: addColumn int{autoIncrement:true}
ALTER TABLE base ADD n int;

-- b07: addColumn BIGINT autoIncrement startWith/incrementBy primary key
ALTER TABLE base ADD n bigint IDENTITY (100, 5) NOT NULL PRIMARY KEY;

-- b08: addColumn BIGINT autoIncrement generationType ALWAYS
ALTER TABLE base ADD n bigint IDENTITY (1, 1);

-- b09: addColumn BIGINT autoIncrement primary key
ALTER TABLE base ADD n bigint IDENTITY (1, 1) NOT NULL PRIMARY KEY;

-- b10: addColumn smallserial
ALTER TABLE base ADD n smallint;

