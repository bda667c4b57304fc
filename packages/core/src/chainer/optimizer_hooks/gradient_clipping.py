"""Rescaling of all gradients to a maximum global L2 norm."""
import numpy

from chainer.backends import cuda


def _sum_sqnorm(arrays):
    # One sum per device, so that each reduction stays on its device and
    # only one scalar per device is transferred.
    per_device = {}
    for x in arrays:
        if x is None:
            continue
        with cuda.get_device_from_array(x) as dev:
            flat = x.ravel()
            if flat.dtype == numpy.float16:
                # A float16 dot product overflows for moderate norms.
                flat = flat.astype(numpy.float32)
            key = int(dev)
            per_device[key] = per_device.get(key, 0) + flat.dot(flat)
    return sum(float(s) for s in per_device.values())


class GradientClipping(object):

    """Optimizer hook function for gradient clipping.

    When the L2 norm of all gradients of the target link together exceeds
    ``threshold``, every gradient is scaled by ``threshold / norm``.

    Args:
        threshold (float): L2 norm threshold.

    Attributes:
        threshold (float): L2 norm threshold of gradient norm.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
    """

    name = 'GradientClipping'
    timing = 'pre'

    def __init__(self, threshold):
        self.threshold = threshold

    def __call__(self, opt):
        params = list(opt.target.params(False))
        norm = numpy.sqrt(_sum_sqnorm([p.grad for p in params]))
        rate = self.threshold / norm
        if rate < 1:
            for param in params:
                grad = param.grad
                if grad is None:
                    continue
                with cuda.get_device_from_array(grad):
                    grad *= rate
