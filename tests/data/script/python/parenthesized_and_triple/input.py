"""Parenthesised values."""
revision = ("0a1b2c3d4e5f")
down_revision = """9f8e7d6c5b4a"""
branch_labels = ('only',)
depends_on = ('x1', 'y2')


def upgrade():
    pass


def downgrade():
    pass
