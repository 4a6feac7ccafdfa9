-- Revision ID: stray1
-- Message: SQL before any marker

CREATE TABLE lost (id INTEGER);

-- +upgrade
CREATE TABLE kept (id INTEGER);
