-- Revision ID: 000000000002
-- Revises:
-- Message: Another base

-- +upgrade
SELECT 1;
