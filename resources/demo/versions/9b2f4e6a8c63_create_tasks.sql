-- Revision ID: 9b2f4e6a8c63
-- Revises: 1c9d8e7f6a52
-- Create Date: 2026-02-02 08:31:19.240086
-- Message: Create tasks

-- +upgrade
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name VARCHAR(200) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'todo',
    assigned_to INTEGER REFERENCES users (id),
    due_date DATE
);
CREATE INDEX ix_tasks_project_id ON tasks (project_id);

-- +downgrade
DROP INDEX ix_tasks_project_id;
DROP TABLE tasks;
