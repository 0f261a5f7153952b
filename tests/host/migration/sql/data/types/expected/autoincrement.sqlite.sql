-- a01: BIGINT autoIncrement primary key
CREATE TABLE a01 (id BIGINT CONSTRAINT PK_A01 PRIMARY KEY AUTOINCREMENT NOT NULL, v VARCHAR(10));

-- a02: INT autoIncrement primary key
CREATE TABLE a02 (id INTEGER CONSTRAINT PK_A02 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a03: SERIAL primary key, no autoIncrement attribute
CREATE TABLE a03 (id INTEGER CONSTRAINT PK_A03 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a04: BIGSERIAL primary key, no autoIncrement attribute
CREATE TABLE a04 (id BIGINT CONSTRAINT PK_A04 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a05: SERIAL autoIncrement primary key
CREATE TABLE a05 (id INTEGER CONSTRAINT PK_A05 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a06: BIGSERIAL autoIncrement primary key
CREATE TABLE a06 (id BIGINT CONSTRAINT PK_A06 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a07: int{autoIncrement:true} primary key
CREATE TABLE a07 (id INTEGER CONSTRAINT PK_A07 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a08: smallserial primary key
CREATE TABLE a08 (id SMALLINT CONSTRAINT PK_A08 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a09: BIGINT autoIncrement startWith/incrementBy
CREATE TABLE a09 (id BIGINT CONSTRAINT PK_A09 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a10: BIGINT autoIncrement startWith only
CREATE TABLE a10 (id BIGINT CONSTRAINT PK_A10 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a11: BIGINT autoIncrement generationType ALWAYS
CREATE TABLE a11 (id BIGINT CONSTRAINT PK_A11 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a12: BIGINT autoIncrement generationType BY DEFAULT, defaultOnNull
CREATE TABLE a12 (id BIGINT CONSTRAINT PK_A12 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a13: SERIAL with startWith
CREATE TABLE a13 (id INTEGER CONSTRAINT PK_A13 PRIMARY KEY AUTOINCREMENT NOT NULL);

-- a14: non-key BIGINT autoIncrement plus a key column
CREATE TABLE a14 (k VARCHAR(10) NOT NULL, n BIGINT AUTOINCREMENT, CONSTRAINT PK_A14 PRIMARY KEY (k));

-- a15: SERIAL with a defaultValueNumeric (dropped only where the type prints as SERIAL)
CREATE TABLE a15 (id INTEGER DEFAULT 7 AUTOINCREMENT);

-- a16: BIGINT autoIncrement not null, not key
CREATE TABLE a16 (id BIGINT AUTOINCREMENT NOT NULL);

-- b01: addColumn BIGINT autoIncrement
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b02: addColumn INT autoIncrement primary key
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b03: addColumn SERIAL, no autoIncrement attribute
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b04: addColumn BIGSERIAL, no autoIncrement attribute
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b05: addColumn SERIAL autoIncrement
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b06: addColumn int{autoIncrement:true}
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b07: addColumn BIGINT autoIncrement startWith/incrementBy primary key
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b08: addColumn BIGINT autoIncrement generationType ALWAYS
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b09: addColumn BIGINT autoIncrement primary key
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

-- b10: addColumn smallserial
-- ERROR: liquibase.exception.DatabaseException: AddColumnStatement requires access to up to date database metadata which is not available in SQL output mode

