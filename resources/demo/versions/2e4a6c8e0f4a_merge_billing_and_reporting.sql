-- Revision ID: 2e4a6c8e0f4a
-- Revises: 8a0c2e4f6b17, c0e2a4b6d839
-- Create Date: 2026-03-16 09:00:00.000000
-- Message: Merge billing and reporting

-- +upgrade

-- +downgrade
