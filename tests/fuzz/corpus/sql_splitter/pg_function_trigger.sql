CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $body$
BEGIN
    -- a comment; with a semicolon
    NEW.updated_at := now();
    RAISE NOTICE 'touched %; ok', NEW.id;
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER trg_touch BEFORE UPDATE ON items
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE format('ANALYZE %I;', r.tablename);
    END LOOP;
END
$$;

PREPARE by_id(int) AS SELECT * FROM items WHERE id = $1;
SELECT E'line\none; it\'s', $q$dollar ' " ; $q$;
