-- Revision ID: d1a1ec7
-- Revises: 3f2a1b9c0d4e
-- Message: Timestamps per dialect

-- +upgrade
CREATE TABLE events (id INTEGER PRIMARY KEY);

-- +upgrade postgresql
ALTER TABLE events ADD COLUMN at TIMESTAMPTZ DEFAULT now();

-- +upgrade sqlite
ALTER TABLE events ADD COLUMN at TEXT DEFAULT CURRENT_TIMESTAMP;

-- +upgrade
CREATE INDEX ix_events_at ON events (at);

-- +downgrade
DROP TABLE events;
