SELECT 1;
INSERT INTO t VALUES ('Grüße; €');

  SELECT
  3;
