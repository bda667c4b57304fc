import numpy
import pytest

import chainer
from chainer import links
from chainer import testing


def _rand(*shape):
    return numpy.random.uniform(-1, 1, shape).astype('f')


def _ref(link, x, avg_mean, avg_var):
    mean = x.mean(axis=0)
    std = numpy.sqrt(x.var(axis=0) + link.eps)
    running_std = numpy.sqrt(avg_var + link.eps)
    r = numpy.clip(std / running_std, 1 / link.rmax, link.rmax)
    d = numpy.clip((mean - avg_mean) / running_std, -link.dmax, link.dmax)
    x_hat = (x - mean) / std * r + d
    return link.gamma.array * x_hat + link.beta.array


@pytest.mark.parametrize('rmax,dmax', [(1, 0), (1.5, 0.5), (3, 2)])
def test_train_forward(rmax, dmax):
    link = links.BatchRenormalization(3, rmax=rmax, dmax=dmax, eps=1e-5)
    link.gamma.array[...] = [0.5, 1, 2]
    link.beta.array[...] = [1, 0, -1]
    link.avg_mean[...] = [0.2, -0.1, 0.3]
    link.avg_var[...] = [0.5, 2, 1]
    avg_mean, avg_var = link.avg_mean.copy(), link.avg_var.copy()
    x = _rand(6, 3) * 2
    y = link(x)
    testing.assert_allclose(_ref(link, x.astype(numpy.float64), avg_mean,
                                 avg_var), y.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(0.9 * avg_mean + 0.1 * x.mean(axis=0),
                            link.avg_mean, atol=1e-6)
    testing.assert_allclose(
        0.9 * avg_var + 0.1 * x.var(axis=0, ddof=1), link.avg_var,
        atol=1e-4, rtol=1e-4)


def test_freeze_running_statistics():
    link = links.BatchRenormalization(2, rmax=2, dmax=1,
                                      freeze_running_statistics=True)
    link(_rand(4, 2))
    numpy.testing.assert_array_equal(link.avg_mean, 0)
    numpy.testing.assert_array_equal(link.avg_var, 1)


def test_test_mode_is_fixed_normalization():
    link = links.BatchRenormalization(2, rmax=2, dmax=1)
    link.avg_mean[...] = [1, -1]
    link.avg_var[...] = [4, 0.25]
    x = _rand(3, 2)
    with chainer.using_config('train', False):
        y = link(x)
    expected = (x - link.avg_mean) / numpy.sqrt(link.avg_var + 2e-5)
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_finetune_counts():
    link = links.BatchRenormalization(2)
    batches = [_rand(3, 2) + i for i in range(2)]
    for x in batches:
        link(x, finetune=True)
    assert link.N == 2
    # The N-th step weighs its batch by 1 / N: the plain average.
    means = numpy.mean([x.mean(axis=0) for x in batches], axis=0)
    testing.assert_allclose(means, link.avg_mean, atol=1e-5, rtol=1e-4)
    with pytest.raises(ValueError, match='test'):
        link(_rand(3, 2), test=True)


def test_attributes_and_serialization(save_load):
    src = links.BatchRenormalization(2, rmax=3, dmax=2)
    assert isinstance(src, links.BatchNormalization)
    assert (src.rmax, src.dmax) == (3, 2)
    assert src.freeze_running_statistics is False
    src(_rand(4, 2))
    dst = links.BatchRenormalization(2)
    assert sorted(save_load(src, dst)) == ['N', 'avg_mean', 'avg_var',
                                           'beta', 'gamma']
    numpy.testing.assert_array_equal(dst.avg_var, src.avg_var)


def test_backward_reaches_input_and_parameters():
    link = links.BatchRenormalization(2, rmax=2, dmax=1)
    link.cleargrads()
    x = chainer.Variable(_rand(4, 2))
    y = link(x)
    chainer.functions.sum(y * _rand(4, 2)).backward()
    assert x.grad is not None and numpy.abs(x.grad).sum() > 0
    assert numpy.abs(link.gamma.grad).sum() > 0
