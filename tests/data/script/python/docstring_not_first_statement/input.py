import os
"""This is not a docstring: it follows an import."""
revision = 'late1'
down_revision = None
