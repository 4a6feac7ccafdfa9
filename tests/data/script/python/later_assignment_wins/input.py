"""reassigned"""
revision = 'first'
down_revision = None
revision = 'second'
down_revision = 'base1'


def upgrade():
    pass


def downgrade():
    pass
