"""copied from another file

Revision ID: aaaa1111
Revises: 0000
Create Date: 2021-02-03 04:05:06

"""
revision = 'bbbb2222'
down_revision = '0000'
