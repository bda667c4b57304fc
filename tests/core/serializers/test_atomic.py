"""save_npz/save_hdf5 never leave a half-written file behind."""
import os
import stat

import numpy
import pytest

from chainer import serializers
from chainer.serializers import _atomic


class Crash(Exception):
    pass


def _crash_after(monkeypatch, n_calls):
    # Makes the n-th member write of save_npz fail, after some bytes of the
    # new file have been written.
    real = numpy.lib.format.write_array
    calls = []

    def write_array(fp, array, *args, **kwargs):
        calls.append(1)
        if len(calls) >= n_calls:
            fp.write(b'partial')
            raise Crash()
        return real(fp, array, *args, **kwargs)

    monkeypatch.setattr(numpy.lib.format, 'write_array', write_array)


@pytest.mark.parametrize('error', [Crash, KeyboardInterrupt])
def test_crash_keeps_previous_file(tmp_path, monkeypatch, models, error):
    path = str(tmp_path / 'model.npz')
    serializers.save_npz(path, models.MLP(1))
    before = open(path, 'rb').read()
    real = numpy.lib.format.write_array
    state = {'n': 0}

    def write_array(fp, array, *args, **kwargs):
        state['n'] += 1
        if state['n'] == 3:
            fp.write(b'partial')
            raise error()
        return real(fp, array, *args, **kwargs)

    monkeypatch.setattr(numpy.lib.format, 'write_array', write_array)
    with pytest.raises(error):
        serializers.save_npz(path, models.MLP(2))
    assert open(path, 'rb').read() == before
    assert os.listdir(str(tmp_path)) == ['model.npz']
    # And the previous model still loads.
    monkeypatch.undo()
    dst = models.MLP(5)
    serializers.load_npz(path, dst)
    numpy.testing.assert_array_equal(dst.l1.W.array, models.MLP(1).l1.W.array)


def test_crash_on_new_file_leaves_nothing(tmp_path, monkeypatch, models):
    _crash_after(monkeypatch, 2)
    with pytest.raises(Crash):
        serializers.save_npz(str(tmp_path / 'new.npz'), models.MLP())
    assert os.listdir(str(tmp_path)) == []


def test_serialize_error_leaves_nothing(tmp_path):
    class Broken(object):
        def serialize(self, serializer):
            serializer('a', numpy.zeros(2))
            raise Crash()

    with pytest.raises(Crash):
        serializers.save_npz(str(tmp_path / 'x.npz'), Broken())
    assert os.listdir(str(tmp_path)) == []


def test_existing_permissions_are_kept(tmp_path, models):
    path = str(tmp_path / 'private.npz')
    serializers.save_npz(path, models.MLP())
    os.chmod(path, 0o600)
    serializers.save_npz(path, models.MLP(3))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_new_file_mode_follows_umask(tmp_path, models):
    old = os.umask(0o022)
    try:
        path = str(tmp_path / 'new.npz')
        serializers.save_npz(path, models.MLP())
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


def test_replacing_helper(tmp_path):
    target = tmp_path / 'out.bin'
    with _atomic.replacing(str(target)) as tmp:
        assert os.path.dirname(tmp) == str(tmp_path)
        assert not target.exists()
        with open(tmp, 'wb') as f:
            f.write(b'done')
    assert target.read_bytes() == b'done'
    assert os.listdir(str(tmp_path)) == ['out.bin']
