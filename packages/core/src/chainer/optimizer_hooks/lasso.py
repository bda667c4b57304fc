"""L1 regularization: ``grad += rate * sign(param)``."""
from chainer.backends import cuda


class Lasso(object):

    """Optimizer/UpdateRule hook function for Lasso regularization.

    Adds ``rate * sign(param)`` to the gradient of every parameter, which
    is the (sub)gradient of the penalty ``rate * ||param||_1``.

    Args:
        rate (float): Coefficient for the regularization.

    Attributes:
        rate (float): Coefficient for the regularization.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): Always ``True``.
    """

    name = 'Lasso'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, rate):
        self.rate = rate

    def __call__(self, rule, param):
        p, g = param.array, param.grad
        if p is None or g is None:
            return
        with cuda.get_device_from_array(p) as dev:
            xp = cuda.get_array_module(p)
            if int(dev) == -1:
                g += self.rate * xp.sign(p)
            else:
                # v5 adds decay * sign(p), so a NaN weight gives NaN.
                cuda.elementwise(
                    'T s, T decay', 'T g', 'g += decay * s',
                    'lasso')(xp.sign(p), self.rate, g)
