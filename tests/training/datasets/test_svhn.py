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
