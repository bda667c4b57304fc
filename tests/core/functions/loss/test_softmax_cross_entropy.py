import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.functions.loss import softmax_cross_entropy
from chainer.utils import type_check


def _reference(x, t, normalize, class_weight, ignore_label, reduce):
    x = x.astype(numpy.float64)
    x = numpy.moveaxis(x, 1, -1).reshape(-1, x.shape[1])
    tt = t.ravel()
    log_y = x - x.max(axis=1, keepdims=True)
    log_y -= numpy.log(numpy.exp(log_y).sum(axis=1, keepdims=True))
    loss = numpy.zeros(len(tt))
    for i, label in enumerate(tt):
        if label == ignore_label:
            continue
        w = 1.0 if class_weight is None else class_weight[label]
        loss[i] = -w * log_y[i, label]
    if reduce == 'no':
        return loss.reshape(t.shape)
    count = (tt != ignore_label).sum() if normalize else t.shape[0]
    return loss.sum() / max(count, 1)


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (2, 3, 2), (2, 4, 2, 3)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'normalize': [True, False],
    'weighted': [False, True],
    'reduce': ['mean', 'no'],
    'ignore_label': [-1, 2],
}))
class TestSoftmaxCrossEntropy:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(7)
        self.x = rng.uniform(-2, 2, self.shape).astype(self.dtype)
        t_shape = self.shape[:1] + self.shape[2:]
        self.t = rng.randint(0, self.shape[1], t_shape).astype(numpy.int32)
        self.t.ravel()[0] = self.ignore_label
        self.cw = (rng.uniform(0.5, 2, self.shape[1]).astype(self.dtype)
                   if self.weighted else None)
        self.tol = ({'atol': 5e-3, 'rtol': 5e-2}
                    if self.dtype == numpy.float16 else
                    {'atol': 1e-5, 'rtol': 1e-4})

    def _call(self, x, cache_score=True, double=False):
        return functions.softmax_cross_entropy(
            x, self.t, normalize=self.normalize, cache_score=cache_score,
            class_weight=self.cw, ignore_label=self.ignore_label,
            reduce=self.reduce, enable_double_backprop=double)

    @pytest.mark.parametrize('double', [False, True])
    def test_forward(self, double):
        y = self._call(self.x, double=double)
        expected = _reference(self.x, self.t, self.normalize, self.cw,
                              self.ignore_label, self.reduce)
        assert y.dtype == self.dtype
        assert y.shape == expected.shape
        testing.assert_allclose(expected, y.array, **self.tol)

    @pytest.mark.parametrize('cache_score', [True, False])
    def test_backward(self, cache_score):
        x = self.x.astype(numpy.float64)
        cw = None if self.cw is None else self.cw.astype(numpy.float64)
        gy = numpy.random.RandomState(1).uniform(
            -1, 1, () if self.reduce == 'mean' else self.t.shape)

        def f(x):
            return functions.softmax_cross_entropy(
                x, self.t, self.normalize, cache_score, cw,
                self.ignore_label, self.reduce)
        gradient_check.check_backward(f, x, gy, dtype=numpy.float64,
                                      atol=1e-6, rtol=1e-5)

    def test_backward_matches_double_backprop_path(self):
        x1 = chainer.Variable(self.x.astype(numpy.float64))
        x2 = chainer.Variable(self.x.astype(numpy.float64))
        cw = None if self.cw is None else self.cw.astype(numpy.float64)
        kw = dict(normalize=self.normalize, class_weight=cw,
                  ignore_label=self.ignore_label, reduce=self.reduce)
        y1 = functions.sum(functions.softmax_cross_entropy(x1, self.t, **kw))
        y2 = functions.sum(functions.softmax_cross_entropy(
            x2, self.t, enable_double_backprop=True, **kw))
        y1.backward()
        y2.backward()
        testing.assert_allclose(x1.grad, x2.grad, atol=1e-10, rtol=1e-8)
        # The ignored position gets no gradient.
        first = (0, slice(None)) + (0,) * (self.x.ndim - 2)
        assert numpy.all(x1.grad[first] == 0)


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_double_backward(reduce):
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-2, 2, (3, 4))
    t = numpy.array([0, -1, 3], numpy.int32)
    gy = rng.uniform(-1, 1, () if reduce == 'mean' else (3,))
    ggx = rng.uniform(-1, 1, x.shape)

    def f(x):
        return functions.softmax_cross_entropy(
            x, t, reduce=reduce, enable_double_backprop=True)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64,
                                         atol=1e-6, rtol=1e-5)


