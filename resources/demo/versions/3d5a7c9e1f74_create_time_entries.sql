-- Revision ID: 3d5a7c9e1f74
-- Revises: 9b2f4e6a8c63
-- Create Date: 2026-02-03 14:55:08.660721
-- Message: Create time entries

-- +upgrade
CREATE TABLE time_entries (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    project_id INTEGER NOT NULL REFERENCES projects (id),
    task_id INTEGER REFERENCES tasks (id),
    start_time TIMESTAMP NOT NULL,
    end_time TIMESTAMP,
    duration_seconds INTEGER,
    notes TEXT,
    billable BOOLEAN NOT NULL DEFAULT TRUE
);

-- +downgrade
DROP TABLE time_entries;
