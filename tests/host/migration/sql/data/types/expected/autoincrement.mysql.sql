-- a01: BIGINT autoIncrement primary key
CREATE TABLE a01 (id BIGINT AUTO_INCREMENT NOT NULL, v VARCHAR(10) NULL, CONSTRAINT PK_A01 PRIMARY KEY (id));

-- a02: INT autoIncrement primary key
CREATE TABLE a02 (id INT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A02 PRIMARY KEY (id));

-- a03: SERIAL primary key, no autoIncrement attribute
CREATE TABLE a03 (id INT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A03 PRIMARY KEY (id));

-- a04: BIGSERIAL primary key, no autoIncrement attribute
CREATE TABLE a04 (id BIGINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A04 PRIMARY KEY (id));

-- a05: SERIAL autoIncrement primary key
CREATE TABLE a05 (id INT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A05 PRIMARY KEY (id));

-- a06: BIGSERIAL autoIncrement primary key
CREATE TABLE a06 (id BIGINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A06 PRIMARY KEY (id));

-- a07: int{autoIncrement:true} primary key
CREATE TABLE a07 (id INT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A07 PRIMARY KEY (id));

-- a08: smallserial primary key
CREATE TABLE a08 (id SMALLINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A08 PRIMARY KEY (id));

-- a09: BIGINT autoIncrement startWith/incrementBy
-- ERROR: Validation Failed: 1 changes have validation failures incrementBy is not allowed on mysql

-- a10: BIGINT autoIncrement startWith only
CREATE TABLE a10 (id BIGINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A10 PRIMARY KEY (id)) AUTO_INCREMENT=1000;

-- a11: BIGINT autoIncrement generationType ALWAYS
CREATE TABLE a11 (id BIGINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A11 PRIMARY KEY (id));

-- a12: BIGINT autoIncrement generationType BY DEFAULT, defaultOnNull
CREATE TABLE a12 (id BIGINT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A12 PRIMARY KEY (id));

-- a13: SERIAL with startWith
CREATE TABLE a13 (id INT AUTO_INCREMENT NOT NULL, CONSTRAINT PK_A13 PRIMARY KEY (id)) AUTO_INCREMENT=10;

-- a14: non-key BIGINT autoIncrement plus a key column
CREATE TABLE a14 (k VARCHAR(10) NOT NULL, n BIGINT AUTO_INCREMENT NULL, CONSTRAINT PK_A14 PRIMARY KEY (k));

-- a15: SERIAL with a defaultValueNumeric (dropped only where the type prints as SERIAL)
CREATE TABLE a15 (id INT DEFAULT 7 AUTO_INCREMENT NULL);

-- a16: BIGINT autoIncrement not null, not key
CREATE TABLE a16 (id BIGINT AUTO_INCREMENT NOT NULL);

-- b01: addColumn BIGINT autoIncrement
-- ERROR: Validation Failed: 1 changes have validation failures Cannot add a non-primary key identity column

-- b02: addColumn INT autoIncrement primary key
ALTER TABLE base ADD n INT AUTO_INCREMENT NOT NULL PRIMARY KEY;

-- b03: addColumn SERIAL, no autoIncrement attribute
ALTER TABLE base ADD n INT NULL;

-- b04: addColumn BIGSERIAL, no autoIncrement attribute
ALTER TABLE base ADD n BIGINT NULL;

-- b05: addColumn SERIAL autoIncrement
-- ERROR: Validation Failed: 1 changes have validation failures Cannot add a non-primary key identity column

-- b06: addColumn int{autoIncrement:true}
ALTER TABLE base ADD n INT NULL;

-- b07: addColumn BIGINT autoIncrement startWith/incrementBy primary key
ALTER TABLE base ADD n BIGINT AUTO_INCREMENT NOT NULL PRIMARY KEY;

-- b08: addColumn BIGINT autoIncrement generationType ALWAYS
-- ERROR: Validation Failed: 1 changes have validation failures Cannot add a non-primary key identity column

-- b09: addColumn BIGINT autoIncrement primary key
ALTER TABLE base ADD n BIGINT AUTO_INCREMENT NOT NULL PRIMARY KEY;

-- b10: addColumn smallserial
ALTER TABLE base ADD n SMALLINT NULL;

