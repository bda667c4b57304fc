"""Machinery shared by the pretrained vision models (VGG, ResNet, GoogLeNet).

Each model lists its stages in an ordered ``functions`` mapping from layer
names to lists of callables; :func:`run_layers` applies them in order and
stops as soon as every requested layer has been computed. The models derive
from :class:`PretrainedModel`, which gives them ``forward``, ``extract``,
``predict`` and ``available_layers`` on top of that mapping.
"""
import os
import sys

import numpy

import chainer
from chainer.dataset import convert
from chainer.dataset import download
import chainer.functions as F
from chainer import function
from chainer import link
from chainer.serializers import npz
from chainer.utils import argument
from chainer.utils import imgproc
from chainer import variable

try:
    from PIL import Image
    _pil_error = None
except ImportError as e:  # Pillow is optional, as in Chainer v5
    Image = None
    _pil_error = e


# The docstring of the modules' ``prepare`` functions.
PREPARE_DOC = """Converts the given image to the numpy array for {models}.

    Note that you have to call this method before ``forward`` because the
    pre-trained model requires to resize the given image, convert the RGB
    to the BGR, subtract the mean, and permute the dimensions before
    calling.

    Args:
        image (PIL.Image or numpy.ndarray): Input image. If an input is
            ``numpy.ndarray``, its shape must be ``(height, width)``,
            ``(height, width, channels)``, or ``(channels, height, width)``,
            and the order of the channels must be RGB.
        size (pair of ints): Size of converted images. If ``None``, the
            given image is not resized.

    Returns:
        numpy.ndarray: The converted output array.

    """


def prepare_image(image, size, mean):
    """Resizes an RGB image, makes it BGR minus ``mean``, and CHW.

    Shared body of the modules' ``prepare`` functions (see
    :func:`chainer.links.model.vision.vgg.prepare`).
    """
    if Image is None:
        raise ImportError('PIL cannot be loaded. Install Pillow!\n'
                          'The actual import error is as follows:\n'
                          + str(_pil_error))
    dtype = chainer.get_dtype()
    if isinstance(image, numpy.ndarray):
        if image.ndim == 3:
            if image.shape[0] == 1:
                image = image[0, :, :]
            elif image.shape[0] == 3:
                image = image.transpose((1, 2, 0))
        image = Image.fromarray(image.astype(numpy.uint8))
    image = image.convert('RGB')
    if size:
        # v5 hands ``size`` to PIL as is, i.e. as (width, height).
        image = image.resize(size)
    image = numpy.asarray(image, dtype=dtype)
    # RGB -> BGR, the channel order of the Caffe models.
    image = image[:, :, ::-1] - numpy.asarray(mean, dtype=dtype)
    return image.transpose((2, 0, 1))


def check_kwargs(kwargs, method, removed):
    """Rejects the keyword arguments v5 no longer takes (``removed``)."""
    argument.check_unexpected_kwargs(kwargs, **{
        name: '{} argument is not supported anymore. '
        'Use chainer.using_config'.format(name) for name in removed})
    if kwargs:
        raise TypeError('{}() got unexpected keyword argument(s) {}'.format(
            method, ', '.join(repr(k) for k in sorted(kwargs))))


def run_layers(functions, x, layers, branches=None):
    """Applies ``functions`` in order until all ``layers`` are computed.

    Args:
        branches (dict): Layers fed by the output of an earlier layer
            (the value) instead of the layer just before them, such as
            GoogLeNet's auxiliary classifiers.

    Returns:
        dict: The output of each requested layer, by name. As in v5, a
        name that is not a layer raises no error: it is left out of the
        result (and keeps every layer running to the end).
    """
    if branches is None:
        branches = {}
    remaining = set(layers)
    activations = {}
    # Outputs kept for the branches, requested or not.
    sources = {}
    h = x
    for name, funcs in functions.items():
        if not remaining:
            break
        if name in branches:
            h = sources[branches[name]]
        for func in funcs:
            h = func(h)
        if name in remaining:
            activations[name] = h
            remaining.remove(name)
        if name in branches.values():
            sources[name] = h
    return activations


