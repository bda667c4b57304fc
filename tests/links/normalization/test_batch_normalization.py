import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _rand(*shape, dtype='f'):
    return numpy.random.uniform(-1, 1, shape).astype(dtype)


def _randomize(link):
    link.gamma.array[...] = numpy.random.uniform(0.5, 1.5, link.gamma.shape)
    link.beta.array[...] = numpy.random.uniform(-1, 1, link.beta.shape)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape', [(5, 3), (4, 3, 2, 2)])
def test_train_forward_and_running_statistics(dtype, shape):
    link = links.BatchNormalization(3, decay=0.8, eps=1e-3, dtype=dtype)
    _randomize(link)
    x = _rand(*shape, dtype=dtype) * 2 + 1
    axes = (0,) + tuple(range(2, len(shape)))
    expand = (None, slice(None)) + (None,) * (len(shape) - 2)
    xd = x.astype(numpy.float64)
    mean = xd.mean(axis=axes)
    var = xd.var(axis=axes)
    expected = (xd - mean[expand]) / numpy.sqrt(var[expand] + 1e-3) * \
        link.gamma.array[expand].astype(numpy.float64) + \
        link.beta.array[expand]
    y = link(x)
    assert y.dtype == dtype
    tol = {'atol': 3e-2, 'rtol': 3e-2} if dtype == numpy.float16 else {
        'atol': 1e-5, 'rtol': 1e-4}
    testing.assert_allclose(expected, y.array, **tol)
    m = x.size // 3
    testing.assert_allclose(0.2 * mean, link.avg_mean, **tol)
    testing.assert_allclose(0.8 + 0.2 * var * m / (m - 1), link.avg_var,
                            **tol)
    assert link.avg_mean.dtype == dtype


def test_test_mode_uses_running_statistics():
    link = links.BatchNormalization(3)
    _randomize(link)
    link.avg_mean[...] = [0.5, -1, 2]
    link.avg_var[...] = [1, 4, 0.25]
    x = _rand(4, 3)
    with chainer.using_config('train', False):
        y = link(x)
    expected = (x - link.avg_mean) / numpy.sqrt(link.avg_var + 2e-5) * \
        link.gamma.array + link.beta.array
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)
    numpy.testing.assert_array_equal(link.avg_mean, [0.5, -1, 2])


def test_finetune_averages_the_batches():
    link = links.BatchNormalization(2)
    batches = [_rand(4, 2) + i for i in range(3)]
    for x in batches:
        link(x, finetune=True)
    assert link.N == 3
    means = numpy.mean([x.mean(axis=0) for x in batches], axis=0)
    testing.assert_allclose(means, link.avg_mean, atol=1e-5, rtol=1e-4)
    variances = numpy.mean([x.var(axis=0, ddof=1) for x in batches], axis=0)
    testing.assert_allclose(variances, link.avg_var, atol=1e-5, rtol=1e-4)
    link.start_finetuning()
    assert link.N == 0


def test_defaults_and_attributes():
    link = links.BatchNormalization(3)
    assert link.decay == 0.9 and link.eps == 2e-5
    numpy.testing.assert_array_equal(link.gamma.array, 1)
    numpy.testing.assert_array_equal(link.beta.array, 0)
    numpy.testing.assert_array_equal(link.avg_mean, 0)
    numpy.testing.assert_array_equal(link.avg_var, 1)
    assert link.N == 0
    assert link.avg_mean.dtype == numpy.float32
    assert sorted(n for n, _ in link.namedparams()) == ['/beta', '/gamma']


def test_config_dtype():
    with chainer.using_config('dtype', numpy.float64):
        link = links.BatchNormalization(2)
    assert link.gamma.dtype == numpy.float64
    assert link.avg_var.dtype == numpy.float64


def test_without_gamma_and_beta():
    link = links.BatchNormalization(2, use_gamma=False, use_beta=False)
    # v5 reads them as None (class attributes), not an AttributeError.
    assert link.gamma is None and link.beta is None
    assert list(link.params()) == []
    x = _rand(5, 2) * 3
    expected = (x - x.mean(axis=0)) / numpy.sqrt(x.var(axis=0) + 2e-5)
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_initial_values():
    link = links.BatchNormalization(
        2, initial_gamma=2, initial_beta=numpy.array([1, 2], 'f'),
        initial_avg_mean=numpy.array([3, 4], 'f'), initial_avg_var=5)
    numpy.testing.assert_array_equal(link.gamma.array, 2)
    numpy.testing.assert_array_equal(link.beta.array, [1, 2])
    numpy.testing.assert_array_equal(link.avg_mean, [3, 4])
    numpy.testing.assert_array_equal(link.avg_var, 5)


def test_axis_and_lazy_size():
    link = links.BatchNormalization(axis=(0, 1))
    assert link.avg_mean is None
    x = _rand(3, 4, 2) * 2
    y = link(x)
    assert link.gamma.shape == (2,)
    assert link.avg_mean.shape == (2,)
    mean = x.mean(axis=(0, 1))
    expected = (x - mean) / numpy.sqrt(x.var(axis=(0, 1)) + 2e-5)
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(0.1 * mean, link.avg_mean, atol=1e-6)


def test_size_or_axis_required():
    with pytest.raises(RuntimeError):
        links.BatchNormalization()


def test_backward_train_and_test():
    with chainer.using_config('dtype', numpy.float64):
        link = links.BatchNormalization(3)
    _randomize(link)
    x = numpy.random.uniform(-1, 1, (4, 3, 2))
    gy = numpy.random.uniform(-1, 1, (4, 3, 2))
    gradient_check.check_backward(link, x, gy, (link.gamma, link.beta),
                                  atol=1e-5, rtol=1e-4)
    with chainer.using_config('train', False):
        gradient_check.check_backward(link, x, gy, (link.gamma, link.beta),
                                      atol=1e-5, rtol=1e-4)


def test_bad_arguments():
    link = links.BatchNormalization(3)
    with pytest.raises(ValueError, match='test'):
        link(_rand(2, 3), test=True)
    with pytest.raises(TypeError):
        link(_rand(2, 3), foo=True)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(_rand(2, 4))
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(_rand(2, 3, dtype=numpy.float64))


def test_serialize_round_trip(save_load):
    src = links.BatchNormalization(3)
    _randomize(src)
    src(_rand(4, 3))
    src(_rand(4, 3), finetune=True)
    dst = links.BatchNormalization(3)
    entries = save_load(src, dst)
    assert sorted(entries) == ['N', 'avg_mean', 'avg_var', 'beta', 'gamma']
    assert dst.N == 1
    numpy.testing.assert_array_equal(dst.avg_mean, src.avg_mean)
    numpy.testing.assert_array_equal(dst.avg_var, src.avg_var)
    numpy.testing.assert_array_equal(dst.gamma.array, src.gamma.array)


def test_load_into_lazy_link(save_load):
    src = links.BatchNormalization(2, axis=0)
    src(_rand(3, 2))
    dst = links.BatchNormalization(axis=0)
    save_load(src, dst)
    numpy.testing.assert_array_equal(dst.avg_mean, src.avg_mean)
    assert dst.gamma.shape == (2,)
    dst(_rand(3, 2))


def test_copy_copies_statistics():
    link = links.BatchNormalization(2)
    link(_rand(3, 2))
    deep = link.copy(mode='copy')
    numpy.testing.assert_array_equal(deep.avg_mean, link.avg_mean)
    deep(_rand(3, 2) + 5)
    assert not numpy.allclose(deep.avg_mean, link.avg_mean)


def test_doctests(run_doctests):
    run_doctests('chainer.links.normalization.batch_normalization')
