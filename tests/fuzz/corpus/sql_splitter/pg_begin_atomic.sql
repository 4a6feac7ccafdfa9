CREATE FUNCTION add_one(a integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT a + 1;
END;

CREATE OR REPLACE PROCEDURE archive_old()
LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO archive SELECT * FROM items WHERE created < now() - interval '1 year';
    UPDATE items SET state = CASE WHEN state = 'x' THEN 'y' ELSE state END;
    DELETE FROM items WHERE created < now() - interval '1 year';
END;

CREATE RULE log_insert AS ON INSERT TO items DO ALSO (
    INSERT INTO log VALUES ('insert');
    INSERT INTO log2 VALUES ('insert')
);
/* nested /* comment; */ still comment; */
SELECT 1;
