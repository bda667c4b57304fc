"""v5's ``None`` entries: written as v5 does, recognized without unpickling."""
import io
import pickle
import warnings
import zipfile

import numpy
import pytest

import chainer
from chainer import serializers
from chainer.serializers import _npy_none


def _payload(array, protocol):
    return pickle.dumps(array, protocol=protocol)


def test_written_entry_reads_back_as_none_with_numpy():
    data = _npy_none.none_npy_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        value = numpy.load(io.BytesIO(data), allow_pickle=True)
    assert value.dtype == object and value.shape == () and value[()] is None
    # The module name v5-era numpy (1.x) knows, and a protocol Python 2
    # can read.
    assert b'numpy.core.multiarray' in data and b'numpy._core' not in data
    assert data[data.index(b'\n', 10) + 1:][:2] == b'\x80\x02'


@pytest.mark.parametrize('protocol', [2, 3, 4, 5])
def test_numpy_pickles_of_none_are_recognized(protocol):
    payload = _payload(numpy.asarray(None), protocol)
    assert _npy_none.is_none_payload(payload, ())
    # numpy 1.x wrote numpy.core.multiarray; accept both spellings.
    old = payload.replace(b'numpy._core.multiarray', b'numpy.core.multiarray')
    if protocol < 4:  # GLOBAL opcode: no length prefix to fix up
        assert _npy_none.is_none_payload(old, ())


@pytest.mark.parametrize('protocol', [2, 4])
def test_other_objects_are_not_none(protocol):
    none2 = numpy.empty(2, dtype=object)
    assert _npy_none.is_none_payload(_payload(none2, protocol), (2,))
    mixed = numpy.array([None, 1], dtype=object)
    assert not _npy_none.is_none_payload(_payload(mixed, protocol), (2,))
    one = numpy.empty((), dtype=object)
    one[()] = {'a': None}
    assert not _npy_none.is_none_payload(_payload(one, protocol), ())
    one[()] = 'text'
    assert not _npy_none.is_none_payload(_payload(one, protocol), ())
    # Shape from the header must match the number of items.
    assert not _npy_none.is_none_payload(
        _payload(numpy.asarray(None), protocol), (3,))
    assert not _npy_none.is_none_payload(_payload(print, protocol), ())
    assert not _npy_none.is_none_payload(b'not a pickle', ())


def test_load_v5_file_with_none_written_by_numpy(tmp_path):
    # v5: numpy.savez(file, **{key: numpy.asarray(None)}) for lazy params.
    path = str(tmp_path / 'v5_none.npz')
    numpy.savez(path, **{'W': numpy.asarray(None),
                         'b': numpy.arange(2, dtype='f')})
    link = chainer.Link()
    with link.init_scope():
        link.W = chainer.Parameter()
        link.b = chainer.Parameter()
    serializers.load_npz(path, link)
    assert link.W.array is None
    numpy.testing.assert_array_equal(link.b.array, [0, 1])


def test_load_v5_file_with_numpy1_protocol3_none(tmp_path):
    # The exact bytes numpy 1.x on Python 3 wrote (protocol 3, numpy.core).
    header = io.BytesIO()
    numpy.lib.format.write_array_header_1_0(
        header, {'descr': '|O', 'fortran_order': False, 'shape': ()})
    payload = _payload(numpy.asarray(None), 3).replace(
        b'numpy._core.multiarray', b'numpy.core.multiarray')
    path = str(tmp_path / 'np1.npz')
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('value.npy', header.getvalue() + payload)
    link = chainer.Link()
    link.add_persistent('value', 1.5)
    serializers.load_npz(path, link)
    assert link.value is None


def test_optimizer_style_none_state_round_trip(tmp_path):
    # ExponentialShift-like persistent that is None until first use.
    link = chainer.Link()
    link.add_persistent('last_value', None)
    path = str(tmp_path / 'none.npz')
    serializers.save_npz(path, link)
    other = chainer.Link()
    other.add_persistent('last_value', 0.5)
    serializers.load_npz(path, other)
    assert other.last_value is None
    other.last_value = 0.25
    serializers.save_npz(path, other)
    serializers.load_npz(path, link)
    assert link.last_value == 0.25
