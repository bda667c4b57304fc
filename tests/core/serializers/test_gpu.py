"""Saving on one device and loading on another is bit-exact (needs CuPy)."""
import numpy
import pytest

from chainer.backends import cuda
from chainer import serializers
from chainer.testing import attr


def _h5py_or_skip(fmt):
    if fmt == 'hdf5':
        pytest.importorskip('h5py')


SAVE = {'npz': serializers.save_npz, 'hdf5': serializers.save_hdf5}
LOAD = {'npz': serializers.load_npz, 'hdf5': serializers.load_hdf5}


@attr.gpu
@pytest.mark.parametrize('fmt', ['npz', 'hdf5'])
@pytest.mark.parametrize('src_gpu,dst_gpu', [
    (True, False), (False, True), (True, True)])
def test_cross_device_round_trip(tmp_path, models, fmt, src_gpu, dst_gpu):
    _h5py_or_skip(fmt)
    src, dst = models.Classifier(1), models.Classifier(2)
    expected = models.snapshot_of(src)
    if src_gpu:
        src.to_gpu()
    if dst_gpu:
        dst.to_gpu()
    path = str(tmp_path / ('m.' + fmt))
    SAVE[fmt](path, src)
    LOAD[fmt](path, dst)
    for param in dst.params():
        assert isinstance(param.array, cuda.ndarray) == dst_gpu
    avg = dst.predictor.l1.avg
    assert isinstance(avg, cuda.ndarray) == dst_gpu
    dst.to_cpu()
    got = models.snapshot_of(dst)
    for key in expected:
        assert got[key].tobytes() == expected[key].tobytes(), key


@attr.gpu
def test_dictionary_serializer_copies_to_host(models):
    model = models.MLP(1).to_gpu()
    target = {}
    serializers.DictionarySerializer(target).save(model)
    assert all(isinstance(v, numpy.ndarray) for v in target.values())
    numpy.testing.assert_array_equal(target['l1/W'],
                                     cuda.to_cpu(model.l1.W.array))


@attr.gpu
def test_shape_mismatch_on_gpu_target_is_checked(models):
    model = models.MLP(1).to_gpu()
    w = cuda.to_cpu(model.l1.W.array)
    d = {k: numpy.asarray(v) for k, v in models.snapshot_of(
        models.MLP(3)).items()}
    d = {k.lstrip('/'): v for k, v in d.items()}
    d['l2/W'] = numpy.zeros((1, 1), 'f')
    with pytest.raises(ValueError, match='l2/W'):
        serializers.NpzDeserializer(d).load(model)
    numpy.testing.assert_array_equal(cuda.to_cpu(model.l1.W.array), w)
