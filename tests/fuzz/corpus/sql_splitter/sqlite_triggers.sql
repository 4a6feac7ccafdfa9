CREATE TABLE [order] (id INTEGER PRIMARY KEY, `total;amount` REAL, status TEXT);

CREATE TRIGGER order_status AFTER UPDATE OF status ON [order]
WHEN CASE new.status WHEN 'void' THEN 1 ELSE 0 END
BEGIN
    INSERT INTO log (msg) VALUES ('status; changed');
    UPDATE [order] SET `total;amount` = CASE
        WHEN new.status = 'void' THEN 0
        ELSE new.`total;amount`
    END WHERE id = new.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS no_delete BEFORE DELETE ON [order]
BEGIN
    SELECT RAISE(ABORT, 'orders are never deleted; void them');
END;

BEGIN;
INSERT INTO [order] VALUES (1, 9.5, 'open');
END;
