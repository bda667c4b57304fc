import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import initializers
from chainer import links
from chainer import testing
from chainer.testing import attr


def _ref_lstm(c, lstm_in, sigmoid):
    # Gate inputs are interleaved: column 4 * u + k is gate k of unit u.
    n = c.shape[1]
    r = lstm_in.reshape(len(lstm_in), n, 4)
    a, i, f, o = (r[:, :, k] for k in range(4))
    c_new = numpy.tanh(a) * sigmoid(i) + sigmoid(f) * c[:len(lstm_in)]
    return c_new, sigmoid(o) * numpy.tanh(c_new)


def _gates_in(link, x, h):
    y = x @ link.upward.W.array.T + link.upward.b.array
    if h is not None:
        y = y + h @ link.lateral.W.array.T
    return y


def test_default_initialization():
    link = links.LSTM(3, 4)
    b = link.upward.b.array.reshape(4, 4)
    numpy.testing.assert_array_equal(b[:, [0, 1, 3]], 0)
    numpy.testing.assert_array_equal(b[:, 2], 1)  # forget gate
    assert link.lateral.b is None
    assert link.upward.W.shape == (16, 3)
    assert link.lateral.W.shape == (16, 4)
    assert numpy.isfinite(link.upward.W.array).all()
    assert link.state_size == 4


def test_custom_initializers():
    link = links.LSTM(2, 3, lateral_init=initializers.Constant(2),
                      upward_init=initializers.Constant(3), bias_init=0.5,
                      forget_bias_init=-1)
    numpy.testing.assert_array_equal(link.lateral.W.array, 2)
    numpy.testing.assert_array_equal(link.upward.W.array, 3)
    b = link.upward.b.array.reshape(3, 4)
    numpy.testing.assert_array_equal(b[:, [0, 1, 3]], 0.5)
    numpy.testing.assert_array_equal(b[:, 2], -1)


def test_weight_initializer_sees_each_gate_block():
    # Orthogonal needs the block shape (n, in); one call per gate gives four
    # orthogonal (4, 4) blocks instead of one (16, 4) matrix.
    link = links.LSTM(4, 4, lateral_init=initializers.Orthogonal(1.0))
    for k in range(4):
        block = link.lateral.W.array[4 * k:4 * (k + 1)]
        testing.assert_allclose(block @ block.T, numpy.eye(4), atol=1e-5)


def test_stateful_forward(ref_sigmoid):
    link = links.LSTM(3, 2, bias_init=initializers.Uniform(1))
    xs = [numpy.random.uniform(-1, 1, (4, 3)).astype('f') for _ in range(3)]
    c = numpy.zeros((4, 2))
    h = None
    for x in xs:
        y = link(x)
        c, h = _ref_lstm(c, _gates_in(link, x, h), ref_sigmoid)
        testing.assert_allclose(h, y.array, atol=1e-5, rtol=1e-4)
        testing.assert_allclose(c, link.c.array, atol=1e-5, rtol=1e-4)
        assert link.h is y


def test_shrinking_batch(ref_sigmoid):
    link = links.LSTM(2, 3)
    x0 = numpy.random.uniform(-1, 1, (3, 2)).astype('f')
    x1 = numpy.random.uniform(-1, 1, (2, 2)).astype('f')
    link(x0)
    c0, h0 = link.c.array.copy(), link.h.array.copy()
    y = link(x1)
    c1, h1 = _ref_lstm(c0, _gates_in(link, x1, h0[:2]), ref_sigmoid)
    testing.assert_allclose(h1, y.array, atol=1e-5, rtol=1e-4)
    assert link.h.shape == (3, 3)
    testing.assert_allclose(h0[2:], link.h.array[2:])
    testing.assert_allclose(c0[2:], link.c.array[2:])
    testing.assert_allclose(c1, link.c.array[:2], atol=1e-5, rtol=1e-4)


def test_zero_batch_keeps_state():
    link = links.LSTM(2, 3)
    link(numpy.ones((2, 2), 'f'))
    h = link.h
    y = link(numpy.zeros((0, 2), 'f'))
    assert y.shape == (0, 3)
    assert link.h is h


def test_growing_batch_is_an_error():
    link = links.LSTM(2, 3)
    link(numpy.ones((1, 2), 'f'))
    with pytest.raises(TypeError):
        link(numpy.ones((2, 2), 'f'))


