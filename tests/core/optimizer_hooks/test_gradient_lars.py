import numpy
import pytest

from chainer import optimizer_hooks
from chainer import optimizers


LR = 0.5


def test_attributes():
    hook = optimizer_hooks.GradientLARS()
    assert (hook.threshold, hook.weight_decay, hook.eps) == (1e-2, 0.0, 1e-9)
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'GradientLARS', 'pre', True)


def lars(w, g, threshold, weight_decay, eps):
    w_norm = numpy.linalg.norm(w)
    g_norm = numpy.linalg.norm(g)
    rate = 1.0
    if w_norm > threshold:
        rate = w_norm / (eps + g_norm + weight_decay * w_norm)
    return (g + weight_decay * w) * rate


@pytest.mark.parametrize('threshold', [1e-2, 100.0])
@pytest.mark.parametrize('weight_decay', [0.0, 0.1])
def test_lars(make_setup, dtype, device, threshold, weight_decay):
    s = make_setup(dtype, device, scale=0.1)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.GradientLARS(
        threshold=threshold, weight_decay=weight_decay, eps=1e-3))
    opt.update()
    grads = [lars(w, g, threshold, weight_decay, 1e-3)
             for w, g in zip(s.arrays, s.grads)]
    if threshold < 1:
        # The scaling is active and noticeable.
        assert not numpy.allclose(grads[0], s.grads[0], rtol=0.1)
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)
