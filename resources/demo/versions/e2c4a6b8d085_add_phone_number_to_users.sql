-- Revision ID: e2c4a6b8d085
-- Revises: 3d5a7c9e1f74
-- Create Date: 2026-02-17 10:12:51.118342
-- Message: Add phone number to users

-- +upgrade
ALTER TABLE users ADD COLUMN phone_number VARCHAR(20);

-- +downgrade
ALTER TABLE users DROP COLUMN phone_number;
