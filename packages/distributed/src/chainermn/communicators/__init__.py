"""Communicators and :func:`create_communicator`."""
from chainermn.communicators.communicator_base import CommunicatorBase  # NOQA
from chainermn.communicators._create import create_communicator  # NOQA
