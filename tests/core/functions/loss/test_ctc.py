import itertools

import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _collapse(path, blank):
    out = []
    prev = None
    for p in path:
        if p != prev and p != blank:
            out.append(p)
        prev = p
    return out


def _brute_force_nll(x, labels, blank):
    # x: (T, V) scores of one sample; sums over every alignment.
    p = numpy.exp(x - x.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    total = 0.0
    for path in itertools.product(range(x.shape[1]), repeat=len(x)):
        if _collapse(path, blank) == list(labels):
            total += numpy.prod([p[i, k] for i, k in enumerate(path)])
    return -numpy.log(total)


@testing.parameterize(*testing.product({
    'blank': [0, 2],
    'reduce': ['mean', 'no'],
    'dtype': [numpy.float32, numpy.float64],
}))
class TestCTC:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.T, self.B, self.V = 4, 3, 3
        self.x = rng.uniform(-1, 1, (self.T, self.B, self.V))
        labels = [l for l in range(self.V) if l != self.blank]
        # Variable lengths; sample 1 repeats a label; padding is garbage.
        self.t = numpy.array([[labels[0], labels[1]],
                              [labels[1], labels[1]],
                              [labels[0], 99]], numpy.int32)
        self.input_length = numpy.array([4, 3, 2], numpy.int32)
        self.label_length = numpy.array([2, 2, 1], numpy.int32)

    def _expected(self):
        losses = numpy.array([
            _brute_force_nll(self.x[:self.input_length[b], b],
                             self.t[b, :self.label_length[b]], self.blank)
            for b in range(self.B)])
        return losses.mean() if self.reduce == 'mean' else losses

    def _call(self, xs):
        return functions.connectionist_temporal_classification(
            xs, self.t, self.blank, self.input_length, self.label_length,
            self.reduce)

    def test_forward(self):
        loss = self._call([a.astype(self.dtype) for a in self.x])
        assert loss.dtype == self.dtype
        testing.assert_allclose(self._expected(), loss.array, rtol=1e-5)

    def test_backward(self):
        gy = numpy.random.RandomState(1).uniform(
            -1, 1, () if self.reduce == 'mean' else (self.B,))
        gradient_check.check_backward(
            lambda *xs: self._call(list(xs)), tuple(self.x), gy,
            dtype=numpy.float64, atol=1e-5, rtol=1e-4)

    def test_padding_frames_get_no_gradient(self):
        xs = [chainer.Variable(a) for a in self.x]
        functions.sum(self._call(xs)).backward()
        assert numpy.all(xs[3].grad[1:] == 0)
        assert numpy.all(xs[2].grad[2] == 0)


def test_default_lengths_and_long_sequence():
    rng = numpy.random.RandomState(3)
    xs = [rng.uniform(-1, 1, (2, 5)).astype(numpy.float32)
          for _ in range(30)]
    t = numpy.array([[1, 2, 2, 3], [4, 4, 4, 1]], numpy.int32)
    loss = functions.connectionist_temporal_classification(
        xs, t, 0, reduce='no')
    assert loss.shape == (2,) and numpy.isfinite(loss.array).all()
    full = functions.connectionist_temporal_classification(
        xs, t, 0, numpy.array([30, 30], numpy.int32),
        numpy.array([4, 4], numpy.int32), reduce='no')
    testing.assert_allclose(loss.array, full.array)


def test_zero_length_labels():
    # An empty label sequence is emitted by blanks only.
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, (3, 2, 4))
    t = numpy.array([[2, 1], [7, 7]], numpy.int32)
    xs = [chainer.Variable(a) for a in x]
    loss = functions.connectionist_temporal_classification(
        xs, t, 0, numpy.array([3, 2], numpy.int32),
        numpy.array([2, 0], numpy.int32), reduce='no')
    expected = [_brute_force_nll(x[:3, 0], [2, 1], 0),
                _brute_force_nll(x[:2, 1], [], 0)]
    testing.assert_allclose(expected, loss.array)
    p = numpy.exp(x[:2, 1])
    p /= p.sum(axis=1, keepdims=True)
    testing.assert_allclose(-numpy.log(p[:, 0]).sum(), loss.array[1])
    functions.sum(loss).backward()
    # Gradient of the blank-only sample: softmax minus one-hot(blank).
    p[:, 0] -= 1
    testing.assert_allclose(p, numpy.stack([g.grad[1] for g in xs[:2]]))


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_unreachable_labels_give_a_huge_finite_loss(dtype):
    # v5 replaces log(0) by -1e10: labels 1, 1 need three frames, so with
    # two the loss is about 1e10 (not an error and not inf), and the other
    # samples of the batch are unaffected.
    rng = numpy.random.RandomState(6)
    x = rng.uniform(-1, 1, (3, 2, 3))
    t = numpy.array([[1, 1], [1, 2]], numpy.int32)
    xs = [chainer.Variable(a.astype(dtype)) for a in x]
    loss = functions.connectionist_temporal_classification(
        xs, t, 0, numpy.array([2, 3], numpy.int32), reduce='no')
    assert loss.dtype == dtype
    testing.assert_allclose(1e10, loss.array[0], rtol=1e-6)
    testing.assert_allclose(_brute_force_nll(x[:, 1], [1, 2], 0),
                            loss.array[1], rtol=1e-5)
    functions.sum(loss).backward()
    assert all(numpy.isfinite(g.grad).all() for g in xs)


def test_errors():
    xs = [numpy.zeros((2, 3), numpy.float32)] * 3
    t = numpy.array([[1, 2], [1, 1]], numpy.int32)
    ctc = functions.connectionist_temporal_classification
    with pytest.raises(TypeError):
        ctc(numpy.zeros((3, 2, 3), numpy.float32), t, 0)
    with pytest.raises(TypeError, match='blank_symbol'):
        ctc(xs, t, 1.0)
    with pytest.raises(ValueError, match='input_length'):
        ctc(xs, t, 0, input_length=numpy.array([4, 3], numpy.int32))
    with pytest.raises(ValueError, match='label_length'):
        ctc(xs, t, 0, label_length=numpy.array([3, 1], numpy.int32))
    with pytest.raises(ValueError):
        ctc(xs, numpy.array([[1, 3], [1, 2]], numpy.int32), 0)
    with pytest.raises(ValueError, match='blank'):
        ctc(xs, numpy.array([[1, 0], [1, 2]], numpy.int32), 0)
    with pytest.raises(ValueError, match='blank_symbol'):
        ctc(xs, t, 3)
    with pytest.raises(ValueError, match='reduce'):
        ctc(xs, t, 0, reduce='sum')
    # Shapes and dtypes are type-checked as in v5.
    with pytest.raises(type_check.InvalidType):
        ctc(xs, t, 0, input_length=numpy.array([3], numpy.int32))
    with pytest.raises(type_check.InvalidType):
        ctc(xs, t.astype(numpy.float32), 0)
    with pytest.raises(type_check.InvalidType):
        ctc(xs[:2] + [numpy.zeros((2, 4), numpy.float32)], t, 0)
    with pytest.raises(type_check.InvalidType):
        ctc([a.astype(numpy.int32) for a in xs], t, 0)
