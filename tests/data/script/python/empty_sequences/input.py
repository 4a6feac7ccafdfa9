"""empty sequences"""
revision = 'e0'
down_revision = ()
branch_labels = []
depends_on = ()
