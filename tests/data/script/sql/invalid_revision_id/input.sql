-- Revision ID: bad-id
-- +upgrade
SELECT 1;
