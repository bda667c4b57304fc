"""Import of pretrained Caffe models (``chainer.links.caffe``)."""
from chainer.links.caffe import caffe_function  # NOQA
from chainer.links.caffe.caffe_function import CaffeFunction  # NOQA
