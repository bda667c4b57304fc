"""Parameterized layers (links) of Chainer v5, from chainer-links.

This package adds ``chainer.links`` to the ``chainer`` package of
chainer-core; it ships no ``chainer/__init__.py`` of its own.
"""
