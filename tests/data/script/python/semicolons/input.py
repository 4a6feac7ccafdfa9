"""semicolons"""
revision = 'semi1'; down_revision = None  # two on one line
branch_labels = ('a;b',); depends_on = "x;y"


def upgrade(): pass; pass
