import numpy

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_forward(ref_sigmoid):
    link = links.Swish((3,), beta_init=0.5)
    link.beta.array[...] = [0.5, 1.0, 2.0]
    x = numpy.random.uniform(-2, 2, (2, 3, 2)).astype('f')
    beta = numpy.array([0.5, 1.0, 2.0])[:, None]
    testing.assert_allclose(x * ref_sigmoid(beta * x), link(x).array,
                            atol=1e-6, rtol=1e-5)


def test_lazy_beta_per_channel():
    link = links.Swish(None, beta_init=2.0)
    assert link.beta.array is None
    link(numpy.zeros((2, 4, 3), 'f'))
    assert link.beta.shape == (4,)
    numpy.testing.assert_array_equal(link.beta.array, 2)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Swish((2,))
    x = numpy.random.uniform(-2, 2, (3, 2))
    gy = numpy.random.uniform(-1, 1, (3, 2))
    gradient_check.check_backward(link, x, gy, link.beta, atol=1e-6,
                                  rtol=1e-5)


def test_serialize_into_lazy_link(save_load):
    src = links.Swish((3,), beta_init=1.5)
    dst = links.Swish(None)
    assert list(save_load(src, dst)) == ['beta']
    numpy.testing.assert_array_equal(dst.beta.array, 1.5)


def test_doctests(run_doctests):
    run_doctests('chainer.links.activation.swish')
