-- Revision ID: c0e2a4b6d839
-- Revises: 6b8d0f2a4c28
-- Create Date: 2026-03-09 17:45:58.016664
-- Message: Add task estimates

-- +upgrade
ALTER TABLE tasks ADD COLUMN estimated_hours NUMERIC(6, 2);
UPDATE tasks SET estimated_hours = 0 WHERE status = 'done';

-- +downgrade
ALTER TABLE tasks DROP COLUMN estimated_hours;
