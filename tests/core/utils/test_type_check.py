import pickle
import threading

import numpy
import pytest

from chainer.utils import type_check as T


def _types(*arrays, **kwargs):
    return T.get_types(tuple(arrays), 'in_types', False, **kwargs)


def _message(*exprs):
    with pytest.raises(T.InvalidType) as info:
        T.expect(*exprs)
    return str(info.value)


@pytest.fixture
def xy():
    return _types(numpy.zeros((3, 4), numpy.float32),
                  numpy.zeros((5, 2), numpy.int32))


# Messages as printed by Chainer v5 (and its manual).

def test_message_ndim(xy):
    assert _message(xy[0].ndim == 3) == (
        'Expect: in_types[0].ndim == 3\nActual: 2 != 3')


def test_message_dtype(xy):
    assert _message(xy[0].dtype == numpy.float64) == (
        "Expect: in_types[0].dtype == <class 'numpy.float64'>\n"
        "Actual: float32 != <class 'numpy.float64'>")


def test_message_kind(xy):
    assert _message(xy[1].dtype.kind == 'f') == (
        'Expect: in_types[1].dtype.kind == f\nActual: i != f')


def test_message_shapes(xy):
    assert _message(xy[0].shape[1] == xy[1].shape[0]) == (
        'Expect: in_types[0].shape[1] == in_types[1].shape[0]\n'
        'Actual: 4 != 5')
    assert _message(xy[0].shape[0] == xy[1].shape[0] * 4) == (
        'Expect: in_types[0].shape[0] == in_types[1].shape[0] * 4\n'
        'Actual: 3 != 20')


def test_message_named_variable(xy):
    in_size = T.Variable(4, 'in_size')
    assert _message(xy[0].shape[0] == in_size) == (
        'Expect: in_types[0].shape[0] == in_size\nActual: 3 != 4')


def test_message_call(xy):
    sum_ = T.Variable(numpy.sum, 'sum')
    assert _message(sum_(xy[0].shape) == 10) == (
        'Expect: sum(in_types[0].shape) == 10\nActual: 7 != 10')


def test_message_size(xy):
    assert _message(xy.size() == 1) == (
        'Expect: in_types.size == 1\nActual: 2 != 1')


@pytest.mark.parametrize('make, text', [
    (lambda a: a < 2, 'in_types[0].ndim < 2\nActual: 2 >= 2'),
    (lambda a: a <= 1, 'in_types[0].ndim <= 1\nActual: 2 > 1'),
    (lambda a: a > 2, 'in_types[0].ndim > 2\nActual: 2 <= 2'),
    (lambda a: a >= 3, 'in_types[0].ndim >= 3\nActual: 2 < 3'),
    (lambda a: a != 2, 'in_types[0].ndim != 2\nActual: 2 == 2'),
    (lambda a: 3 == a, 'in_types[0].ndim == 3\nActual: 2 != 3'),
])
def test_message_comparisons(xy, make, text):
    assert _message(make(xy[0].ndim)) == 'Expect: ' + text


def test_function_context_prefix(xy):
    class Reshape(object):
        label = 'Reshape'

    with T.get_function_check_context(Reshape()):
        message = _message(T.prod(xy[0].shape) == T.prod((4, 4)))
    assert message == (
        '\nInvalid operation is performed in: Reshape (Forward)\n\n'
        'Expect: prod(in_types[0].shape) == prod((4, 4))\n'
        'Actual: 12 != 16')
    # Outside the context the prefix is gone again.
    assert _message(xy[0].ndim == 3).startswith('Expect:')


def test_function_context_restores_on_error(xy):
    class F(object):
        label = 'F'

    with pytest.raises(T.InvalidType):
        with T.get_function_check_context(F()):
            T.expect(xy[0].ndim == 0)
    assert T._thread_local.current_function is None


# How expressions print and evaluate.

