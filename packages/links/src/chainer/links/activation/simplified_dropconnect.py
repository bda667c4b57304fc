"""Linear layer with dropconnect (``chainer.links.SimplifiedDropconnect``).
"""
import numpy

import chainer.functions
from chainer import initializers
from chainer import link
from chainer.links.connection import _util


class SimplifiedDropconnect(link.Link):

    """Fully-connected layer with simplified dropconnect regularization.

    While training, each weight is dropped with probability ``ratio``
    (the kept ones scaled by ``1 / (1 - ratio)``); otherwise it is a plain
    linear layer (:func:`~chainer.functions.simplified_dropconnect`).

    .. note::
       As in Chainer, this averages before the activation instead of the
       Gaussian sampling of the paper, so it does not reproduce it.

    Args:
        in_size (int or None): Dimension of the input vectors (``None``:
            from the first input; ``SimplifiedDropconnect(out_size)`` too).
        out_size (int): Dimension of the output vectors.
        ratio (float): Dropconnect ratio.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``
            (shape ``(out_size, in_size)``); by default
            :class:`~chainer.initializers.HeNormal` with scale
            :math:`1 / \\sqrt{2}`, as in v5.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).

    Attributes:
        W (~chainer.Parameter): Weight ``(out_size, in_size)``.
        b (~chainer.Parameter): Bias ``(out_size,)`` or ``None``.

    See: `Regularization of Neural Networks using DropConnect
    <https://cs.nyu.edu/~wanli/dropc/>`_
    """

    def __init__(self, in_size, out_size=None, ratio=.5, nobias=False,
                 initialW=None, initial_bias=None):
        super(SimplifiedDropconnect, self).__init__()
        if out_size is None:
            in_size, out_size = None, in_size
        self.out_size = out_size
        self.ratio = ratio

        if initialW is None:
            # v5's default; its standard deviation sqrt(1 / in_size) is
            # LeCunNormal's, but the scale is computed differently and may
            # differ in the last bit.
            initialW = initializers.HeNormal(1. / numpy.sqrt(2))
        _util.add_weight_and_bias(self, in_size, nobias, initialW,
                                  initial_bias, out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    def forward(self, x, train=True, mask=None, use_batchwise_mask=True):
        """Applies the simplified dropconnect layer.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, ...)``, flattened
                to ``(B, in_size)``.
            train (bool): If ``True``, drop weights; otherwise a plain
                linear layer.
            mask (ndarray): Keep-mask to use instead of a random one,
                ``(B, out_size, in_size)`` (batchwise) or
                ``(out_size, in_size)``. It is stored as the persistent
                ``mask`` the first time it is given.
            use_batchwise_mask (bool): One mask per sample if ``True``.

        Returns:
            ~chainer.Variable: Output ``(B, out_size)``.
        """
        if self.W.array is None:
            self._initialize_params(x.size // x.shape[0])
        if mask is not None and 'mask' not in self.__dict__:
            self.add_persistent('mask', mask)
        return chainer.functions.simplified_dropconnect(
            x, self.W, self.b, self.ratio, train, mask, use_batchwise_mask)
