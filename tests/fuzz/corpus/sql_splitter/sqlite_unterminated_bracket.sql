SELECT 1;
SELECT [unclosed, "x"
FROM t;
