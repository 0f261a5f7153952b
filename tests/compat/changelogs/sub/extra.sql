-- extra rows
INSERT INTO movement (id, amount, memo) VALUES (99, 1, 'from file');
