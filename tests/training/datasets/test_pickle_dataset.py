import io
import pickle

import numpy
import pytest

from chainer import datasets
from chainer import iterators


def _write(path, items):
    with datasets.open_pickle_dataset_writer(path) as writer:
        for item in items:
            writer.write(item)
        writer.flush()


def test_roundtrip(tmp_path):
    path = str(tmp_path / 'data.pkl')
    items = [(numpy.arange(3) * i, i) for i in range(5)]
    _write(path, items)
    with datasets.open_pickle_dataset(path) as ds:
        assert len(ds) == 5
        x, t = ds[3]
        numpy.testing.assert_array_equal(x, [0, 3, 6])
        assert t == 3
        assert [e[1] for e in ds[::2]] == [0, 2, 4]
        clone = pickle.loads(pickle.dumps(ds))
        assert clone[4][1] == 4
        clone.close()


def test_in_memory_stream():
    buf = io.BytesIO()
    writer = datasets.PickleDatasetWriter(buf, protocol=2)
    for i in range(3):
        writer.write({'i': i})
    ds = datasets.PickleDataset(buf)
    assert [ds[i]['i'] for i in (2, 0, 1)] == [2, 0, 1]


def test_with_multiprocess_iterator(tmp_path):
    path = str(tmp_path / 'data.pkl')
    _write(path, list(range(6)))
    with datasets.open_pickle_dataset(path) as ds:
        it = iterators.MultiprocessIterator(ds, 6, repeat=False,
                                            shuffle=False, n_processes=2)
        try:
            assert it.next() == list(range(6))
        finally:
            it.finalize()


def test_unseekable_reader():
    class Stream(io.RawIOBase):
        def seekable(self):
            return False
    with pytest.raises(ValueError):
        datasets.PickleDataset(Stream())


def test_writer_without_flush():
    # v5 flushes only a writer that has a flush method.
    class Sink(object):
        def __init__(self):
            self.data = b''

        def write(self, b):
            self.data += b

    sink = Sink()
    writer = datasets.PickleDatasetWriter(sink)
    writer.write(3)
    writer.flush()
    assert pickle.loads(sink.data) == 3
