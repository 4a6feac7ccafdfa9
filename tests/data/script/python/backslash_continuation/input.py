"""continued"""
revision = \
    '1234abcd'
down_revision \
    = None


def upgrade(): pass
def downgrade(): pass
