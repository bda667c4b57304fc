"""get_cifar10/100 on a small archive in v5's format, without network."""
import hashlib
import io
import os
import pickle
import tarfile

import numpy
import pytest

from chainer.dataset import download
from chainer import datasets
from chainer.datasets import cifar


@pytest.fixture
def dataset_root(tmp_path, monkeypatch):
    monkeypatch.setattr(download, '_dataset_root', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    return tmp_path


def _put_archive(url, members):
    root = os.path.join(download.get_dataset_root(), '_dl_cache')
    os.makedirs(root, exist_ok=True)
    path = os.path.join(root, hashlib.md5(url.encode('utf-8')).hexdigest())
    with tarfile.open(path, 'w:gz') as tar:
        for name, obj in members.items():
            # Python 2 pickles with byte strings as the original files.
            data = pickle.dumps(obj, protocol=2)
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def _batch(rng, n, label_key, n_classes):
    return {'data': rng.randint(0, 256, (n, 3072)).astype(numpy.uint8),
            label_key: rng.randint(0, n_classes, n).tolist()}


def test_cifar10(dataset_root):
    rng = numpy.random.RandomState(0)
    members = {'cifar-10-batches-py/data_batch_%d' % i:
               _batch(rng, 2, 'labels', 10) for i in range(1, 6)}
    members['cifar-10-batches-py/test_batch'] = _batch(rng, 3, 'labels', 10)
    _put_archive(cifar._URLS[10], members)

    train, test = datasets.get_cifar10()
    assert len(train) == 10 and len(test) == 3
    x, t = train[9]
    last = members['cifar-10-batches-py/data_batch_5']
    assert x.shape == (3, 32, 32) and x.dtype == numpy.float32
    numpy.testing.assert_allclose(x.ravel(), last['data'][1] / 255.,
                                  rtol=1e-6)
    assert t == last['labels'][1] and t.dtype == numpy.int32

    flat = datasets.get_cifar10(withlabel=False, ndim=1, scale=255.,
                                dtype=numpy.float64)[1]
    assert flat.shape == (3, 3072) and flat.dtype == numpy.float64
    numpy.testing.assert_allclose(
        flat, members['cifar-10-batches-py/test_batch']['data'])
    with pytest.raises(ValueError):
        datasets.get_cifar10(ndim=2)
    assert os.path.exists(os.path.join(
        str(dataset_root), 'pfnet', 'chainer', 'cifar', 'cifar-10.npz'))


def test_cifar100_uses_fine_labels(dataset_root):
    rng = numpy.random.RandomState(1)
    train = _batch(rng, 4, 'fine_labels', 100)
    train['coarse_labels'] = [0] * 4
    test = _batch(rng, 2, 'fine_labels', 100)
    test['coarse_labels'] = [0] * 2
    _put_archive(cifar._URLS[100], {'cifar-100-python/train': train,
                                    'cifar-100-python/test': test})
    train_ds, test_ds = datasets.get_cifar100()
    assert len(train_ds) == 4 and len(test_ds) == 2
    assert [int(t) for _, t in train_ds[:]] == train['fine_labels']


@pytest.fixture
def v5_root(tmp_path, monkeypatch):
    # The root comes from CHAINER_DATASET_ROOT, as a v5 user would set it;
    # nothing may be downloaded.
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.setenv('CHAINER_DATASET_ROOT', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    return tmp_path


@pytest.mark.parametrize('n_classes,getter', [
    (10, datasets.get_cifar10), (100, datasets.get_cifar100)])
def test_reads_v5_npz_cache(v5_root, n_classes, getter):
    # v5 caches both splits in <root>/pfnet/chainer/cifar/cifar-N.npz as
    # uint8 train_x/test_x of shape (N, 3072) (channel-major pixels) and
    # uint8 train_y/test_y.
    cache = v5_root / 'pfnet' / 'chainer' / 'cifar'
    cache.mkdir(parents=True)
    rng = numpy.random.RandomState(n_classes)
    arrays = {
        'train_x': rng.randint(0, 256, (5, 3072)).astype(numpy.uint8),
        'train_y': rng.randint(0, n_classes, 5).astype(numpy.uint8),
        'test_x': rng.randint(0, 256, (2, 3072)).astype(numpy.uint8),
        'test_y': rng.randint(0, n_classes, 2).astype(numpy.uint8)}
    numpy.savez_compressed(str(cache / ('cifar-%d.npz' % n_classes)),
                           **arrays)
    train, test = getter()
    assert (len(train), len(test)) == (5, 2)
    x, t = train[4]
    assert x.shape == (3, 32, 32) and x.dtype == numpy.float32
    # Channel c of the image is the c-th block of 1024 stored values.
    numpy.testing.assert_allclose(
        x[1], arrays['train_x'][4][1024:2048].reshape(32, 32) / 255.,
        rtol=1e-6)
    assert t.dtype == numpy.int32 and int(t) == arrays['train_y'][4]
    flat = getter(withlabel=False, ndim=1, scale=3.,
                  dtype=numpy.float64)[1]
    assert flat.shape == (2, 3072) and flat.dtype == numpy.float64
    numpy.testing.assert_allclose(flat, arrays['test_x'] * (3. / 255.))
    assert os.listdir(str(cache)) == ['cifar-%d.npz' % n_classes]


class _Evil(object):
    def __reduce__(self):
        return (os.system, ('echo should-not-run',))


def test_tampered_archive_is_refused(dataset_root):
    # A pickled batch naming any global but numpy's array reconstruction
    # is rejected before anything runs.
    rng = numpy.random.RandomState(0)
    members = {'cifar-10-batches-py/data_batch_%d' % i:
               _batch(rng, 2, 'labels', 10) for i in range(1, 6)}
    members['cifar-10-batches-py/data_batch_3']['extra'] = _Evil()
    members['cifar-10-batches-py/test_batch'] = _batch(rng, 2, 'labels', 10)
    _put_archive(cifar._URLS[10], members)
    with pytest.raises(pickle.UnpicklingError, match='tampered'):
        datasets.get_cifar10()


def test_numpy1_array_pickles_load_without_numpy_core(recwarn):
    # The original batches were written by numpy 1, naming the module
    # numpy.core.multiarray; numpy 2 reads them through numpy._core.
    a = numpy.arange(6, dtype=numpy.uint8).reshape(2, 3)
    data = pickle.dumps({'data': a}, protocol=2)
    data = data.replace(b'numpy._core.multiarray', b'numpy.core.multiarray')
    assert b'numpy.core.multiarray' in data
    out = cifar._BatchUnpickler(io.BytesIO(data), encoding='latin-1').load()
    numpy.testing.assert_array_equal(a, out['data'])
    assert not [w for w in recwarn if 'numpy.core' in str(w.message)]
