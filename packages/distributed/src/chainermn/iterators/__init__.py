"""Iterators synchronized across ranks."""
from chainermn.iterators.multi_node_iterator import create_multi_node_iterator  # NOQA
