import unittest

import pytest

from chainer.testing import attr


def _marks(obj):
    return {m.name: m for m in getattr(obj, 'pytestmark', [])}


def _limit_skip(obj):
    return [m for m in getattr(obj, 'pytestmark', [])
            if m.name == 'skipif' and m.args[0]]


def test_available():
    assert attr.is_available()
    assert attr.get_error() is None
    attr.check_available()


def test_gpu_marks(monkeypatch):
    monkeypatch.delenv('CHAINER_TEST_GPU_LIMIT', raising=False)

    def f():
        pass
    f = attr.gpu(f)
    assert set(_marks(f)) == {'gpu', 'skipif'}
    assert _limit_skip(f) == []


def test_multi_gpu_marks(monkeypatch):
    monkeypatch.delenv('CHAINER_TEST_GPU_LIMIT', raising=False)

    def f():
        pass
    f = attr.multi_gpu(3)(f)
    marks = _marks(f)
    assert marks['multi_gpu'].args == (3,)
    assert 'gpu' in marks


@pytest.mark.parametrize('limit, needed, skipped', [
    ('0', 1, True), ('1', 1, False), ('1', 2, True), ('-1', 4, False),
    ('2', 2, False),
])
def test_gpu_limit(monkeypatch, limit, needed, skipped):
    monkeypatch.setenv('CHAINER_TEST_GPU_LIMIT', limit)

    def f():
        pass
    f = attr.gpu(f) if needed == 1 else attr.multi_gpu(needed)(f)
    assert bool(_limit_skip(f)) is skipped


def test_cudnn_and_slow():
    def f():
        pass
    f = attr.slow(attr.cudnn(f))
    assert set(_marks(f)) == {'cudnn', 'slow'}


def test_class_marks():
    @attr.gpu
    class Case(unittest.TestCase):
        pass
    assert 'gpu' in _marks(Case)


@attr.slow
def test_slow_marker_is_seen(request):
    assert request.node.get_closest_marker('slow') is not None
