"""billing branch

Revision ID: 27c6a30d7c24
Revises: 1975ea83b712
Create Date: 2026-11-25 12:13:23.352860

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '27c6a30d7c24'
down_revision = '1975ea83b712'
branch_labels = ('billing',)
depends_on = 'ae1027a6acf'


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
