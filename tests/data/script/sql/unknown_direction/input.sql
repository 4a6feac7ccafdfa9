-- Revision ID: dir1
-- +upgrade
SELECT 1;
-- +upgrad
SELECT 'never runs';
-- +downgrade
SELECT 2;
