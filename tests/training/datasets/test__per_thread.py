import os
import pickle
import threading

from chainer.datasets import _per_thread


class _Counting(_per_thread.PerThreadHandle):

    """Its handles are numbered in the order they are opened."""

    def __init__(self):
        self.opened = 0
        self._init_handles()

    def _open_handle(self):
        self.opened += 1
        return self.opened


def test_one_handle_per_thread():
    ds = _Counting()
    assert ds._handle() == 1
    assert ds._handle() == 1  # kept for the calling thread
    seen = []
    worker = threading.Thread(target=lambda: seen.append(ds._handle()))
    worker.start()
    worker.join()
    assert seen == [2]
    assert ds._handle() == 1


def test_reopened_in_another_process(monkeypatch):
    ds = _Counting()
    assert ds._handle() == 1
    pid = os.getpid()
    # What a forked worker sees: the same thread-local, another pid.
    monkeypatch.setattr(os, 'getpid', lambda: pid + 1)
    assert ds._handle() == 2
    assert ds._handle() == 2


def test_pickle_drops_handles():
    ds = _Counting()
    ds._handle()
    state = ds.__getstate__()
    assert '_local' not in state
    clone = pickle.loads(pickle.dumps(ds))
    assert clone.opened == 1
    assert clone._handle() == 2
    assert ds._handle() == 1
