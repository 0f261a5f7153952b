create table x (
  id int
);