def test_reset_and_set_state():
    link = links.LSTM(2, 3)
    link(numpy.ones((1, 2), 'f'))
    link.reset_state()
    assert link.c is None and link.h is None
    c = chainer.Variable(numpy.ones((1, 3), 'f'))
    h = chainer.Variable(numpy.ones((1, 3), 'f'))
    link.set_state(c, h)
    assert link.c is c and link.h is h
    with pytest.raises(TypeError):
        link.set_state(numpy.ones((1, 3), 'f'), h)
    with pytest.raises(TypeError):
        link.set_state(c, numpy.ones((1, 3), 'f'))


@pytest.mark.parametrize('args', [(None, 3), (3,)])
def test_lazy_init(args):
    link = links.LSTM(*args)
    assert link.upward.W.array is None
    link(numpy.ones((2, 5), 'f'))
    assert link.upward.W.shape == (12, 5)
    b = link.upward.b.array.reshape(3, 4)
    numpy.testing.assert_array_equal(b[:, 2], 1)


def test_backward_through_two_steps(check_two_step_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.LSTM(2, 2, bias_init=initializers.Uniform(1))
    assert len(list(link.params())) == 3  # upward W and b, lateral W
    check_two_step_backward(link, (3, 2))


def test_stateless_matches_stateful():
    stateful = links.LSTM(3, 2)
    stateless = links.StatelessLSTM(3, 2)
    stateless.copyparams(stateful)
    c = h = None
    for _ in range(2):
        x = numpy.random.uniform(-1, 1, (2, 3)).astype('f')
        y = stateful(x)
        c, h = stateless(c, h, x)
        testing.assert_allclose(y.array, h.array)
        testing.assert_allclose(stateful.c.array, c.array)


def test_stateless_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.StatelessLSTM(2, 2)
    c = numpy.random.uniform(-1, 1, (2, 2))
    h = numpy.random.uniform(-1, 1, (2, 2))
    x = numpy.random.uniform(-1, 1, (2, 2))
    gc = numpy.random.uniform(-1, 1, (2, 2))
    gh = numpy.random.uniform(-1, 1, (2, 2))
    gradient_check.check_backward(
        link, (c, h, x), (gc, gh),
        (link.upward.W, link.upward.b, link.lateral.W), atol=1e-6,
        rtol=1e-5)


def test_serialize_keys_and_state_not_saved(save_load):
    src = links.LSTM(2, 3)
    src(numpy.ones((1, 2), 'f'))
    dst = links.LSTM(None, 3)
    assert sorted(save_load(src, dst)) == ['lateral/W', 'upward/W',
                                           'upward/b']
    numpy.testing.assert_array_equal(dst.upward.W.array, src.upward.W.array)
    assert dst.h is None


def test_to_cpu_moves_state():
    link = links.LSTM(2, 3)
    link(numpy.ones((1, 2), 'f'))
    link.to_cpu()
    assert isinstance(link.h.array, numpy.ndarray)


@attr.gpu
def test_gpu_state():
    from chainer.backends import cuda
    link = links.LSTM(2, 3)
    link(numpy.ones((1, 2), 'f'))
    link.to_gpu()
    assert isinstance(link.h.array, cuda.ndarray)
    y = link(cuda.cupy.ones((1, 2), 'f'))
    assert isinstance(y.array, cuda.ndarray)
    link.to_cpu()
    assert isinstance(link.c.array, numpy.ndarray)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.lstm')


@pytest.mark.parametrize('cls', [links.LSTM, links.StatelessLSTM])
def test_seeded_weights_drawn_in_v5_order(cls):
    # v5 fills the gate blocks one by one, lateral block before upward
    # block, each by its own call of the default LeCunNormal.
    numpy.random.seed(3)
    lstm = cls(3, 2)
    numpy.random.seed(3)
    init = initializers.LeCunNormal()
    for k in range(4):
        lateral = numpy.empty((2, 2), numpy.float32)
        upward = numpy.empty((2, 3), numpy.float32)
        init(lateral)
        init(upward)
        numpy.testing.assert_array_equal(
            lstm.lateral.W.array[2 * k:2 * k + 2], lateral)
        numpy.testing.assert_array_equal(
            lstm.upward.W.array[2 * k:2 * k + 2], upward)
    assert lstm.bias_init == 0 and lstm.forget_bias_init == 1
