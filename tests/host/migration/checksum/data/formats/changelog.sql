--liquibase formatted sql
-- Formatted-SQL variant (the whole body is one sql change). Captured by ../capture.sh.

--changeset cs:f-1
create table f_one (id int primary key, name varchar(20));
insert into f_one values (1, 'a');

--changeset cs:f-2 splitStatements:false endDelimiter:GO stripComments:false
-- kept comment
insert into f_one values (2, 'b')
GO
--rollback delete from f_one where id = 2;

--changeset "cs two":"f 3" dbms:postgresql,h2
--comment: has a comment
update f_one set name = 'c'   where id = 1;

--changeset cs:f-4 dbms:oracle
select 1 from dual;
