-- Revision ID: 7a3e5c0d2b41
-- Revises: 4f1c2a9b7d10
-- Create Date: 2026-01-14 16:40:27.003117
-- Message: Create clients

-- +upgrade
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(200),
    default_hourly_rate NUMERIC(9, 2),
    status VARCHAR(20) NOT NULL DEFAULT 'active'
);
CREATE UNIQUE INDEX ix_clients_name ON clients (name);

-- +downgrade
DROP INDEX ix_clients_name;
DROP TABLE clients;
