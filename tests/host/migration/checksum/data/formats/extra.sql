-- extra file
insert into t4 (id) values (10);

insert into t4 (id) values (11);
