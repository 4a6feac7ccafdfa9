-- Revision ID: w1nd0w5
-- Revises: cm1
-- Message: Windows file

-- +upgrade
SELECT 'crlf';

-- +downgrade
SELECT 'back';
