# A hand-written revision without a docstring.
from alembic import op

revision = 'nodoc1'
down_revision = 'nodoc0'


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    op.execute("SELECT 1")
