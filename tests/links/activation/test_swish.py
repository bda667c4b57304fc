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


def test_lazy_beta_takes_sample_shape(ref_sigmoid):
    # v5 shapes a lazy beta as one sample, x.shape[1:], not per channel.
    link = links.Swish(None, beta_init=2.0)
    assert link.beta.array is None
    x = numpy.random.uniform(-2, 2, (2, 4, 3)).astype('f')
    y = link(x)
    assert link.beta.shape == (4, 3)
    numpy.testing.assert_array_equal(link.beta.array, 2)
    link.beta.array[...] = numpy.arange(12).reshape(4, 3) / 4.
    beta = numpy.arange(12).reshape(4, 3) / 4.
    y = link(x)
    testing.assert_allclose(x * ref_sigmoid(beta * x), y.array,
                            atol=1e-6, rtol=1e-5)


def test_load_v5_snapshot_into_lazy_link(tmp_path, ref_sigmoid):
    beta = numpy.random.uniform(0, 2, (3, 2, 2)).astype('f')
    path = str(tmp_path / 'v5.npz')
    numpy.savez(path, beta=beta)
    link = links.Swish(None)
    chainer.serializers.load_npz(path, link)
    x = numpy.random.uniform(-2, 2, (2, 3, 2, 2)).astype('f')
    testing.assert_allclose(x * ref_sigmoid(beta * x), link(x).array,
                            atol=1e-6, rtol=1e-5)


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
