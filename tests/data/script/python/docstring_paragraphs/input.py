'''  Add the invoices table
and its index

This second paragraph is the long description;
Alembic's doc keeps only the first.

Revision ID: 77aa
Revises:
Create Date: 2023-12-31 23:59:59.999999

'''
revision = '77aa'
down_revision = None


def upgrade():
    pass


def downgrade():
    pass
