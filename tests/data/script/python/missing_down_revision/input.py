"""forgot the parent"""
revision = 'orphan1'


def upgrade():
    pass
