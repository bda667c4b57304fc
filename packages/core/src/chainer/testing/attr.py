"""pytest markers for tests that need a GPU, cuDNN or much time.

``tests/conftest.py`` skips ``gpu``/``cudnn``/``multi_gpu`` tests when the
device is missing. As in v5, ``CHAINER_TEST_GPU_LIMIT=n`` (``n >= 0``) also
skips tests needing more than ``n`` GPUs.
"""
import os

try:
    import pytest
    _error = None
except ImportError as e:  # pytest is a test dependency, not a core one
    pytest = None
    _error = e


def is_available():
    """Returns ``True`` when pytest (needed for the markers) is importable."""
    return _error is None


def get_error():
    """Returns the error raised while importing pytest, or ``None``."""
    return _error


def check_available():
    """Raises ``RuntimeError`` if the markers cannot be used."""
    if _error is not None:
        raise RuntimeError('{} is not available.\nReason: {}: {}'.format(
            __name__, type(_error).__name__, _error))


def _gpu_limit():
    # Read on each use so a test session can set it late.
    return int(os.environ.get('CHAINER_TEST_GPU_LIMIT', '-1'))


def _limit_skip(gpu_num):
    limit = _gpu_limit()
    return pytest.mark.skipif(
        0 <= limit < gpu_num,
        reason='{} GPUs required (CHAINER_TEST_GPU_LIMIT={})'.format(
            gpu_num, limit))


def gpu(f):
    """Marks a test (function or class) as needing one GPU."""
    check_available()
    return _limit_skip(1)(pytest.mark.gpu(f))


def multi_gpu(gpu_num):
    """Marks a test as needing ``gpu_num`` GPUs.

    Example: ``@attr.multi_gpu(2)``.
    """
    check_available()

    def decorator(f):
        f = pytest.mark.multi_gpu(gpu_num)(f)
        return _limit_skip(gpu_num)(pytest.mark.gpu(f))
    return decorator


def cudnn(*args, **kwargs):
    """Marks a test as needing cuDNN (deselect with ``-m 'not cudnn'``)."""
    check_available()
    return pytest.mark.cudnn(*args, **kwargs)


def slow(*args, **kwargs):
    """Marks a long test (deselect with ``-m 'not slow'``)."""
    check_available()
    return pytest.mark.slow(*args, **kwargs)
