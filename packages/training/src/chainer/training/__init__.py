"""Training loop abstractions of Chainer v5, from chainer-training.

This package adds ``chainer.training`` to the ``chainer`` package of
chainer-core; it ships no ``chainer/__init__.py`` of its own.
"""
