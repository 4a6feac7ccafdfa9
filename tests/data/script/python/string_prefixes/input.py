"""prefixes"""
revision = u'abc123'
down_revision = r"def456"
branch_labels = (U"label_one", R'label\two',)
depends_on = Rb"not_a_str".decode() if False else None


def upgrade():
    pass
