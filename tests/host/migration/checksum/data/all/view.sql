select id,
  code from account
