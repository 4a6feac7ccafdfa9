"""merge hourly rate and active flag

Revision ID: 2c122f99f547
Revises: 08f51e9d952f, c157cbac9192
Create Date: 2026-11-25 12:33:46.182632

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2c122f99f547'
down_revision = ('08f51e9d952f', 'c157cbac9192')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
