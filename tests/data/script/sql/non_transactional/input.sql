-- Revision ID: c0nc0
-- Revises: d1a1ec7
-- Message: Build an index concurrently
-- Transactional: no

-- +upgrade PostgreSQL
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);

-- +downgrade postgresql
DROP INDEX CONCURRENTLY ix_users_email;
