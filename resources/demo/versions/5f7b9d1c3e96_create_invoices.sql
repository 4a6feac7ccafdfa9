-- Revision ID: 5f7b9d1c3e96
-- Revises: e2c4a6b8d085
-- Branch labels: billing
-- Create Date: 2026-03-02 09:47:36.902215
-- Message: Create invoices

-- +upgrade
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    invoice_number VARCHAR(50) NOT NULL UNIQUE,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    issue_date DATE NOT NULL,
    due_date DATE NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'draft',
    total_amount NUMERIC(12, 2) NOT NULL DEFAULT 0
);

-- +downgrade
DROP TABLE invoices;
