# -*- coding: utf-8 -*-
"""Ajoute la table « élèves » — 学生

Revision ID: 0b0m
Revises:
Create Date: 2020-02-02 02:02:02

"""
revision = '0b0m'
down_revision = None
branch_labels = ('écoles',)


def upgrade():
    op.execute("COMMENT ON TABLE élèves IS 'naïve'")


def downgrade():
    pass
