#!/usr/bin/env python
# -*- coding: latin-1 -*-
"""Añade la tabla de años

Revision ID: 1a71
"""
revision = '1a71'
down_revision = None
