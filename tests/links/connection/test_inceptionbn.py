import numpy
import pytest

import chainer
from chainer import links
from chainer import testing


def _bn(h):
    # Training-mode batch normalization with the initial gamma=1, beta=0.
    mean = h.mean(axis=(0, 2, 3), keepdims=True)
    var = h.var(axis=(0, 2, 3), keepdims=True)
    return (h - mean) / numpy.sqrt(var + 2e-5)


def _pool(x, stride, kind):
    pad = -numpy.inf if kind == 'max' else 0
    p = numpy.pad(x, [(0, 0), (0, 0), (1, 1), (1, 1)], constant_values=pad)
    h = (x.shape[2] - 1) // stride + 1
    w = (x.shape[3] - 1) // stride + 1
    windows = [p[:, :, i:i + (h - 1) * stride + 1:stride,
                 j:j + (w - 1) * stride + 1:stride]
               for i in range(3) for j in range(3)]
    if kind == 'max':
        return numpy.max(windows, axis=0)
    return numpy.sum(windows, axis=0) / 9


@pytest.mark.parametrize('pooltype,stride,out1,proj_pool', [
    ('max', 1, 2, 3), ('avg', 1, 0, None), ('max', 2, 0, 2)])
def test_forward_matches_reference(ref_conv, pooltype, stride, out1,
                                   proj_pool):
    link = links.InceptionBN(3, out1, 2, 3, 2, 2, pooltype, proj_pool,
                             stride=stride)
    x = numpy.random.uniform(-1, 1, (3, 3, 5, 5)).astype('f')
    y = link(x)

    def cbr(conv, h, pad=0, s=1):
        c = getattr(link, conv)
        assert c.b is None
        return numpy.maximum(
            _bn(ref_conv(h, c.W.array, None, s, pad)), 0)

    outs = []
    if out1 > 0:
        outs.append(cbr('conv1', x))
    outs.append(cbr('conv3', cbr('proj3', x), 1, stride))
    h33 = cbr('conv33a', cbr('proj33', x), 1)
    outs.append(cbr('conv33b', h33, 1, stride))
    p = _pool(x, stride, pooltype)
    if proj_pool is not None:
        p = cbr('poolp', p)
    outs.append(p)
    expected = numpy.concatenate(outs, axis=1)
    assert y.shape == expected.shape
    testing.assert_allclose(expected, y.array, atol=1e-4, rtol=1e-3)


def test_structure():
    link = links.InceptionBN(3, 1, 2, 3, 4, 5, 'avg', 6)
    children = sorted(name for name, _ in link.namedlinks(skipself=True))
    assert children == sorted('/' + n for n in (
        'conv1', 'conv1n', 'proj3', 'proj3n', 'conv3', 'conv3n', 'proj33',
        'proj33n', 'conv33a', 'conv33an', 'conv33b', 'conv33bn', 'poolp',
        'poolpn'))
    assert isinstance(link.conv33bn, links.BatchNormalization)
    assert link.conv33bn.avg_mean.shape == (5,)


def test_dtype():
    link = links.InceptionBN(2, 0, 1, 1, 1, 1, 'max', dtype=numpy.float64)
    assert link.proj3n.gamma.dtype == numpy.float64


def test_invalid_configurations():
    with pytest.raises(NotImplementedError):
        links.InceptionBN(2, 0, 1, 1, 1, 1, 'min')
    with pytest.raises(ValueError):
        links.InceptionBN(2, 1, 1, 1, 1, 1, 'max', proj_pool=None)
    with pytest.raises(ValueError):
        links.InceptionBN(2, 1, 1, 1, 1, 1, 'max', proj_pool=1, stride=2)


def test_test_mode_uses_running_statistics():
    link = links.InceptionBN(2, 0, 1, 1, 1, 1, 'max')
    x = numpy.random.uniform(-1, 1, (2, 2, 3, 3)).astype('f')
    with chainer.using_config('train', False):
        y1 = link(x)
        y2 = link(x[:1])
    testing.assert_allclose(y1.array[:1], y2.array)
