"""merge three branches"""
revision = "e5"
down_revision = [
    "a1",  # users branch
    # "zz", commented out
    "b2",
    'c3',   # trailing comma next
]
branch_labels = (
    "core",
)
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
