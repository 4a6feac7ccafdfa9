"""id is None"""
revision = None
down_revision = None