@pytest.mark.parametrize('build, text, value', [
    (lambda a, b: (a + b) * 2, '(x + y) * 2', 10),
    (lambda a, b: a + b * 2, 'x + y * 2', 7),
    (lambda a, b: a - (b - 1), 'x - (y - 1)', 2),
    (lambda a, b: (a - b) - 1, 'x - y - 1', 0),
    (lambda a, b: a ** b ** 2, 'x ** y ** 2', 3 ** 4),
    (lambda a, b: (a ** b) ** 2, '(x ** y) ** 2', 81),
    (lambda a, b: -(a + b), '-(x + y)', -5),
    (lambda a, b: -a ** b, '-x ** y', -9),
    (lambda a, b: a // b % 2, 'x // y % 2', 1),
    (lambda a, b: a & b | 4, 'x & y | 4', 6),
    (lambda a, b: 7 - a, '7 - x', 4),
    (lambda a, b: 10 // a, '10 // x', 3),
    (lambda a, b: numpy.int64(2) * a, '2 * x', 6),
])
def test_expression_str_and_eval(build, text, value):
    expr = build(T.Variable(3, 'x'), T.Variable(2, 'y'))
    assert str(expr) == text
    assert T.eval(expr) == value


def test_member_getitem_call_str():
    x = T.Variable(numpy.zeros((2, 3, 4)), 'x')
    assert str(x.shape[1:]) == 'x.shape[1:]'
    assert x.shape[1:].eval() == (3, 4)
    assert str(x.shape[::2]) == 'x.shape[::2]'
    assert str((x + 1).shape) == '(x + 1).shape'
    assert str(x[0, ..., 1]) == 'x[0, ..., 1]'
    getattr_ = T.Variable(getattr, 'getattr')
    call = getattr_(x, 'ndim')
    assert str(call) == "getattr(x, 'ndim')"
    assert call.eval() == 3
    assert str(x.shape[x.ndim - 1]) == 'x.shape[x.ndim - 1]'
    assert x.shape[x.ndim - 1].eval() == 4


def test_constant():
    c = T.Constant((1, 2))
    assert str(c) == '(1, 2)'
    assert c.eval() == (1, 2)


def test_expr_cannot_be_bool_or_iterated(xy):
    with pytest.raises(RuntimeError):
        bool(xy[0].ndim == 2)
    with pytest.raises(TypeError):
        a, b = xy[0].shape


def test_eval_type_info(xy):
    info = xy[0].eval()
    assert isinstance(info, T.TypeInfo)
    assert info.shape == (3, 4) and info.ndim == 2 and info.size == 12
    assert info.dtype == numpy.float32
    assert T.eval(5) == 5


def test_expect_passes_and_plain_bools(xy):
    T.expect(xy[0].ndim == 2, xy[1].dtype.kind == 'i', True)
    with pytest.raises(T.InvalidType):
        T.expect(xy[0].ndim == 2, False)
    assert _message((xy[0].ndim == 2) & (xy[1].ndim == 3)) == (
        'Expect: (in_types[0].ndim == 2) & (in_types[1].ndim == 3)\n'
        'Actual: False')


def test_argname(xy):
    T._argname(xy, ('x', 'W'))
    assert _message(xy[0].shape[1] == xy[1].shape[0]) == (
        'Expect: x.shape[1] == W.shape[0]\nActual: 4 != 5')
    with pytest.raises(T.InvalidType) as info:
        T.argname(xy, ('x',))
    assert info.value.expect == '1 argument(s)'
    assert info.value.actual == '2 argument(s)'


def test_get_types_accept_none_and_shapes():
    t = T.get_types((None, numpy.zeros(3)), 'out_types', True)
    assert t.name == 'out_types'
    assert str(t[1]) == 'out_types[1]'
    assert t[0].eval().shape == () and t[0].eval().dtype is None
    t = _types(numpy.zeros(6, 'f'), shapes=((2, 3),))
    assert t[0].shape.eval() == (2, 3)
    with pytest.raises(TypeError):
        _types([1, 2])


def test_invalid_type_str_and_pickle():
    err = T.InvalidType('a == b', '1 != 2')
    assert str(err) == 'Expect: a == b\nActual: 1 != 2'
    copy = pickle.loads(pickle.dumps(err))
    assert str(copy) == str(err)
    assert (copy.expect, copy.actual) == ('a == b', '1 != 2')
    assert str(T.InvalidType('a', 'b', msg='custom')) == 'custom'


def test_expect_broadcast_shapes(xy):
    T.expect_broadcast_shapes(xy[0].shape, (1, 4), (4,))
    with pytest.raises(T.InvalidType) as info:
        T.expect_broadcast_shapes(xy[0].shape, xy[1].shape)
    assert str(info.value) == (
        'cannot broadcast inputs of the following shapes:\n'
        'in_types[0].shape = (3, 4)\nin_types[1].shape = (5, 2)')


def test_same_types():
    assert T.same_types(numpy.zeros(1), numpy.zeros(2))
    assert not T.same_types(numpy.zeros(1), [0])


# Light mode.

def test_light_mode_types():
    x = numpy.zeros((3, 4), numpy.float32)
    with T.light_mode:
        assert T.in_light_mode()
        t = _types(x)
        assert isinstance(t, T.LightTypeInfoTuple)
        assert t.size() == 1
        assert t[0].shape == (3, 4) and t[0].ndim == 2
        assert t[0].dtype == numpy.float32 and t[0].size == 12
        assert T.prod(t[0].shape) == 12
        assert T.make_variable(7, 'n') == 7
        assert T.eval(3) == 3
        T.expect(t[0].ndim == 2, t.size() == 1)
        # Named expressions still work in light mode.
        T.expect(t[0].shape[0] == T.Variable(3, 'n'))
        with pytest.raises(T.InvalidType) as info:
            T.expect(t[0].ndim == 3)
        assert info.value.expect == ''
        with pytest.raises(T.InvalidType):
            T.expect_broadcast_shapes(t[0].shape, (2,))
        with pytest.raises(T.InvalidType):
            T._argname(t, ('x', 'y'))
    assert not T.in_light_mode()
    assert isinstance(_types(x), T.TypeInfoTuple)


def test_light_mode_nesting_and_accept_none():
    with T.light_mode():
        with T.light_mode:
            pass
        assert T._thread_local.light_mode
        t = T.get_types((None,), 'in_types', True)
        assert t[0].shape == () and t[0].dtype is None
    assert not T._thread_local.light_mode


def test_light_mode_is_thread_local():
    seen = []
    with T.light_mode:
        thread = threading.Thread(target=lambda: seen.append(
            T.in_light_mode()))
        thread.start()
        thread.join()
    assert seen == [False]


def test_light_then_full_rerun():
    # The pattern FunctionNode.apply uses: cheap check, then a full rerun
    # inside the function context for the message.
    class ReLU(object):
        label = 'ReLU'

    def check(in_types):
        x_type, = in_types
        T.expect(x_type.dtype.kind == 'f')

    data = (numpy.arange(3),)
    with pytest.raises(T.InvalidType):
        with T.light_mode:
            check(T.get_types(data, 'in_types', False))
    with pytest.raises(T.InvalidType) as info:
        with T.get_function_check_context(ReLU()):
            check(T.get_types(data, 'in_types', False))
    assert str(info.value) == (
        '\nInvalid operation is performed in: ReLU (Forward)\n\n'
        'Expect: in_types[0].dtype.kind == f\nActual: i != f')
