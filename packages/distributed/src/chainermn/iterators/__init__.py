"""Iterators synchronized across ranks."""
from chainermn.iterators.multi_node_iterator import (  # NOQA
    create_multi_node_iterator)
from chainermn.iterators.synchronized_iterator import (  # NOQA
    create_synchronized_iterator)
