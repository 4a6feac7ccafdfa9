-- Revision ID: 000000000001
-- Message: Initial schema
-- +upgrade
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE INDEX ix_users_name ON users (name);
-- +downgrade
DROP TABLE users;
