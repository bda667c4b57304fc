import copy
import pickle
import warnings

import numpy
import pytest

import chainer
from chainer import initializers
from chainer import testing


class _Rule(object):
    # Stand-in for an optimizer's UpdateRule: only ``enabled`` matters here.

    def __init__(self, enabled=True):
        self.enabled = enabled


def _make_link():
    link = chainer.Link()
    with link.init_scope():
        link.x = chainer.Parameter(numpy.arange(6, dtype='f').reshape(2, 3))
        link.y = chainer.Parameter(initializers.Constant(2), (2,))
        link.u = chainer.Parameter(initializers.Normal())  # uninitialized
        link.v = chainer.Parameter()
    link.add_persistent('p', numpy.array([1., 2.], 'f'))
    link.add_persistent('s', 3)
    return link


def test_init_scope_registers_parameters_only_inside():
    link = chainer.Link()
    assert not link.within_init_scope
    with link.init_scope():
        assert link.within_init_scope
        link.w = chainer.Parameter(numpy.zeros(2, 'f'))
        link.other = 1
    assert not link.within_init_scope
    link.outside = chainer.Parameter(numpy.zeros(2, 'f'))
    assert link._params == {'w'}
    assert link.w.name == 'w'
    assert [p for p in link.params()] == [link.w]


def test_init_scope_restores_flag_on_error():
    link = chainer.Link()
    with pytest.raises(RuntimeError):
        with link.init_scope():
            raise RuntimeError
    assert not link.within_init_scope


def test_params_sorted_and_include_uninit():
    link = _make_link()
    assert [n for n, _ in link.namedparams()] == ['/u', '/v', '/x', '/y']
    assert [n for n, _ in link.namedparams(include_uninit=False)] == \
        ['/x', '/y']
    assert [p.name for p in link.params(False)] == ['x', 'y']
    numpy.testing.assert_array_equal(link.y.array, [2, 2])


def test_links_and_namedlinks():
    link = chainer.Link()
    assert list(link.links()) == [link]
    assert list(link.links(skipself=True)) == []
    assert list(link.namedlinks()) == [('/', link)]
    assert list(link.namedlinks(skipself=True)) == []
    assert list(link.children()) == []


def test_add_param():
    link = chainer.Link()
    link.add_param('w', (2, 3))
    assert link.w.shape == (2, 3) and link.w.dtype == numpy.float32
    assert numpy.isnan(link.w.array).all()
    link.add_param('h', (2,), dtype=numpy.float64)
    assert link.h.dtype == numpy.float64
    link.add_param('c', (2,), initializer=initializers.Constant(5))
    numpy.testing.assert_array_equal(link.c.array, [5, 5])
    link.add_param('lazy')
    assert link.lazy.array is None
    assert link._params == {'w', 'h', 'c', 'lazy'}
    with pytest.raises(AttributeError, match='w'):
        link.add_param('w', (1,))


def test_deprecated_constructor_params():
    link = chainer.Link(a=(2, 3), b=((4,), numpy.float64))
    assert link.a.shape == (2, 3) and link.a.dtype == numpy.float32
    assert link.b.shape == (4,) and link.b.dtype == numpy.float64


def test_add_and_register_persistent():
    link = chainer.Link()
    link.add_persistent('m', numpy.zeros(3))
    assert link._persistent == {'m'}
    with pytest.raises(AttributeError):
        link.add_persistent('m', 1)
    link.count = 4
    link.register_persistent('count')
    assert link._persistent == {'m', 'count'}
    with pytest.raises(AttributeError):
        link.register_persistent('missing')
    # A parameter re-registered as persistent leaves the parameter set.
    with link.init_scope():
        link.w = chainer.Parameter(numpy.zeros(1, 'f'))
    link.register_persistent('w')
    assert 'w' not in link._params and 'w' in link._persistent


def test_delattr_unregisters():
    link = _make_link()
    del link.x
    del link.p
    assert 'x' not in link._params and 'p' not in link._persistent
    assert not hasattr(link, 'x')


def test_parameter_assignment_turns_persistent_into_param():
    link = chainer.Link()
    link.add_persistent('w', 1)
    with link.init_scope():
        link.w = chainer.Parameter(numpy.zeros(1, 'f'))
    assert link._params == {'w'} and link._persistent == set()