class PretrainedModel(link.Chain):

    """Base of the pretrained vision models.

    A subclass provides the ordered ``functions`` mapping and sets
    ``_mean`` (the BGR mean pixel its ``prepare`` subtracts); it may set
    ``_removed_kwarg`` (the keyword v2 removed from ``forward``) and
    ``_branches`` (see :func:`run_layers`).
    """

    _removed_kwarg = 'test'
    _branches = None
    _mean = None

    @property
    def available_layers(self):
        return list(self.functions.keys())

    def forward(self, x, layers=None, **kwargs):
        """forward(self, x, layers=['prob'])

        Computes all the feature maps specified by ``layers``.

        .. warning::
           ``test`` argument (``train`` for GoogLeNet) is not supported
           anymore since v2. Instead, use
           ``chainer.using_config('train', train)``.

        Args:
            x (~chainer.Variable): Input variable. It should be prepared by
                the ``prepare`` function.
            layers (list of str): The list of layer names you want to
                extract (default ``['prob']``).

        Returns:
            Dictionary of ~chainer.Variable: A dictionary in which the key
            contains the layer name and the value contains the
            corresponding feature map variable.

        """
        if layers is None:
            layers = ['prob']
        check_kwargs(kwargs, 'forward', (self._removed_kwarg,))
        return run_layers(self.functions, x, layers, self._branches)

    def extract(self, images, layers=['pool5'], size=(224, 224), **kwargs):
        """extract(self, images, layers=['pool5'], size=(224, 224))

        Extracts all the feature maps of given images.

        It is a shortcut that calls ``prepare`` on each image and then
        ``forward``.

        .. warning::
           ``test`` (``train`` for GoogLeNet) and ``volatile`` arguments
           are not supported anymore since v2. Instead, use
           ``chainer.using_config('train', train)`` and
           ``chainer.using_config('enable_backprop', not volatile)``.

        Args:
            images (iterable of PIL.Image or numpy.ndarray): Input images.
            layers (list of str): The list of layer names you want to
                extract.
            size (pair of ints): The resolution of resized images used as
                an input of CNN. All the given images are not resized if
                this argument is ``None``, but the resolutions of all the
                images should be the same.

        Returns:
            Dictionary of ~chainer.Variable: A dictionary in which the key
            contains the layer name and the value contains the
            corresponding feature map variable.

        """
        check_kwargs(kwargs, 'extract', (self._removed_kwarg, 'volatile'))
        x = convert.concat_examples(
            [self._prepare(img, size) for img in images])
        x = variable.Variable(self.xp.asarray(x))
        return self(x, layers=layers)

    def predict(self, images, oversample=True):
        """Computes all the probabilities of given images.

        Args:
            images (iterable of PIL.Image or numpy.ndarray): Input images.
                When you specify a color image as a :class:`numpy.ndarray`,
                make sure that color order is RGB.
            oversample (bool): If ``True``, it averages results across
                center, corners, and mirrors (224x224 crops of the images
                resized to 256x256). Otherwise, it uses only the center.

        Returns:
            ~chainer.Variable: Output that contains the class probabilities
            of given images.

        """
        x = convert.concat_examples(
            [self._prepare(img, (256, 256)) for img in images])
        if oversample:
            x = imgproc.oversample(x, crop_dims=(224, 224))
        else:
            x = x[:, :, 16:240, 16:240]
        # Without backprop the activations are freed as soon as possible.
        with function.no_backprop_mode(), \
                chainer.using_config('train', False):
            x = variable.Variable(self.xp.asarray(x))
            y = self(x, layers=['prob'])['prob']
            if oversample:
                n = y.shape[0] // 10
                y = F.reshape(y, (n, 10) + y.shape[1:])
                y = F.sum(y, axis=1) / 10
        return y

    def _prepare(self, image, size):
        # The module's ``prepare`` with this model's mean.
        return prepare_image(image, size, self._mean)


def retrieve(name_npz, model, make_caffemodel, convert_caffemodel):
    """Loads ``model`` from the cached npz, converting it first if needed.

    The npz lives in ``pfnet/chainer/models/`` under the dataset root.
    When it is missing, ``make_caffemodel()`` gives the path to the Caffe
    model (downloading it if need be) and ``convert_caffemodel(path_caffe,
    path_npz)`` writes the npz.
    """
    root = download.get_dataset_directory('pfnet/chainer/models/')
    path = os.path.join(root, name_npz)

    def create(path_npz):
        path_caffemodel = make_caffemodel()
        sys.stderr.write(
            'Now loading caffemodel (usually it may take few minutes)\n')
        sys.stderr.flush()
        convert_caffemodel(path_caffemodel, path_npz)
        npz.load_npz(path_npz, model)
        return model

    return download.cache_or_load_file(
        path, create, lambda path_npz: npz.load_npz(path_npz, model))
