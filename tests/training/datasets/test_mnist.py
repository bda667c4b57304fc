"""get_mnist and get_fashion_mnist on small IDX files in a temporary root.

The download cache is filled beforehand, so nothing touches the network.
"""
import gzip
import hashlib
import os

import numpy
import pytest

from chainer.dataset import download
from chainer import datasets
from chainer.datasets import fashion_mnist
from chainer.datasets import mnist


def _idx_images(images):
    header = numpy.array([2051, len(images), 28, 28], '>i4').tobytes()
    return header + images.astype(numpy.uint8).tobytes()


def _idx_labels(labels):
    header = numpy.array([2049, len(labels)], '>i4').tobytes()
    return header + labels.astype(numpy.uint8).tobytes()


def _put(url, data):
    root = os.path.join(download.get_dataset_root(), '_dl_cache')
    os.makedirs(root, exist_ok=True)
    name = hashlib.md5(url.encode('utf-8')).hexdigest()
    with gzip.open(os.path.join(root, name), 'wb') as f:
        f.write(data)


@pytest.fixture
def dataset_root(tmp_path, monkeypatch):
    monkeypatch.setattr(download, '_dataset_root', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)  # no network
    return tmp_path


def _fill(urls, n_train=3, n_test=2):
    rng = numpy.random.RandomState(0)
    raw = {}
    for split, n in (('train', n_train), ('test', n_test)):
        x = rng.randint(0, 256, (n, 28, 28))
        y = rng.randint(0, 10, n)
        _put(urls[split][0], _idx_images(x))
        _put(urls[split][1], _idx_labels(y))
        raw[split] = (x, y)
    return raw


@pytest.mark.parametrize('module,getter', [
    (mnist, datasets.get_mnist), (fashion_mnist, datasets.get_fashion_mnist)])
def test_parse_and_preprocess(dataset_root, module, getter):
    raw = _fill(module._URLS)
    train, test = getter()
    assert len(train) == 3 and len(test) == 2
    x, t = train[1]
    assert x.shape == (784,) and x.dtype == numpy.float32
    numpy.testing.assert_allclose(x, raw['train'][0][1].ravel() / 255.,
                                  rtol=1e-6)
    assert t.dtype == numpy.int32 and t == raw['train'][1][1]

    # The npz cache is used from now on.
    for name in os.listdir(os.path.join(str(dataset_root), '_dl_cache')):
        os.remove(os.path.join(str(dataset_root), '_dl_cache', name))
    images, _ = getter(withlabel=False, ndim=3, scale=2., dtype=numpy.float64,
                       rgb_format=True)
    assert images.shape == (3, 3, 28, 28) and images.dtype == numpy.float64
    numpy.testing.assert_allclose(images[2, 1],
                                  raw['train'][0][2] * 2. / 255.)
    images2d, labels = getter(ndim=2, label_dtype=numpy.int64)[1][0]
    assert images2d.shape == (28, 28) and labels.dtype == numpy.int64
    with pytest.raises(ValueError):
        getter(ndim=4)


def test_mismatched_files(dataset_root):
    urls = mnist._URLS
    _fill(urls)
    _put(urls['train'][1], _idx_labels(numpy.zeros(5)))
    with pytest.raises(RuntimeError, match='wrong pair'):
        datasets.get_mnist()


def test_fashion_labels():
    labels = datasets.get_fashion_mnist_labels()
    # v5 returns a new list at each call.
    assert type(labels) is list and len(labels) == 10
    assert labels[0] == 'T-shirt/top' and labels[9] == 'Ankle boot'
    labels.append('extra')
    assert len(datasets.get_fashion_mnist_labels()) == 10


@pytest.mark.parametrize('subdir,getter', [
    ('mnist', datasets.get_mnist),
    ('fashion-mnist', datasets.get_fashion_mnist)])
def test_reads_v5_npz_cache(tmp_path, monkeypatch, subdir, getter):
    # A v5 cache: <root>/pfnet/chainer/<subdir>/{train,test}.npz with
    # uint8 arrays x (N, 784) and y (N,). It must be used as it is.
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.setenv('CHAINER_DATASET_ROOT', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    cache = tmp_path / 'pfnet' / 'chainer' / subdir
    cache.mkdir(parents=True)
    rng = numpy.random.RandomState(5)
    raw = {}
    for name, n in (('train', 4), ('test', 3)):
        x = rng.randint(0, 256, (n, 784)).astype(numpy.uint8)
        y = rng.randint(0, 10, n).astype(numpy.uint8)
        numpy.savez_compressed(str(cache / (name + '.npz')), x=x, y=y)
        raw[name] = x, y

    train, test = getter()
    assert (len(train), len(test)) == (4, 3)
    x, t = test[2]
    assert x.shape == (784,) and x.dtype == numpy.float32
    numpy.testing.assert_allclose(x, raw['test'][0][2] / 255., rtol=1e-6)
    assert t.dtype == numpy.int32 and int(t) == raw['test'][1][2]

    images, _ = getter(withlabel=False, ndim=2, scale=4.,
                       dtype=numpy.float16)
    assert images.shape == (4, 28, 28) and images.dtype == numpy.float16
    numpy.testing.assert_allclose(
        images, (raw['train'][0] * (4. / 255.)).reshape(4, 28, 28),
        rtol=1e-3)
    rgb = getter(ndim=3, rgb_format=True, label_dtype=numpy.uint8)[0]
    image, label = rgb[3]
    assert image.shape == (3, 28, 28) and label.dtype == numpy.uint8
    for c in range(3):
        numpy.testing.assert_allclose(
            image[c], raw['train'][0][3].reshape(28, 28) / 255., rtol=1e-6)
    assert sorted(os.listdir(str(cache))) == ['test.npz', 'train.npz']


def test_v5_helper_name():
    from chainer.datasets import _mnist_helper
    raw = {'x': numpy.full((1, 784), 51, numpy.uint8),
           'y': numpy.array([7], numpy.uint8)}
    images = _mnist_helper.preprocess_mnist(raw, False, 3, 1., numpy.float32,
                                            numpy.int32, False)
    assert images.shape == (1, 1, 28, 28)
    numpy.testing.assert_allclose(images, 0.2, rtol=1e-6)
