"""add email to clients

Revision ID: 6770b7f3cde6
Revises: 5a845b9de09e
Create Date: 2026-11-25 12:46:25.559736

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6770b7f3cde6'
down_revision = '5a845b9de09e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("email", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("email")
