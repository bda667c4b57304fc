import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


@pytest.mark.parametrize('cls', [links.NStepGRU, links.NStepBiGRU])
def test_forward_matches_reference(ref_nstep, randomize_nstep_biases, cls):
    link = cls(2, 3, 2, 0.0)
    randomize_nstep_biases(link)
    n_dir = link.direction
    xs = [numpy.random.uniform(-1, 1, (n, 3)).astype('f') for n in (2, 3)]
    hx = numpy.random.uniform(-1, 1, (2 * n_dir, 2, 2)).astype('f')
    hy, ys = link(hx, xs)
    ref_hy, _, ref_ys = ref_nstep(link, 'gru', hx, None, xs)
    testing.assert_allclose(ref_hy, hy.array, atol=1e-5, rtol=1e-4)
    for y, r in zip(ys, ref_ys):
        testing.assert_allclose(r, y.array, atol=1e-5, rtol=1e-4)


def test_parameters():
    link = links.NStepGRU(1, 3, 4, 0.0)
    assert link.n_weights == 6
    assert [getattr(link[0], 'w%d' % j).shape for j in range(6)] == \
        [(4, 3)] * 3 + [(4, 4)] * 3


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.NStepBiGRU(1, 2, 2, 0.0)
    xs = [numpy.random.uniform(-1, 1, (n, 2)) for n in (3, 2)]
    gys = [numpy.random.uniform(-1, 1, (n, 4)) for n in (3, 2)]

    def f(x0, x1):
        return tuple(link(None, [x0, x1])[1])

    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(f, tuple(xs), tuple(gys), params,
                                  atol=1e-6, rtol=1e-5)


def test_serialize_keys(save_load):
    src = links.NStepGRU(1, 2, 3, 0.0)
    dst = links.NStepGRU(1, 2, 3, 0.0)
    assert sorted(save_load(src, dst)) == sorted(
        '0/%s%d' % (p, j) for p in 'wb' for j in range(6))
