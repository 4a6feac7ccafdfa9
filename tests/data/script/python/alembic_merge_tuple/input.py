"""merge the branches

Revision ID: 5a6b7c8d9e0f
Revises: 3cac04ae8714, 4f2b1c0d9e8a
Create Date: 2026-11-25 12:13:29.561839

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5a6b7c8d9e0f'
down_revision = ('3cac04ae8714', '4f2b1c0d9e8a')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
