"""Copying MSRA's Caffe ResNet weights into a ``ResNetLayers``.

In the Caffe models, the bottleneck ``2a`` of block ``res2`` has the
convolutions ``res2a_branch2a`` .. ``res2a_branch2c`` (and the shortcut
``res2a_branch1``), each followed by a ``BatchNorm`` layer ``bn...``
(statistics) and a ``Scale`` layer ``scale...`` (gamma and beta). Blocks
are lettered ``a``, ``b``, ``c``, ...; the long blocks of ResNet-101/152
are numbered instead: ``a``, ``b1``, ``b2``, ...
"""
import os
import string


def check_exists(path_caffemodel):
    """Returns the path, or raises IOError saying where to download it."""
    if not os.path.exists(path_caffemodel):
        raise IOError(
            'The pre-trained caffemodel does not exist. Please download it '
            'from \'https://github.com/KaimingHe/deep-residual-networks\', '
            'and place it on {}'.format(path_caffemodel))
    return path_caffemodel


def _bottleneck_names(n_layers, stage, count):
    if n_layers == 50 or stage in (2, 5):
        suffixes = string.ascii_lowercase[:count]
    else:
        suffixes = ['a'] + ['b{}'.format(i) for i in range(1, count)]
    return ['{}{}'.format(stage, suffix) for suffix in suffixes]


def _copy_bn(statistics, scale, bn):
    bn.avg_mean[...] = statistics.avg_mean
    bn.avg_var[...] = statistics.avg_var
    bn.gamma.array[...] = scale.W.array
    bn.beta.array[...] = scale.bias.b.array


def _copy_conv_bn(src, conv, bn, caffe_name):
    conv.W.array[...] = src['res' + caffe_name].W.array
    _copy_bn(src['bn' + caffe_name], src['scale' + caffe_name], bn)


def _copy_bottleneck(src, dst, name):
    for index, branch in ((1, '2a'), (2, '2b'), (3, '2c'), (4, '1')):
        conv = getattr(dst, 'conv{}'.format(index), None)
        if conv is not None:  # only BottleneckA has the shortcut conv4
            _copy_conv_bn(src, conv, dst['bn{}'.format(index)],
                          '{}_branch{}'.format(name, branch))


def transfer(src, dst, n_layers):
    """Copies the weights of a Caffe ResNet into a ``ResNetLayers``.

    Args:
        src (~chainer.links.caffe.CaffeFunction): The loaded caffemodel.
        dst (~chainer.links.model.vision.resnet.ResNetLayers): The model
            of the same depth to fill.
        n_layers (int): 50, 101 or 152.
    """
    conv1 = src['conv1']
    dst.conv1.W.array[...] = conv1.W.array
    # Only MSRA's ResNet-50 has a bias on conv1 (bias_term is false in the
    # 101 and 152 files); as in v5, the deeper models keep a zero bias.
    if n_layers == 50:
        dst.conv1.b.array[...] = conv1.b.array
    _copy_bn(src['bn_conv1'], src['scale_conv1'], dst.bn1)
    for stage in (2, 3, 4, 5):
        block = dst['res{}'.format(stage)]
        names = _bottleneck_names(n_layers, stage, len(block._forward))
        for child, name in zip(block._forward, names):
            _copy_bottleneck(src, block[child], name)
    fc = src['fc1000']
    dst.fc6.W.array[...] = fc.W.array
    dst.fc6.b.array[...] = fc.b.array
