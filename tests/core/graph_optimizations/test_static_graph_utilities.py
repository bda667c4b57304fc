import doctest

import numpy
import pytest

import chainer
import chainer.functions as F
from chainer.graph_optimizations import static_graph_utilities as utils


def test_static_code_outside_static_chain_is_a_plain_call():
    calls = []

    @chainer.static_code
    def f(a, b=1):
        calls.append((a, b))
        return a + b

    assert f(2, b=3) == 5
    assert calls == [(2, 3)]
    assert f.__name__ == 'f'


def test_static_code_with_func_name():
    @chainer.static_code(func_name='my_name')
    def f():
        return 7

    assert f() == 7
    assert f._static_code_name == 'my_name'


def test_static_code_unknown_arguments_ignored():
    # v5 ignores them; we warn.
    with pytest.warns(UserWarning, match='name'):
        dec = chainer.static_code(name='x')
    assert dec(lambda: 5)() == 5
    with pytest.warns(UserWarning):
        dec = chainer.static_code(1, 2)
    assert dec(lambda: 6)() == 6


def test_is_trace_mode_only_while_recording():
    flags = []

    @chainer.static_code
    def probe():
        flags.append(utils.is_trace_mode())

    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x):
            flags.append(utils.is_trace_mode())
            probe()
            return F.identity(x)

    m = Model()
    assert not utils.is_trace_mode()
    m(numpy.ones(2))
    m(numpy.ones(2))
    # Recording: the chain and the static_code body run traced; replay runs
    # only the static_code body, untraced.
    assert flags == [True, True, False]


def test_static_code_preallocated_outputs():
    class Model(chainer.Chain):
        @chainer.static_code
        def fill(self, inputs, outputs):
            outputs[0][...] = inputs[0] * 10

        @chainer.static_graph
        def forward(self, x):
            h = F.relu(x)
            buf = self.xp.empty_like(h.array)
            self.fill(inputs=[h.array], outputs=[buf])
            return F.relu(h) + chainer.Variable(buf)

    m = Model()
    for x in (numpy.array([1.0, -2.0]), numpy.array([-3.0, 4.0])):
        # buf is baked, but the static_code writes this call's values in.
        numpy.testing.assert_allclose(m(x).array, 11 * numpy.maximum(x, 0))


def test_doctests():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    tests = finder.find(utils, 'chainer.graph_optimizations.'
                        'static_graph_utilities',
                        globs={'chainer': chainer, 'np': numpy})
    assert sum(len(t.examples) for t in tests) >= 3
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
