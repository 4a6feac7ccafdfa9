--REVISION ID:   abc123
--   revises :  def456
-- BRANCH  LABELS: Feature_X
-- message: lower-case keys and odd spacing
-- +UPGRADE
SELECT 1;
--   +Downgrade
SELECT 2;