def test_count_params_warns_for_uninitialized():
    link = _make_link()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        assert link.count_params() == 8
    messages = [str(x.message) for x in w]
    assert len(messages) == 2
    assert "'/u'" in messages[0] and "'/v'" in messages[1]
    init_only = chainer.Link()
    with init_only.init_scope():
        init_only.w = chainer.Parameter(numpy.zeros((3, 4), 'f'))
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        assert init_only.count_params() == 12


def test_cleargrads_and_zerograds():
    link = _make_link()
    link.x.grad = numpy.ones((2, 3), 'f')
    link.cleargrads()
    assert link.x.grad is None and link.y.grad is None
    with pytest.warns(DeprecationWarning, match='zerograds'):
        link.zerograds()
    numpy.testing.assert_array_equal(link.x.grad, numpy.zeros((2, 3)))
    assert link.x.grad.dtype == numpy.float32
    # An uninitialized parameter gets zero gradient once initialized.
    link.u.initialize((2,))
    numpy.testing.assert_array_equal(link.u.grad, [0, 0])


def test_addgrads():
    a, b = _make_link(), _make_link()
    a.x.grad = numpy.full((2, 3), 1, 'f')
    a.y.grad = numpy.full(2, 2, 'f')
    b.x.grad = numpy.arange(6, dtype='f').reshape(2, 3)
    b.y.grad = numpy.full(2, 5, 'f')
    a.addgrads(b)
    numpy.testing.assert_array_equal(a.x.grad, 1 + numpy.arange(6).reshape(
        2, 3))
    numpy.testing.assert_array_equal(a.y.grad, [7, 7])
    numpy.testing.assert_array_equal(b.y.grad, [5, 5])


def test_copyparams_copies_params_and_persistents():
    a, b = _make_link(), _make_link()
    b.x.array[...] = 7
    b.p[...] = [5, 6]
    b.s = 9
    b.u.initialize((3,))
    p_before = a.p
    a.copyparams(b)
    numpy.testing.assert_array_equal(a.x.array, numpy.full((2, 3), 7))
    assert a.x.array is not b.x.array
    # Arrays are copied into the existing persistent; scalars replaced.
    assert a.p is p_before
    numpy.testing.assert_array_equal(a.p, [5, 6])
    assert a.s == 9
    # The uninitialized destination takes the source's shape.
    assert a.u.shape == (3,)
    numpy.testing.assert_array_equal(a.u.array, b.u.array)


def test_copyparams_without_persistent():
    a, b = _make_link(), _make_link()
    b.p[...] = [5, 6]
    b.s = 9
    a.copyparams(b, copy_persistent=False)
    numpy.testing.assert_array_equal(a.p, [1, 2])
    assert a.s == 3


def test_copyparams_deep_copies_object_persistent():
    a, b = chainer.Link(), chainer.Link()
    a.add_persistent('d', {'k': [1]})
    b.add_persistent('d', {'k': [2]})
    a.copyparams(b)
    assert a.d == {'k': [2]} and a.d is not b.d and a.d['k'] is not b.d['k']


def test_update_enable_disable():
    link = _make_link()
    assert not link.update_enabled  # no update rules yet
    link.x.update_rule = _Rule(False)
    link.y.update_rule = _Rule(False)
    assert not link.update_enabled
    link.enable_update()
    assert link.x.update_rule.enabled and link.y.update_rule.enabled
    assert link.update_enabled
    link.disable_update()
    assert not link.x.update_rule.enabled and not link.update_enabled


@pytest.mark.parametrize('mode', ['share', 'copy', 'init'])
def test_copy_modes(mode):
    link = _make_link()
    link.name = 'orig'
    link.x.grad = numpy.ones((2, 3), 'f')
    link.extra = [1, 2]
    ret = link.copy(mode)
    assert type(ret) is chainer.Link and ret is not link
    assert ret.name is None and link.name == 'orig'
    assert ret._params == link._params and ret._params is not link._params
    assert ret.x is not link.x and ret.x.name == 'x'
    if mode == 'share':
        assert ret.x.array is link.x.array
        assert ret.x.grad is None and link.x.grad is not None
        assert ret.p is link.p and ret.extra is link.extra
    else:
        assert ret.x.array is not link.x.array
        assert ret.p is not link.p and ret.extra == link.extra
        assert ret.extra is not link.extra
        numpy.testing.assert_array_equal(ret.p, link.p)
    if mode == 'init':
        # Constant(2) re-initializes to 2 (never NaN); an array-built
        # parameter (no initializer) keeps its copied values.
        numpy.testing.assert_array_equal(ret.y.array, [2, 2])
        assert ret.y.array is not link.y.array
        numpy.testing.assert_array_equal(ret.x.array, link.x.array)
    else:
        numpy.testing.assert_array_equal(ret.x.array, link.x.array)
    assert ret.u.array is None


