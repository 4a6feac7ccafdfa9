"""create clients

Revision ID: 5a845b9de09e
Revises: 
Create Date: 2026-11-25 12:46:13.008668

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5a845b9de09e'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("clients")
