-- Revision ID: 8a0c2e4f6b17
-- Revises: 5f7b9d1c3e96
-- Create Date: 2026-03-04 15:20:14.377908
-- Message: Create invoice items

-- +upgrade
CREATE TABLE invoice_items (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    description VARCHAR(500) NOT NULL,
    quantity NUMERIC(10, 2) NOT NULL DEFAULT 1,
    unit_price NUMERIC(10, 2) NOT NULL,
    time_entry_ids TEXT
);
CREATE INDEX ix_invoice_items_invoice_id ON invoice_items (invoice_id);

-- +downgrade
DROP INDEX ix_invoice_items_invoice_id;
DROP TABLE invoice_items;