def test_copy_init_reinitializes_random_params():
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(initializers.Normal(), (50,))
    ret = link.copy('init')
    assert ret.w.shape == (50,)
    assert not numpy.array_equal(ret.w.array, link.w.array)
    assert numpy.std(ret.w.array) > 0


def test_copy_bad_mode():
    with pytest.raises(ValueError, match="'mode'"):
        chainer.Link().copy('deep')


def test_repeat_returns_sequential():
    link = _make_link()
    seq = link.repeat(3, mode='copy')
    assert isinstance(seq, chainer.Sequential)
    assert len(seq) == 3
    assert all(isinstance(layer, chainer.Link) for layer in seq)
    assert len({id(layer) for layer in seq}) == 3
    # v5's Sequential child order: the last appended link comes second.
    assert [layer.name for layer in seq] == ['0', '2', '1']
    assert len(link.repeat(0)) == 0
    shared = link.repeat(2, mode='share')
    assert shared[0].x.array is link.x.array
    with pytest.raises(ValueError):
        link.repeat(2, mode='bad')


def test_xp_and_to_cpu():
    link = _make_link()
    assert link.xp is numpy
    assert link.to_cpu() is link
    assert isinstance(link.x.array, numpy.ndarray)
    assert link.xp is numpy


def test_to_gpu_without_cuda_raises():
    if chainer.backends.cuda.available:
        pytest.skip('CUDA is available')
    with pytest.raises(RuntimeError, match='CUDA'):
        _make_link().to_gpu()


def test_to_intel64_without_ideep_raises():
    if chainer.backends.intel64.is_ideep_available():
        pytest.skip('iDeep is available')
    with pytest.raises(RuntimeError, match='iDeep'):
        _make_link().to_intel64()


def test_call_runs_forward():
    class Doubler(chainer.Link):
        def forward(self, x, scale=1):
            return x * 2 * scale

    assert Doubler()(3, scale=2) == 12


def test_call_without_forward_raises():
    with pytest.raises(AttributeError, match='forward'):
        chainer.Link()(1)


def test_call_prefers_mixin_call():
    # v5: a __call__ from a mixin placed after Link wins over forward().
    class Mixin(object):
        def __call__(self, x):
            return ('mixin', x)

    class Mixed(chainer.Link, Mixin):
        def forward(self, x):
            return ('forward', x)

    assert Mixed()(1) == ('mixin', 1)


def test_deepcopy_and_pickle_round_trip():
    link = _make_link()
    for other in (copy.deepcopy(link), pickle.loads(pickle.dumps(link))):
        numpy.testing.assert_array_equal(other.x.array, link.x.array)
        assert other._params == link._params
        assert other._persistent == link._persistent
        assert other.u.array is None


def test_parameter_in_optimizer_style_loop():
    # A link's parameters are the Variables the graph differentiates.
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(numpy.array([1., 2., 3.]))
    x = numpy.array([4., 5., 6.])
    loss = chainer.functions.sum(link.w * x)
    link.cleargrads()
    loss.backward()
    testing.assert_allclose(link.w.grad, x)


def test_copyparams_deep_copies_persistents_unless_both_are_arrays():
    # v5 copies element-wise only when both sides are arrays.
    dst, src = chainer.Link(), chainer.Link()
    dst.add_persistent('a', None)
    src.add_persistent('a', numpy.array([1., 2.], 'f'))
    dst.add_persistent('b', numpy.array([5., 6.], 'f'))
    src.add_persistent('b', None)
    dst.add_persistent('c', numpy.zeros(2, 'f'))
    src.add_persistent('c', 7.)
    dst.copyparams(src)
    numpy.testing.assert_array_equal(dst.a, [1., 2.])
    assert dst.a is not src.a
    assert dst.b is None
    assert dst.c == 7. and not isinstance(dst.c, numpy.ndarray)
