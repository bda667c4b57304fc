"""Machinery shared by the pretrained vision models (VGG, ResNet, GoogLeNet).

Each model lists its stages in an ordered ``functions`` mapping from layer
names to lists of callables; :func:`run_layers` applies them in order and
stops as soon as every requested layer has been computed.
"""
import os
import sys

import numpy

import chainer
from chainer.dataset import convert
from chainer.dataset import download
import chainer.functions as F
from chainer import function
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


def check_layers(functions, layers):
    unknown = [name for name in layers if name not in functions]
    if unknown:
        raise ValueError('unknown layer(s) {}; available layers are {}'
                         .format(unknown, list(functions)))


def run_layers(functions, x, layers):
    """Applies ``functions`` in order until all ``layers`` are computed.

    Returns:
        dict: The output of each requested layer, by name.
    """
    check_layers(functions, layers)
    remaining = set(layers)
    activations = {}
    h = x
    for name, funcs in functions.items():
        if not remaining:
            break
        for func in funcs:
            h = func(h)
        if name in remaining:
            activations[name] = h
            remaining.remove(name)
    return activations


def extract(model, prepare, images, layers, size, kwargs, removed='test'):
    """Body of the models' ``extract`` methods."""
    check_kwargs(kwargs, 'extract', (removed, 'volatile'))
    x = convert.concat_examples([prepare(img, size=size) for img in images])
    x = variable.Variable(model.xp.asarray(x))
    return model(x, layers=layers)


def predict(model, prepare, images, oversample):
    """Body of the models' ``predict`` methods (224x224 crops of 256x256)."""
    x = convert.concat_examples(
        [prepare(img, size=(256, 256)) for img in images])
    if oversample:
        x = imgproc.oversample(x, crop_dims=(224, 224))
    else:
        x = x[:, :, 16:240, 16:240]
    # Without backprop the activations are freed as soon as possible.
    with function.no_backprop_mode(), chainer.using_config('train', False):
        x = variable.Variable(model.xp.asarray(x))
        y = model(x, layers=['prob'])['prob']
        if oversample:
            n = y.shape[0] // 10
            y = F.reshape(y, (n, 10) + y.shape[1:])
            y = F.sum(y, axis=1) / 10
    return y


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
