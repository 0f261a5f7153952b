INSERT INTO note VALUES (1, 'café');
