-- Revision ID: tx1
-- Transactional: sometimes
-- +upgrade
SELECT 1;
