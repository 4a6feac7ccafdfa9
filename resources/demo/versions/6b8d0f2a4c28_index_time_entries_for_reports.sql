-- Revision ID: 6b8d0f2a4c28
-- Revises: e2c4a6b8d085
-- Branch labels: reporting
-- Create Date: 2026-03-05 13:03:22.540019
-- Message: Index time entries for reports
-- Transactional: no

-- Built without locking writers out on PostgreSQL, so this step runs outside a transaction.
-- +upgrade postgresql
CREATE INDEX CONCURRENTLY ix_time_entries_user_start ON time_entries (user_id, start_time);
CREATE INDEX CONCURRENTLY ix_time_entries_project_start ON time_entries (project_id, start_time);

-- +upgrade sqlite
CREATE INDEX ix_time_entries_user_start ON time_entries (user_id, start_time);
CREATE INDEX ix_time_entries_project_start ON time_entries (project_id, start_time);

-- +downgrade
DROP INDEX ix_time_entries_project_start;
DROP INDEX ix_time_entries_user_start;
