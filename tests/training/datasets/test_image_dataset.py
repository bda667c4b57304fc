import zipfile

import numpy
import pytest

from chainer import datasets
from chainer.datasets import image_dataset

Image = pytest.importorskip('PIL.Image')


def _images(tmp_path):
    rng = numpy.random.RandomState(0)
    rgb = rng.randint(0, 256, (4, 5, 3)).astype(numpy.uint8)
    gray = rng.randint(0, 256, (4, 5)).astype(numpy.uint8)
    Image.fromarray(rgb).save(str(tmp_path / 'rgb.png'))
    Image.fromarray(gray).save(str(tmp_path / 'gray.png'))
    return rgb, gray


def test_image_dataset(tmp_path):
    rgb, gray = _images(tmp_path)
    ds = datasets.ImageDataset(['rgb.png', 'gray.png'], root=str(tmp_path))
    assert len(ds) == 2
    assert ds[0].dtype == numpy.float32 and ds[0].shape == (3, 4, 5)
    numpy.testing.assert_array_equal(ds[0], rgb.transpose(2, 0, 1))
    numpy.testing.assert_array_equal(ds[1], gray[None])
    listing = tmp_path / 'list.txt'
    listing.write_text('gray.png\nrgb.png\n')
    ds = datasets.ImageDataset(str(listing), root=str(tmp_path),
                               dtype=numpy.uint8)
    assert ds[0].dtype == numpy.uint8 and ds[0].shape == (1, 4, 5)


def test_labeled_image_dataset(tmp_path):
    rgb, _ = _images(tmp_path)
    pairs = tmp_path / 'pairs.txt'
    pairs.write_text('rgb.png 3\ngray.png 7\n')
    ds = datasets.LabeledImageDataset(str(pairs), root=str(tmp_path),
                                      label_dtype=numpy.int64)
    image, label = ds[0]
    numpy.testing.assert_array_equal(image, rgb.transpose(2, 0, 1))
    assert label.dtype == numpy.int64 and label == 3
    assert ds[1][1] == 7
    ds = datasets.LabeledImageDataset([('gray.png', 1)], root=str(tmp_path))
    assert ds[0][1].dtype == numpy.int32
    bad = tmp_path / 'bad.txt'
    bad.write_text('rgb.png\n')
    with pytest.raises(ValueError, match='line 0'):
        datasets.LabeledImageDataset(str(bad))


def _zip(tmp_path, name, members):
    path = str(tmp_path / name)
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('dir/', '')
        for member in members:
            zf.write(str(tmp_path / member), member)
    return path


def test_zipped_datasets(tmp_path):
    rgb, gray = _images(tmp_path)
    first = _zip(tmp_path, 'a.zip', ['rgb.png'])
    second = _zip(tmp_path, 'b.zip', ['gray.png', 'rgb.png'])
    ds = datasets.ZippedImageDataset(second)
    assert len(ds) == 2
    numpy.testing.assert_array_equal(ds[0], gray[None])
    numpy.testing.assert_array_equal(ds.get_example('rgb.png'),
                                     rgb.transpose(2, 0, 1))
    multi = datasets.MultiZippedImageDataset([first, second])
    assert len(multi) == 3
    numpy.testing.assert_array_equal(multi[1], gray[None])
    numpy.testing.assert_array_equal(multi[-1], rgb.transpose(2, 0, 1))
    with pytest.raises(IndexError):
        multi[3]

    labels = tmp_path / 'labels.txt'
    labels.write_text('rgb.png 0\ngray.png 5\n')
    labeled = datasets.LabeledZippedImageDataset(second, str(labels))
    image, label = labeled[1]
    numpy.testing.assert_array_equal(image, gray[None])
    assert label == 5


def test_missing_pillow(monkeypatch):
    monkeypatch.setattr(image_dataset, 'Image', None)
    with pytest.raises(ImportError, match='Pillow'):
        datasets.ImageDataset([])


def test_zip_listing_without_pillow(tmp_path, monkeypatch):
    # v5 opens and lists an archive without Pillow; only decoding an image
    # needs it. LabeledZippedImageDataset checks at construction, as v5.
    _images(tmp_path)
    path = _zip(tmp_path, 'a.zip', ['rgb.png', 'gray.png'])
    labels = tmp_path / 'labels.txt'
    labels.write_text('rgb.png 0\n')
    monkeypatch.setattr(image_dataset, 'Image', None)
    ds = datasets.ZippedImageDataset(path)
    assert len(ds) == 2
    multi = datasets.MultiZippedImageDataset([path, path])
    assert len(multi) == 4
    with pytest.raises(ImportError, match='Pillow'):
        ds[0]
    with pytest.raises(ImportError, match='Pillow'):
        multi[3]
    with pytest.raises(ImportError, match='Pillow'):
        datasets.LabeledZippedImageDataset(path, str(labels))
    with pytest.raises(ImportError, match='Pillow'):
        datasets.LabeledImageDataset([])


def test_image_modes_and_label_whitespace(tmp_path):
    # Palette images come out as one channel of indexes and RGBA as four
    # channels, since the pixels go to numpy unconverted; labels may be
    # padded by any white space.
    rng = numpy.random.RandomState(2)
    index = rng.randint(0, 4, (3, 2)).astype(numpy.uint8)
    palette = Image.fromarray(index, mode='P')
    palette.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255] * 64)
    palette.save(str(tmp_path / 'p.png'))
    rgba = rng.randint(0, 256, (3, 2, 4)).astype(numpy.uint8)
    Image.fromarray(rgba, mode='RGBA').save(str(tmp_path / 'a.png'))
    pairs = tmp_path / 'pairs.txt'
    pairs.write_text('  p.png\t 12 \r\na.png   -3\n')
    ds = datasets.LabeledImageDataset(str(pairs), root=str(tmp_path),
                                      dtype=numpy.float64)
    image, label = ds[0]
    assert image.dtype == numpy.float64
    numpy.testing.assert_array_equal(image, index[None])
    assert label.shape == () and label == 12
    image, label = ds[1]
    numpy.testing.assert_array_equal(image, rgba.transpose(2, 0, 1))
    assert label == -3
