-- Revision ID: noup1
-- Revises: dia1
-- Message: Only a downgrade

-- +downgrade
SELECT 1;
