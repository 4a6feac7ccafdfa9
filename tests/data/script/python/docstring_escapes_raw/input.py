r"""Rename C:\new\table and \t tabs

Revision ID: 5e5e
Revises:
Create Date: 2023-01-01 00:00:00

"""
revision = '5e5e'
down_revision = None
