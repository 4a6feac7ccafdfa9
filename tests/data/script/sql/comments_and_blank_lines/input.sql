-- Revision ID: cm1
-- Revises: cm0
-- Message: Comments, blank lines and non-ASCII: café — 学生

-- A comment between the header and the first section.

-- +upgrade


-- create the table
CREATE TABLE notes (
    body TEXT -- trailing comment
);

INSERT INTO notes VALUES ('-- not a marker');


-- +downgrade

DROP TABLE notes;


