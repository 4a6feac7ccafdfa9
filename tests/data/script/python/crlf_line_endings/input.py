"""Windows line endings

Revision ID: cr1f
Revises: cr0
Create Date: 2020-01-01 00:00:00

"""
revision = 'cr1f'
down_revision = (
    'cr0',
)


def upgrade():
    pass


def downgrade():
    pass
