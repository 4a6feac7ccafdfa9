"""not assignments"""
revision: str
revision = 'ann1'
down_revision == 'x'
down_revision = None
depends_on += ('z',)
