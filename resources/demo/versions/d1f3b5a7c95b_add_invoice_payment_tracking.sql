-- Revision ID: d1f3b5a7c95b
-- Revises: 2e4a6c8e0f4a
-- Create Date: 2026-04-01 10:30:41.229583
-- Message: Add invoice payment tracking

-- +upgrade
ALTER TABLE invoices ADD COLUMN amount_paid NUMERIC(12, 2) NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN paid_at TIMESTAMP;
UPDATE invoices SET status = 'sent' WHERE status = 'issued';

-- +downgrade
ALTER TABLE invoices DROP COLUMN paid_at;
ALTER TABLE invoices DROP COLUMN amount_paid;
