"""bad id"""
revision = 'abc-def'
down_revision = None
