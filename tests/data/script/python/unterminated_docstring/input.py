"""never closed

revision = 'abc'
down_revision = None
