"""Markers and automatic skips shared by every test folder.

``gpu``, ``cudnn`` and ``multi_gpu(n)`` tests are skipped when CuPy, a
CUDA device (n of them) or cuDNN is missing; ``mpi`` tests are skipped
when mpi4py is missing. ``slow`` tests always run unless deselected with
``-m "not slow"``. The markers are registered in the root pyproject.toml.

This file deliberately does not import chainer: a broken ``import chainer``
must show up as failing tests, not as a crash of the whole collection.
"""

import functools
import importlib

import pytest


@functools.lru_cache(maxsize=None)
def _cupy():
    """Returns the cupy module, or ``None`` when it cannot be used."""
    try:
        return importlib.import_module('cupy')
    except Exception:  # ImportError, or a CUDA library failing to load
        return None


@functools.lru_cache(maxsize=None)
def _device_count():
    cupy = _cupy()
    if cupy is None:
        return 0
    try:
        return cupy.cuda.runtime.getDeviceCount()
    except Exception:  # no driver or no device
        return 0


@functools.lru_cache(maxsize=None)
def _cudnn_available():
    if _device_count() == 0:
        return False
    # What the functions' cuDNN paths check (False on CuPy 14, which has
    # no cupy.cudnn, and under CHAINER_CUDNN=0).
    from chainer.backends import cuda
    return bool(cuda.cudnn_enabled)


@functools.lru_cache(maxsize=None)
def _mpi4py_available():
    try:
        importlib.import_module('mpi4py')
        return True
    except Exception:
        return False


def _required_devices(item):
    """Number of CUDA devices a test needs (0 for a CPU test)."""
    needed = 0
    for mark in item.iter_markers(name='multi_gpu'):
        count = mark.args[0] if mark.args else mark.kwargs.get('gpu_num', 2)
        needed = max(needed, int(count))
    if needed == 0 and (item.get_closest_marker('gpu') is not None
                        or item.get_closest_marker('cudnn') is not None):
        needed = 1
    return needed


def pytest_sessionstart(session):
    # pytest-mpi (installed by the Makefile) skips every ``mpi`` test unless
    # --with-mpi is given. Here ``mpi`` means "needs mpi4py": such tests
    # also run as a single process, so its switch is always turned on.
    # Done after pytest_configure, so that pytest-mpi prints its MPI report
    # only when --with-mpi is asked for.
    config = session.config
    if config.pluginmanager.hasplugin('pytest_mpi') and not (
            config.getoption('--only-mpi', False)):
        config.option.with_mpi = True


def pytest_collection_modifyitems(config, items):
    for item in items:
        needed = _required_devices(item)
        if needed:
            if _cupy() is None:
                item.add_marker(pytest.mark.skip(reason='CuPy is not '
                                                        'installed'))
                continue
            have = _device_count()
            if have < needed:
                item.add_marker(pytest.mark.skip(
                    reason='needs %d CUDA device(s), found %d'
                    % (needed, have)))
                continue
        if (item.get_closest_marker('cudnn') is not None
                and not _cudnn_available()):
            item.add_marker(pytest.mark.skip(reason='cuDNN is not available'))
            continue
        if (item.get_closest_marker('mpi') is not None
                and not _mpi4py_available()):
            item.add_marker(pytest.mark.skip(reason='mpi4py is not '
                                                    'installed'))
