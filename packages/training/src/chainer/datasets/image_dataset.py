"""Datasets of image files, on disk or in zip archives (needs Pillow)."""
import io
import os
import zipfile

import numpy

import chainer
from chainer.dataset import dataset_mixin
from chainer.datasets import _per_thread

try:
    from PIL import Image
    _import_error = None
except ImportError as e:
    Image = None
    _import_error = e


def _check_pillow_availability():
    if Image is None:
        raise ImportError(
            'PIL cannot be loaded. Install Pillow!\n'
            'The actual import error is as follows:\n' + str(_import_error))


def _read_image_as_array(source, dtype):
    image = Image.open(source)
    try:
        array = numpy.asarray(image, dtype=dtype)
    finally:
        # Pillow keeps the file open until the image is closed.
        image.close()
    return array


def _postprocess_image(image):
    # Channels first: (H, W) -> (1, H, W), (H, W, C) -> (C, H, W).
    if image.ndim == 2:
        return image[numpy.newaxis]
    return image.transpose(2, 0, 1)


def _read_pairs(pairs):
    if not isinstance(pairs, str):
        return list(pairs)
    result = []
    with open(pairs) as f:
        for i, line in enumerate(f):
            pair = line.strip().split()
            if len(pair) != 2:
                raise ValueError('invalid format at line {} in file '
                                 '{}'.format(i, pairs))
            result.append((pair[0], int(pair[1])))
    return result


class ImageDataset(dataset_mixin.DatasetMixin):

    """Dataset of images built from a list of paths to image files.

    Each example is an image array of shape ``(channels, height, width)``
    (a grayscale image has one channel). Images are read when accessed.
    Requires Pillow.

    Args:
        paths (str or list of str): Paths of the images, or the path of a
            text file listing them one per line, relative to ``root``.
        root (str): Root directory of the images.
        dtype: Data type of the arrays; ``chainer.config.dtype`` (float32
            by default) if ``None``.
    """

    def __init__(self, paths, root='.', dtype=None):
        _check_pillow_availability()
        if isinstance(paths, str):
            with open(paths) as f:
                paths = [line.strip() for line in f]
        self._paths = list(paths)
        self._root = root
        self._dtype = chainer.get_dtype(dtype)

    def __len__(self):
        return len(self._paths)

    def get_example(self, i):
        """Reads and returns the ``i``-th image."""
        path = os.path.join(self._root, self._paths[i])
        return _postprocess_image(_read_image_as_array(path, self._dtype))


class LabeledImageDataset(dataset_mixin.DatasetMixin):

    """Dataset of image and label pairs built from paths and labels.

    Each example is ``(image, label)``: an image array as in
    :class:`ImageDataset` and a 0-dim label array. Requires Pillow.

    Args:
        pairs (str or list of tuples): ``(path, label)`` pairs, or the path
            of a text file with one ``path label`` pair (separated by white
            space) per line, as Caffe uses.
        root (str): Root directory of the images.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
        label_dtype: Data type of the labels.
    """

    def __init__(self, pairs, root='.', dtype=None, label_dtype=numpy.int32):
        _check_pillow_availability()
        self._pairs = _read_pairs(pairs)
        self._root = root
        self._dtype = chainer.get_dtype(dtype)
        self._label_dtype = label_dtype

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        """Reads and returns the ``i``-th image and its label."""
        path, label = self._pairs[i]
        image = _read_image_as_array(os.path.join(self._root, path),
                                     self._dtype)
        return (_postprocess_image(image),
                numpy.array(label, dtype=self._label_dtype))


class ZippedImageDataset(_per_thread.PerThreadHandle,
                         dataset_mixin.DatasetMixin):

    """Dataset of the images stored in a zip archive.

    Every file of the archive is an example, in the archive's order. The
    archive is reopened in each process and thread, so the dataset works
    with multiprocess and multithread iterators. Reading an image requires
    Pillow.

    Args:
        zipfilename (str): Path of the zip archive.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
    """

    def __init__(self, zipfilename, dtype=None):
        # As in v5, Pillow is only needed to decode an image: the archive
        # can be listed without it.
        self._zipfilename = zipfilename
        self._dtype = chainer.get_dtype(dtype)
        self._init_handles()
        with zipfile.ZipFile(zipfilename) as zf:
            self._paths = [name for name in zf.namelist()
                           if not name.endswith('/')]

    def _open_handle(self):
        # One handle per process and thread (see PerThreadHandle): zipfile
        # objects are not safe to share across threads or forks.
        return zipfile.ZipFile(self._zipfilename)

    def __len__(self):
        return len(self._paths)

    def read(self, i_or_filename):
        """Returns the raw bytes of a file (by index or name)."""
        name = i_or_filename
        if not isinstance(name, str):
            name = self._paths[name]
        return self._handle().read(name)

    def get_example(self, i_or_filename):
        """Returns an image (by index or name inside the archive)."""
        _check_pillow_availability()
        data = io.BytesIO(self.read(i_or_filename))
        return _postprocess_image(_read_image_as_array(data, self._dtype))


class MultiZippedImageDataset(dataset_mixin.DatasetMixin):

    """Dataset of the images of several zip archives, one after another.

    Args:
        zipfilenames (list of str): Paths of the archives.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
    """

    def __init__(self, zipfilenames, dtype=None):
        self._datasets = [ZippedImageDataset(name, dtype)
                          for name in zipfilenames]
        self._offsets = numpy.cumsum([0] + [len(d) for d in self._datasets])

    def __len__(self):
        return int(self._offsets[-1])

    def get_example(self, i):
        """Returns the ``i``-th image across the archives."""
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError('dataset index out of range')
        k = int(numpy.searchsorted(self._offsets, i, side='right')) - 1
        return self._datasets[k].get_example(int(i - self._offsets[k]))


class LabeledZippedImageDataset(dataset_mixin.DatasetMixin):

    """Dataset of labeled images stored in a zip archive.

    Args:
        zipfilename (str): Path of the zip archive of the images.
        labelfilename (str): Path of a text file (outside the archive) with
            one ``path label`` pair per line; paths are names inside the
            archive.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
        label_dtype: Data type of the labels.
    """

    def __init__(self, zipfilename, labelfilename, dtype=None,
                 label_dtype=numpy.int32):
        _check_pillow_availability()
        self._images = ZippedImageDataset(zipfilename, dtype)
        self._pairs = _read_pairs(labelfilename)
        self._label_dtype = label_dtype

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        """Returns the ``i``-th image and its label."""
        path, label = self._pairs[i]
        return (self._images.get_example(path),
                numpy.array(label, dtype=self._label_dtype))
