-- Revision ID: 0a2c4e6f8b6c
-- Revises: d1f3b5a7c95b
-- Create Date: 2026-04-22 08:05:12.774410
-- Message: Create settings

-- +upgrade
CREATE TABLE settings (
    key VARCHAR(100) PRIMARY KEY,
    value TEXT,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO settings (key, value) VALUES ('timezone', 'Europe/Berlin');
INSERT INTO settings (key, value) VALUES ('currency', 'EUR');

-- +downgrade
DROP TABLE settings;
