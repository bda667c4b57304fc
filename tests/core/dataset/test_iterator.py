import pytest

from chainer import dataset
from chainer.dataset import iterator


class _Countdown(dataset.Iterator):

    def __init__(self, n):
        self.n = n
        self.finalized = False

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return [self.n]

    def finalize(self):
        self.finalized = True


def test_protocol():
    it = _Countdown(3)
    assert iter(it) is it
    assert it.next() == [2]
    assert list(it) == [[1], [0]]


def test_context_manager_finalizes():
    with _Countdown(2) as it:
        assert isinstance(it, _Countdown)
        assert not it.finalized
    assert it.finalized


def test_context_manager_finalizes_on_error():
    it = _Countdown(2)
    with pytest.raises(RuntimeError):
        with it:
            raise RuntimeError
    assert it.finalized


def test_base_defaults():
    it = iterator.Iterator()
    with pytest.raises(NotImplementedError):
        next(it)
    with pytest.raises(NotImplementedError):
        it.next()
    assert it.finalize() is None
    assert it.serialize(object()) is None
    with it as entered:
        assert entered is it
