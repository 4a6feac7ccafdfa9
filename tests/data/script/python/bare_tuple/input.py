"""bare tuple merge"""
revision = 'f00d'
down_revision = 'a1', 'b2'
branch_labels = None
depends_on = 'c3',
