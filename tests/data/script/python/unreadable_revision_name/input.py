"""uses a constant"""
from myapp.constants import BASE_REV

revision = BASE_REV
down_revision = None


def upgrade():
    pass
