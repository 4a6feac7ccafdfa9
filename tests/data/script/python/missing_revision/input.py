"""forgot the id"""
down_revision = None


def upgrade():
    pass