def test_doc_example_value():
    x = numpy.array([[-1, 0, 1, 2], [2, 0, 1, -1]], numpy.float32)
    t = numpy.array([3, 0], numpy.int32)
    y = functions.softmax_cross_entropy(x, t)
    testing.assert_allclose(y.array, 0.44018972)


def test_all_ignored_gives_zero():
    x = numpy.ones((2, 3), numpy.float32)
    t = numpy.full((2,), -1, numpy.int32)
    xv = chainer.Variable(x)
    y = functions.softmax_cross_entropy(xv, t)
    assert float(y.array) == 0.0
    y.backward()
    assert numpy.all(xv.grad == 0)


@pytest.mark.parametrize('bad', [3, -2, 10])
def test_label_out_of_range(bad):
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.array([0, bad], numpy.int32)
    with pytest.raises(ValueError, match='0 <= t < x.shape'):
        functions.softmax_cross_entropy(x, t)
    with pytest.raises(ValueError):
        functions.softmax_cross_entropy(x, t, enable_double_backprop=True)


def test_non_integer_label():
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.array([0., 1.], numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.softmax_cross_entropy(x, t)
    with pytest.raises(type_check.InvalidType):
        functions.softmax_cross_entropy(x, t, enable_double_backprop=True)


def test_shape_mismatch():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.softmax_cross_entropy(x, numpy.zeros(3, numpy.int32))


def test_invalid_reduce():
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError, match='reduce'):
        functions.softmax_cross_entropy(x, t, reduce='sum')


def test_invalid_class_weight():
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError, match='ndim should be 1'):
        functions.softmax_cross_entropy(
            x, t, class_weight=numpy.ones((3, 1), numpy.float32))
    with pytest.raises(ValueError, match="should be 'f'"):
        functions.softmax_cross_entropy(
            x, t, class_weight=numpy.ones(3, numpy.int32))
    with pytest.raises(ValueError, match='not a chainer.Variable'):
        functions.softmax_cross_entropy(
            x, t, class_weight=chainer.Variable(numpy.ones(3, numpy.float32)))
    with pytest.raises(ValueError, match='number of classes'):
        functions.softmax_cross_entropy(
            x, t, class_weight=numpy.ones(4, numpy.float32))
    # The node checks its options when built, as in v5.
    with pytest.raises(ValueError, match='reduce'):
        softmax_cross_entropy.SoftmaxCrossEntropy(reduce='sum')


@pytest.mark.parametrize('double', [False, True])
def test_class_weight_of_other_float_dtype(double):
    # v5 accepts any float class_weight and applies it in x's dtype.
    rng = numpy.random.RandomState(8)
    x = rng.uniform(-2, 2, (5, 3)).astype(numpy.float32)
    t = numpy.array([0, 2, -1, 1, 2], numpy.int32)
    cw = numpy.array([0.5, 2.0, 1.5])  # float64
    for reduce in ('mean', 'no'):
        y = functions.softmax_cross_entropy(
            x, t, class_weight=cw, reduce=reduce,
            enable_double_backprop=double)
        assert y.dtype == numpy.float32
        testing.assert_allclose(
            _reference(x, t, True, cw, -1, reduce), y.array, rtol=1e-5)


