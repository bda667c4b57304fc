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
