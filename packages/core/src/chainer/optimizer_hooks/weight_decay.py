"""L2 regularization: ``grad += rate * param``."""
from chainer.backends import cuda


class WeightDecay(object):

    """Optimizer/UpdateRule hook function for weight decay regularization.

    Adds ``rate * param`` to the gradient of every parameter, which is the
    gradient of the penalty ``rate / 2 * ||param||^2``.

    Args:
        rate (float): Coefficient for the weight decay.

    Attributes:
        rate (float): Coefficient for the weight decay.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): Always ``True``: the hook is called
            with ``(rule, param)`` for every parameter.
    """

    name = 'WeightDecay'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, rate):
        self.rate = rate

    def __call__(self, rule, param):
        p, g = param.array, param.grad
        if p is None or g is None:
            return
        with cuda.get_device_from_array(p) as dev:
            if int(dev) == -1:
                g += self.rate * p
            else:
                cuda.elementwise('T p, T decay', 'T g', 'g += decay * p',
                                 'weight_decay')(p, self.rate, g)
