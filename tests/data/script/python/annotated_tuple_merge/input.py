"""merge

Revision ID: d1
Revises: a1, b2
Create Date: 2024-03-02 10:00:00

"""
from typing import Sequence, Union

revision: str = 'd1'
down_revision: Union[str, Sequence[str], None] = ('a1', 'b2')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
