"""raw SQL with column-0 lines

Revision ID: 3b3b
Revises: 2a2a
Create Date: 2022-05-05 05:05:05

"""
from alembic import op

some_decorator = lambda f: f  # noqa: E731

revision = '3b3b'
down_revision = '2a2a'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("""
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    note TEXT
);
revision = 'not-this-one'
def downgrade():
""")
    op.execute('INSERT INTO audit (note) VALUES (\'it\'\'s\')')


# Column-0 comment between the two functions.

@some_decorator
def downgrade():
    op.execute(
"""DROP TABLE audit"""
    )

    # trailing indented comment


def helper():
    return 1