@pytest.mark.parametrize('double', [False, True])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_empty_batch(double, reduce):
    # v5 returns a zero loss (and a zero gradient) for an empty batch.
    x = chainer.Variable(numpy.zeros((0, 3), numpy.float32))
    t = numpy.zeros((0,), numpy.int32)
    y = functions.softmax_cross_entropy(
        x, t, reduce=reduce, enable_double_backprop=double)
    assert y.shape == (() if reduce == 'mean' else (0,))
    assert y.dtype == numpy.float32
    assert numpy.all(y.array == 0)
    functions.sum(y).backward()
    assert x.grad.shape == (0, 3)


@pytest.mark.parametrize('cache_score', [True, False])
def test_double_backprop_without_option_raises(cache_score):
    # v5's gradient node refuses a second derivative unless
    # enable_double_backprop=True was given.
    x = chainer.Variable(numpy.random.RandomState(9).uniform(
        -1, 1, (3, 4)).astype(numpy.float32))
    t = numpy.array([0, 3, -1], numpy.int32)
    loss = functions.softmax_cross_entropy(x, t, cache_score=cache_score)
    gx, = chainer.grad([loss], [x], enable_double_backprop=True)
    with pytest.raises(RuntimeError, match='enable_double_backprop=True'):
        chainer.grad([functions.sum(gx * gx)], [x])


@testing.attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (5, 4, 3)).astype(numpy.float32)
    t = rng.randint(-1, 4, (5, 3)).astype(numpy.int32)
    cpu = functions.softmax_cross_entropy(x, t)
    xg = chainer.Variable(cuda.to_gpu(x))
    gpu = functions.softmax_cross_entropy(xg, cuda.to_gpu(t))
    gpu.backward()
    xc = chainer.Variable(x)
    functions.softmax_cross_entropy(xc, t).backward()
    testing.assert_allclose(cpu.array, cuda.to_cpu(gpu.array))
    testing.assert_allclose(xc.grad, cuda.to_cpu(xg.grad))


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('offset', [0., 60., -500.])
def test_large_logits_are_stable(dtype, offset):
    # Row maxima outside [-40, 40] take the max-subtracting path.
    rng = numpy.random.RandomState(4)
    x = (rng.uniform(-30, 30, (4, 5)) + offset).astype(dtype)
    x[1] += 1000
    t = numpy.array([0, 1, -1, 4], numpy.int32)
    xv = chainer.Variable(x)
    y = functions.softmax_cross_entropy(xv, t)
    expected = _reference(x, t, True, None, -1, 'mean')
    testing.assert_allclose(expected, y.array, rtol=1e-5)
    y.backward()
    x64 = x.astype(numpy.float64)
    p = numpy.exp(x64 - x64.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[[0, 1, 3], t[[0, 1, 3]]] -= 1
    p[2] = 0
    testing.assert_allclose(p / 3, xv.grad, atol=1e-6)
    assert numpy.isfinite(xv.grad).all()


def test_no_cache_score_backward_twice():
    rng = numpy.random.RandomState(5)
    x = chainer.Variable(rng.uniform(-1, 1, (3, 4)).astype(numpy.float32))
    t = numpy.array([0, 1, 2], numpy.int32)
    for cache in (True, False):
        y = functions.softmax_cross_entropy(x, t, cache_score=cache)
        x.cleargrad()
        y.backward(retain_grad=True)
        g1 = x.grad.copy()
        x.cleargrad()
        y.backward()
        testing.assert_allclose(g1, x.grad)


def test_non_contiguous_input():
    rng = numpy.random.RandomState(6)
    x = rng.uniform(-1, 1, (5, 4)).astype(numpy.float32).T  # (4, 5) view
    t = numpy.array([0, 4, 2, -1], numpy.int32)
    assert not x.flags.c_contiguous
    xv = chainer.Variable(x)
    y = functions.softmax_cross_entropy(xv, t)
    testing.assert_allclose(_reference(x, t, True, None, -1, 'mean'),
                            y.array, rtol=1e-5)
    y.backward()
    xc = chainer.Variable(numpy.ascontiguousarray(x))
    functions.softmax_cross_entropy(xc, t).backward()
    testing.assert_allclose(xc.grad, xv.grad)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.loss.softmax_cross_entropy')
