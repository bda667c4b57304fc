"""Highway layer (``chainer.links.Highway``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import linear


class Highway(link.Chain):

    """Highway module.

    Computes :math:`y = h(x) \\odot t(x) + x \\odot (1 - t(x))` with the
    plain path :math:`h(x) = f(W_H x + b_H)` (``activate`` being
    :math:`f`) and the transform gate :math:`t(x) = \\sigma(W_T x + b_T)`.
    The input and the output have the same size.

    Args:
        in_out_size (int): Dimension of the input and output vectors.
        nobias (bool): If ``True``, both linear layers have no bias.
        activate: Activation function of the plain path.
        init_Wh (:ref:`initializer <initializer>`): Initializer of
            ``plain.W``.
        init_Wt (:ref:`initializer <initializer>`): Initializer of
            ``transform.W``.
        init_bh (:ref:`initializer <initializer>`): Initializer of
            ``plain.b`` (default zero).
        init_bt (:ref:`initializer <initializer>`): Initializer of
            ``transform.b``; ``-1`` by default, which makes the layer
            start close to the identity, as the paper recommends.

    Attributes:
        plain (~chainer.links.Linear): Linear layer of the plain path.
        transform (~chainer.links.Linear): Linear layer of the gate.

    See: `Highway Networks <https://arxiv.org/abs/1505.00387>`_
    """

    def __init__(self, in_out_size, nobias=False,
                 activate=chainer.functions.relu, init_Wh=None, init_Wt=None,
                 init_bh=None, init_bt=-1):
        super(Highway, self).__init__()
        self.activate = activate
        with self.init_scope():
            self.plain = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wh, initial_bias=init_bh)
            self.transform = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wt, initial_bias=init_bt)

    def forward(self, x):
        """Computes the output of the highway module.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, in_out_size)``.

        Returns:
            ~chainer.Variable: Output of the same shape.
        """
        F = chainer.functions
        out_plain = self.activate(self.plain(x))
        gate = F.sigmoid(self.transform(x))
        return out_plain * gate + x * (1 - gate)
