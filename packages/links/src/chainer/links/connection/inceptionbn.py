"""Inception module with batch normalization (``chainer.links.InceptionBN``).
"""
import chainer
import chainer.functions
from chainer import link
from chainer.links.connection import convolution_2d
from chainer.links.normalization import batch_normalization


class InceptionBN(link.Chain):

    """Inception module of GoogLeNet-BN (Inception-v2).

    Each branch is convolutions without bias, each followed by batch
    normalization and ReLU; the branches are concatenated along the
    channels:

    1. if ``out1 > 0``: a 1x1 convolution (``conv1``/``conv1n``);
    2. a 1x1 projection (``proj3``/``proj3n``) and a 3x3 convolution
       (``conv3``/``conv3n``, with ``stride``);
    3. a 1x1 projection (``proj33``/``proj33n``) and two 3x3 convolutions
       (``conv33a``/``conv33an``, ``conv33b``/``conv33bn``, the second
       with ``stride``);
    4. 3x3 max or average pooling (padding 1, ``stride``), then if
       ``proj_pool`` is given a 1x1 projection (``poolp``/``poolpn``).

    Args:
        in_channels (int or None): Number of input channels.
        out1 (int): Output channels of the 1x1 branch (0: no such branch).
        proj3 (int): Channels of the projection before the 3x3 branch.
        out3 (int): Output channels of the 3x3 branch.
        proj33 (int): Channels of the projection before the double 3x3
            branch.
        out33 (int): Output channels of the double 3x3 branch.
        pooltype (str): ``'max'`` or ``'avg'``.
        proj_pool (int or None): Output channels of the pooling branch's
            projection; ``None`` for no projection.
        stride (int): Stride of the 3x3 convolutions and of the pooling;
            must be 1 when ``out1 > 0``.
        conv_init (:ref:`initializer <initializer>`): Initializer of all
            the filters.
        dtype: Data type of the batch normalization parameters
            (default: ``chainer.config.dtype``).

    See: `Batch Normalization <https://arxiv.org/abs/1502.03167>`_
    """

    def __init__(self, in_channels, out1, proj3, out3, proj33, out33,
                 pooltype, proj_pool=None, stride=1, conv_init=None,
                 dtype=None):
        super(InceptionBN, self).__init__()
        if pooltype not in ('max', 'avg'):
            raise NotImplementedError(
                "pooltype must be 'max' or 'avg', got %r" % (pooltype,))
        if out1 > 0 and (stride != 1 or proj_pool is None):
            raise ValueError(
                'InceptionBN with a 1x1 branch (out1 > 0) needs stride=1 '
                'and proj_pool')
        self.out1 = out1
        self.proj_pool = proj_pool
        self.stride = stride
        self.pooltype = pooltype
        dtype = chainer.get_dtype(dtype)

        def conv(n_in, n_out, ksize, stride=1, pad=0):
            return convolution_2d.Convolution2D(
                n_in, n_out, ksize, stride=stride, pad=pad,
                initialW=conv_init, nobias=True)

        def bn(size):
            return batch_normalization.BatchNormalization(size, dtype=dtype)

        with self.init_scope():
            self.proj3 = conv(in_channels, proj3, 1)
            self.conv3 = conv(proj3, out3, 3, stride=stride, pad=1)
            self.proj33 = conv(in_channels, proj33, 1)
            self.conv33a = conv(proj33, out33, 3, pad=1)
            self.conv33b = conv(out33, out33, 3, stride=stride, pad=1)
            self.proj3n = bn(proj3)
            self.conv3n = bn(out3)
            self.proj33n = bn(proj33)
            self.conv33an = bn(out33)
            self.conv33bn = bn(out33)
            if out1 > 0:
                self.conv1 = conv(in_channels, out1, 1, stride=stride)
                self.conv1n = bn(out1)
            if proj_pool is not None:
                self.poolp = conv(in_channels, proj_pool, 1)
                self.poolpn = bn(proj_pool)

    def forward(self, x):
        """Computes the output of the InceptionBN module.

        Args:
            x (~chainer.Variable or ndarray): Input ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: The concatenated branch outputs.
        """
        F = chainer.functions
        outs = []
        if self.out1 > 0:
            outs.append(F.relu(self.conv1n(self.conv1(x))))

        h3 = F.relu(self.proj3n(self.proj3(x)))
        outs.append(F.relu(self.conv3n(self.conv3(h3))))

        h33 = F.relu(self.proj33n(self.proj33(x)))
        h33 = F.relu(self.conv33an(self.conv33a(h33)))
        outs.append(F.relu(self.conv33bn(self.conv33b(h33))))

        if self.pooltype == 'max':
            p = F.max_pooling_2d(x, 3, stride=self.stride, pad=1,
                                 cover_all=False)
        else:
            p = F.average_pooling_2d(x, 3, stride=self.stride, pad=1)
        if self.proj_pool is not None:
            p = F.relu(self.poolpn(self.poolp(p)))
        outs.append(p)
        return F.concat(outs, axis=1)
