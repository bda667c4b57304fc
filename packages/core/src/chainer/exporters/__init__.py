"""Exporters of computational graphs to other frameworks' formats."""
from chainer.exporters import caffe  # NOQA
