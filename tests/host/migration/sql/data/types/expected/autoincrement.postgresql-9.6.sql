-- a01: BIGINT autoIncrement primary key
CREATE TABLE a01 (id BIGSERIAL NOT NULL, v VARCHAR(10), CONSTRAINT a01_pkey PRIMARY KEY (id));

-- a02: INT autoIncrement primary key
CREATE TABLE a02 (id SERIAL NOT NULL, CONSTRAINT a02_pkey PRIMARY KEY (id));

-- a03: SERIAL primary key, no autoIncrement attribute
CREATE TABLE a03 (id SERIAL NOT NULL, CONSTRAINT a03_pkey PRIMARY KEY (id));

-- a04: BIGSERIAL primary key, no autoIncrement attribute
CREATE TABLE a04 (id BIGSERIAL NOT NULL, CONSTRAINT a04_pkey PRIMARY KEY (id));

-- a05: SERIAL autoIncrement primary key
CREATE TABLE a05 (id SERIAL NOT NULL, CONSTRAINT a05_pkey PRIMARY KEY (id));

-- a06: BIGSERIAL autoIncrement primary key
CREATE TABLE a06 (id BIGSERIAL NOT NULL, CONSTRAINT a06_pkey PRIMARY KEY (id));

-- a07: int{autoIncrement:true} primary key
CREATE TABLE a07 (id SERIAL NOT NULL, CONSTRAINT a07_pkey PRIMARY KEY (id));

-- a08: smallserial primary key
CREATE TABLE a08 (id SMALLSERIAL NOT NULL, CONSTRAINT a08_pkey PRIMARY KEY (id));

-- a09: BIGINT autoIncrement startWith/incrementBy
CREATE TABLE a09 (id BIGSERIAL NOT NULL, CONSTRAINT a09_pkey PRIMARY KEY (id));

-- a10: BIGINT autoIncrement startWith only
CREATE TABLE a10 (id BIGSERIAL NOT NULL, CONSTRAINT a10_pkey PRIMARY KEY (id));

-- a11: BIGINT autoIncrement generationType ALWAYS
CREATE TABLE a11 (id BIGSERIAL NOT NULL, CONSTRAINT a11_pkey PRIMARY KEY (id));

-- a12: BIGINT autoIncrement generationType BY DEFAULT, defaultOnNull
CREATE TABLE a12 (id BIGSERIAL NOT NULL, CONSTRAINT a12_pkey PRIMARY KEY (id));

-- a13: SERIAL with startWith
CREATE TABLE a13 (id SERIAL NOT NULL, CONSTRAINT a13_pkey PRIMARY KEY (id));

-- a14: non-key BIGINT autoIncrement plus a key column
CREATE TABLE a14 (k VARCHAR(10) NOT NULL, n BIGSERIAL, CONSTRAINT a14_pkey PRIMARY KEY (k));

-- a15: SERIAL with a defaultValueNumeric (dropped only where the type prints as SERIAL)
CREATE TABLE a15 (id SERIAL);

-- a16: BIGINT autoIncrement not null, not key
CREATE TABLE a16 (id BIGSERIAL NOT NULL);

-- b01: addColumn BIGINT autoIncrement
ALTER TABLE base ADD n BIGSERIAL;

-- b02: addColumn INT autoIncrement primary key
ALTER TABLE base ADD n SERIAL  NOT NULL PRIMARY KEY;

-- b03: addColumn SERIAL, no autoIncrement attribute
ALTER TABLE base ADD n SERIAL;

-- b04: addColumn BIGSERIAL, no autoIncrement attribute
ALTER TABLE base ADD n BIGSERIAL;

-- b05: addColumn SERIAL autoIncrement
ALTER TABLE base ADD n SERIAL;

-- b06: addColumn int{autoIncrement:true}
ALTER TABLE base ADD n SERIAL;

-- b07: addColumn BIGINT autoIncrement startWith/incrementBy primary key
ALTER TABLE base ADD n BIGSERIAL  NOT NULL PRIMARY KEY;

-- b08: addColumn BIGINT autoIncrement generationType ALWAYS
ALTER TABLE base ADD n BIGSERIAL;

-- b09: addColumn BIGINT autoIncrement primary key
ALTER TABLE base ADD n BIGSERIAL  NOT NULL PRIMARY KEY;

-- b10: addColumn smallserial
ALTER TABLE base ADD n SMALLSERIAL;

