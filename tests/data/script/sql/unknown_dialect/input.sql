-- Revision ID: dia1
-- +upgrade
SELECT 1;
-- +upgrade mysql
SELECT 'mysql only';
-- +downgrade sqlite extra
SELECT 2;
