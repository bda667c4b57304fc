import hashlib
import os

import numpy
import pytest

from chainer.dataset import download
from chainer import datasets
from chainer.datasets import svhn

io = pytest.importorskip('scipy.io')


@pytest.fixture
def dataset_root(tmp_path, monkeypatch):
    monkeypatch.setattr(download, '_dataset_root', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    return tmp_path


def _put_mat(url, n, rng):
    root = os.path.join(download.get_dataset_root(), '_dl_cache')
    os.makedirs(root, exist_ok=True)
    path = os.path.join(root, hashlib.md5(url.encode('utf-8')).hexdigest())
    x = rng.randint(0, 256, (32, 32, 3, n)).astype(numpy.uint8)
    y = rng.randint(1, 11, (n, 1)).astype(numpy.uint8)
    y[0] = 10
    with open(path, 'wb') as f:
        io.savemat(f, {'X': x, 'y': y})
    return x, y


def test_svhn(dataset_root):
    rng = numpy.random.RandomState(0)
    x, y = _put_mat(svhn._URLS['train'], 3, rng)
    _put_mat(svhn._URLS['test'], 2, rng)
    train, test = datasets.get_svhn()
    assert len(train) == 3 and len(test) == 2
    image, label = train[1]
    assert image.shape == (3, 32, 32) and image.dtype == numpy.float32
    numpy.testing.assert_allclose(image, x[:, :, :, 1].transpose(2, 0, 1)
                                  / 255., rtol=1e-6)
    assert label == y[1, 0] % 10
    assert train[0][1] == 0  # label 10 stands for the digit 0

    _put_mat(svhn._URLS['extra'], 4, rng)
    images = datasets.get_svhn(withlabel=False, scale=2., add_extra=True)
    assert [len(i) for i in images] == [3, 2, 4]
    assert images[0].max() <= 2.


@pytest.fixture
def v5_root(tmp_path, monkeypatch):
    # The root comes from CHAINER_DATASET_ROOT, as a v5 user would set it;
    # nothing may be downloaded.
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.setenv('CHAINER_DATASET_ROOT', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    return tmp_path


def test_reads_v5_npz_cache(v5_root):
    # v5 caches each split as <root>/pfnet/chainer/svhn/<split>.npz with
    # the .mat arrays unchanged: x (32, 32, 3, N) uint8 and y (N, 1) uint8,
    # where 10 stands for the digit 0.
    cache = v5_root / 'pfnet' / 'chainer' / 'svhn'
    cache.mkdir(parents=True)
    rng = numpy.random.RandomState(3)
    raw = {}
    for name, n in (('train', 3), ('test', 2), ('extra', 1)):
        x = rng.randint(0, 256, (32, 32, 3, n)).astype(numpy.uint8)
        y = numpy.array([[10], [4], [1]][:n], numpy.uint8)
        numpy.savez_compressed(str(cache / (name + '.npz')), x=x, y=y)
        raw[name] = x, y
    train, test = datasets.get_svhn(label_dtype=numpy.int64)
    assert (len(train), len(test)) == (3, 2)
    image, label = train[1]
    # (H, W, C, N) -> (N, C, H, W): v5 transposes with (3, 2, 0, 1).
    expected = raw['train'][0][:, :, :, 1].transpose(2, 0, 1) / 255.
    numpy.testing.assert_allclose(image, expected, rtol=1e-6)
    assert label.dtype == numpy.int64 and label == 4
    assert train[0][1] == 0
    _, _, extra = datasets.get_svhn(withlabel=False, scale=2.,
                                    dtype=numpy.float64, add_extra=True)
    assert extra.shape == (1, 3, 32, 32) and extra.dtype == numpy.float64
    numpy.testing.assert_allclose(
        extra[0], raw['extra'][0][:, :, :, 0].transpose(2, 0, 1) * 2. / 255.)
