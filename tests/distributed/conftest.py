"""Fixtures of the chainermn tests, and a watchdog against hangs.

The tests run as one process and under ``mpiexec -n 2``. Every test is
armed with ``faulthandler.dump_traceback_later(exit=True)``: a rank stuck
in a collective (a bug, or a peer that failed) prints its stack and exits,
and mpiexec then stops the others, so a run can never hang CI.
"""
import faulthandler
import importlib
import os
import sys

import numpy
import pytest

# Seconds one test may take before the watchdog kills its process.
TEST_TIMEOUT = float(os.environ.get('CHAINERMN_TEST_TIMEOUT', 60))


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(TEST_TIMEOUT, exit=True,
                                      file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


def _mpi():
    try:
        return importlib.import_module('mpi4py.MPI')
    except ImportError:
        pytest.skip('mpi4py is not installed')


@pytest.fixture(scope='session')
def _world():
    import chainermn
    _mpi()
    return chainermn.create_communicator('naive')


@pytest.fixture
def comm(_world):
    """A naive communicator over ``COMM_WORLD`` (any number of ranks)."""
    return _world


@pytest.fixture
def comm2(_world):
    """The same, for tests that need at least two ranks."""
    if _world.size < 2:
        pytest.skip('needs at least 2 MPI ranks (run under mpiexec -n 2)')
    return _world


@pytest.fixture
def rng(_world):
    """A RandomState seeded differently on each rank, reproducibly."""
    return numpy.random.RandomState(1234 + _world.rank)


@pytest.fixture
def shared_rng():
    """A RandomState seeded the same on every rank."""
    return numpy.random.RandomState(4321)
