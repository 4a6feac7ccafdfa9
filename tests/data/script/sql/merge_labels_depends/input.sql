-- Revision ID: 5e5e5e5e5e5e
-- Revises: 1111aaaa, 2222bbbb
-- Branch labels: billing, invoices
-- Depends on: 9c8b7a6d5e4f,core@head
-- Message: Merge billing into main

-- +upgrade
-- +downgrade
