import chainer
from chainer import backend
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class RReLU(_unary.FloatUnary):

    """Randomized leaky rectifier with per-element random slopes."""

    def __init__(self, lower=1. / 8, upper=1. / 3, r=None):
        if not 0.0 <= lower < 1.0:
            raise ValueError('lower must be in the range [0, 1)')
        if not 0.0 <= upper < 1.0:
            raise ValueError('upper must be in the range [0, 1)')
        if not lower < upper:
            raise ValueError('lower must be less than upper')
        self.lower = lower
        self.upper = upper
        self.r = r

    def check_type_forward(self, in_types):
        super(RReLU, self).check_type_forward(in_types)
        if self.r is not None:
            x_type, = in_types
            r = type_check.make_variable(
                type_check.TypeInfo(self.r.shape, self.r.dtype), 'r')
            type_check.expect(
                x_type.dtype == r.dtype,
                x_type.shape == r.shape,
            )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        if chainer.config.train:
            if self.r is None:
                self.r = xp.random.uniform(
                    self.lower, self.upper, x.shape).astype(x.dtype)
        else:
            # v5: the mean slope at test time, even when r was given.
            self.r = xp.full(
                x.shape, (self.lower + self.upper) / 2, dtype=x.dtype)
        # The slopes are positive, so the sign of y is that of x.
        self.retain_outputs((0,))
        # max(x, 0) + r * min(x, 0): branch-free, faster than xp.where.
        y = utils.force_array(xp.maximum(x, x.dtype.type(0)))
        y += xp.minimum(x, x.dtype.type(0)) * self.r
        return y,

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return _RReLUGrad(y.array >= 0, self.r).apply(grad_outputs)


class _RReLUGrad(function_node.FunctionNode):

    """Scales ``gy`` by 1 or ``r``; linear in ``gy``."""

    def __init__(self, positive, r):
        self.positive = positive
        self.r = r

    def forward(self, inputs):
        gy, = inputs
        # Factor 1 where positive, r elsewhere (exact, no xp.where).
        positive = self.positive.astype(gy.dtype)
        f = positive + self.r * (1 - positive)
        return utils.force_array(gy * f, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return _RReLUGrad(self.positive, self.r).apply(grad_outputs)


def rrelu(x, l=1. / 8, u=1. / 3, **kwargs):
    """rrelu(x, l=1. / 8, u=1. / 3, *, r=None, return_r=False)

    Randomized Leaky Rectified Linear Unit function.

    .. math:: f(x) = \\max(x, rx),

    where :math:`r` is sampled for each element from the uniform
    distribution :math:`U(l, u)` in training mode; in test mode
    (``chainer.config.train`` false) :math:`r = (l + u) / 2`.
    See https://arxiv.org/abs/1505.00853.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        l (float): The lower bound of the uniform distribution.
        u (float): The upper bound of the uniform distribution.
        r (ndarray or None): Slopes to use, of the shape and dtype of ``x``
            and on its device. If ``None``, they are sampled from
            :math:`U(l, u)`.
        return_r (bool): If ``True``, return ``r`` as well, to be reused
            later through the ``r`` argument.

    Returns:
        ~chainer.Variable or tuple: The output variable, or the tuple of it
        and ``r`` when ``return_r`` is ``True``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0], [2, -3]], np.float32)
        >>> r = np.full((2, 2), 0.25, np.float32)
        >>> F.rrelu(x, r=r).array
        array([[-0.25,  0.  ],
               [ 2.  , -0.75]], dtype=float32)

    """
    r = kwargs.pop('r', None)
    return_r = kwargs.pop('return_r', False)
    if 'train' in kwargs:
        raise ValueError('train argument is not supported anymore. '
                         'Use chainer.using_config')
    if kwargs:
        raise TypeError('rrelu() got unexpected keyword argument(s) '
                        '{}'.format(', '.join(sorted(kwargs))))
    func = RReLU(l, u, r)
    out, = func.apply((x,))
    if return_r:
        return out, func.r
    return out
