"""f-string dependency"""
prefix = "ab"
revision = 'fs1'
down_revision = 'fs0'
branch_labels = f"{prefix}_branch"
depends_on = ('ok1', PREFIX + 'x')


def upgrade():
    pass


def downgrade():
    pass
