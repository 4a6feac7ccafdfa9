"""Caf\u00e9 \x41\101 \"quoted\" \
continued

Revision ID: 6f6f
"""
revision = '6f6f'
down_revision = None
