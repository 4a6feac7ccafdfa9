"""multi database

Revision ID: 9a8b7c6d5e4f
Revises: 8e6f2a1b3c4d
Create Date: 2026-11-25 12:13:41.454759

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9a8b7c6d5e4f'
down_revision = '8e6f2a1b3c4d'
branch_labels = None
depends_on = None


def upgrade(engine_name: str) -> None:
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    globals()["downgrade_%s" % engine_name]()





def upgrade_engine1() -> None:
    pass


def downgrade_engine1() -> None:
    pass


def upgrade_engine2() -> None:
    pass


def downgrade_engine2() -> None:
    pass

