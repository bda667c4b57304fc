"""Fixtures of the pretrained vision model tests (no network access)."""
import numpy
import pytest

from chainer.dataset import download


@pytest.fixture
def dataset_root(tmp_path):
    """A fresh dataset root (``chainer.dataset.set_dataset_root``)."""
    old = download._dataset_root
    root = tmp_path / 'dataset'
    root.mkdir()
    download.set_dataset_root(str(root))
    yield root
    download.set_dataset_root(old)


@pytest.fixture
def models_dir(dataset_root):
    """Where the converted models live: pfnet/chainer/models/."""
    path = dataset_root / 'pfnet' / 'chainer' / 'models'
    path.mkdir(parents=True)
    return path


@pytest.fixture
def rgb_image():
    """A random RGB uint8 image of shape (height, width, 3)."""
    rng = numpy.random.RandomState(3)

    def make(height, width):
        return rng.randint(0, 256, (height, width, 3)).astype(numpy.uint8)
    return make


@pytest.fixture
def check_prepare_mean(rgb_image):
    """``check(prepare, mean)`` asserts that a module's ``prepare`` turns an
    RGB image, unresized, into CHW BGR float32 minus ``mean``."""
    pytest.importorskip('PIL')

    def check(prepare, mean):
        img = rgb_image(5, 4)
        expected = (img[:, :, ::-1].astype(numpy.float32)
                    - numpy.array(mean, numpy.float32))
        numpy.testing.assert_array_equal(expected.transpose(2, 0, 1),
                                         prepare(img, size=None))
    return check
