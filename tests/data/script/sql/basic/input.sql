-- Revision ID: 3f2a1b9c0d4e
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-25 10:00:00.000000
-- Message: Add phone number to users

-- +upgrade
ALTER TABLE users ADD COLUMN phone_number VARCHAR(20);

-- +downgrade
ALTER TABLE users DROP COLUMN phone_number;
