-- Revision ID: u1
-- Revises: u0
-- Author: someone@example.com
-- Message: An unknown key is a warning
-- This free comment has no key
-- Note that: colons inside prose with punctuation, like this one, are not keys.

-- +upgrade
SELECT 1;
