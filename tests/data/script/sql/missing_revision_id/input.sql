-- Revises: abc
-- Message: No id

-- +upgrade
SELECT 1;
