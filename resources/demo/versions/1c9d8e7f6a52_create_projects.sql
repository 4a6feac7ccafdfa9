-- Revision ID: 1c9d8e7f6a52
-- Revises: 7a3e5c0d2b41
-- Create Date: 2026-01-20 11:02:45.871530
-- Message: Create projects

-- +upgrade
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    name VARCHAR(200) NOT NULL,
    description TEXT,
    billable BOOLEAN NOT NULL DEFAULT TRUE,
    hourly_rate NUMERIC(9, 2),
    status VARCHAR(20) NOT NULL DEFAULT 'active'
);
CREATE INDEX ix_projects_client_id ON projects (client_id);

-- +downgrade
DROP INDEX ix_projects_client_id;
DROP TABLE projects;
