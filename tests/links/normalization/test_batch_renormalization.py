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


def _v5_update(x, avg_mean, avg_var, eps, decay=0.9):
    # v5 averages the unbiased batch variance with eps already inside.
    m = x.shape[0]
    var = x.var(axis=0) + eps
    return (decay * avg_mean + (1 - decay) * x.mean(axis=0),
            decay * avg_var + (1 - decay) * m / (m - 1.) * var)


def _frozen_link(dtype=numpy.float32):
    with chainer.using_config('dtype', dtype):
        link = links.BatchRenormalization(2, rmax=2, dmax=1,
                                          freeze_running_statistics=True)
    link.gamma.array[...] = [0.5, 2]
    link.beta.array[...] = [1, -1]
    link.avg_mean[...] = [0.5, -0.2]
    link.avg_var[...] = [0.3, 4]
    return link


def test_freeze_running_statistics_keeps_first_corrections():
    # v5: the first frozen call is an ordinary one (statistics updated,
    # r and d kept); later calls reuse that r and d with their own batch
    # mean and std, and leave the statistics alone.
    link = _frozen_link()
    m0, v0 = link.avg_mean.astype('d'), link.avg_var.astype('d')
    x1 = _rand(5, 2).astype('d') * 3
    x2 = _rand(5, 2).astype('d') * 0.5 + 1
    y1 = link(x1.astype('f'))
    testing.assert_allclose(_ref(link, x1, m0, v0), y1.array, atol=1e-5,
                            rtol=1e-4)
    m1, v1 = _v5_update(x1, m0, v0, link.eps)
    testing.assert_allclose(m1, link.avg_mean, atol=1e-6, rtol=1e-5)
    testing.assert_allclose(v1, link.avg_var, atol=1e-6, rtol=1e-5)

    std1 = numpy.sqrt(x1.var(axis=0) + link.eps)
    run_std0 = numpy.sqrt(v0 + link.eps)
    r1 = numpy.clip(std1 / run_std0, 0.5, 2)
    d1 = numpy.clip((x1.mean(axis=0) - m0) / run_std0, -1, 1)
    testing.assert_allclose(r1, link.r, atol=1e-6, rtol=1e-5)
    testing.assert_allclose(d1, link.d, atol=1e-6, rtol=1e-5)

    y2 = link(x2.astype('f'))
    x_hat = (x2 - x2.mean(axis=0)) / numpy.sqrt(x2.var(axis=0) + link.eps)
    expected = link.gamma.array * (x_hat * r1 + d1) + link.beta.array
    testing.assert_allclose(expected, y2.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(m1, link.avg_mean, atol=1e-6, rtol=1e-5)
    testing.assert_allclose(v1, link.avg_var, atol=1e-6, rtol=1e-5)


def test_frozen_backward():
    link = _frozen_link(numpy.float64)
    link(_rand(4, 2).astype('d'))
    x = _rand(4, 2).astype('d') + 0.5
    gy = _rand(4, 2).astype('d')
    chainer.gradient_check.check_backward(
        link, x, gy, (link.gamma, link.beta), atol=1e-6, rtol=1e-5)


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
