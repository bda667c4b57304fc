"""Pretrained vision models: VGG, ResNet and GoogLeNet."""
from chainer.links.model.vision import googlenet  # NOQA
from chainer.links.model.vision import resnet  # NOQA
from chainer.links.model.vision import vgg  # NOQA
