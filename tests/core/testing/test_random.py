import random
import unittest

import numpy
import pytest

from chainer import testing
from chainer.testing import attr


def _draw():
    return random.random(), numpy.random.uniform(size=3).tolist()


@pytest.fixture
def outside_state():
    """Puts the global generators in a known state; yields its next draw."""
    random.seed(7)
    numpy.random.seed(7)
    expected = _draw()
    random.seed(7)
    numpy.random.seed(7)
    return expected


def test_function_is_reproducible_and_restores(outside_state):
    seen = []

    @testing.fix_random()
    def test_draw():
        seen.append(_draw())
        return 'result'

    assert test_draw() == 'result'
    assert test_draw() == 'result'
    assert seen[0] == seen[1]
    # The caller's generator continues as if nothing had been drawn.
    assert _draw() == outside_state


def test_seed_differs_from_fresh_state():
    @testing.fix_random()
    def test_draw():
        return numpy.random.uniform(size=2)
    numpy.random.seed(100)  # v5 seeds numpy with 100
    expected = numpy.random.uniform(size=2)
    numpy.random.seed(1)
    numpy.testing.assert_array_equal(test_draw(), expected)


def test_restores_after_exception(outside_state):
    @testing.fix_random()
    def test_fail():
        _draw()
        raise ValueError('boom')
    with pytest.raises(ValueError):
        test_fail()
    assert _draw() == outside_state


def test_rejects_non_test_function():
    with pytest.raises(ValueError):
        testing.fix_random()(lambda: None)
    with pytest.raises(ValueError):
        testing.fix_random()(42)


@testing.fix_random()
class _Seeded(unittest.TestCase):

    __test__ = False  # driven by the test below
    draws = []

    def setUp(self):
        self.draws.append(('setUp', _draw()))

    def test_draw(self):
        self.draws.append(('test', _draw()))

    @testing.fix_random()  # nested: keeps the class-level seed sequence
    def test_nested(self):
        self.draws.append(('nested', _draw()))


def test_testcase_class(outside_state):
    _Seeded.draws = []
    for _ in range(2):
        result = unittest.TestResult()
        _Seeded('test_draw').run(result)
        assert result.wasSuccessful()
    assert _Seeded.draws[:2] == _Seeded.draws[2:]
    assert _Seeded.draws[0] != _Seeded.draws[1]
    assert _draw() == outside_state


def test_nested_scope_continues_sequence():
    _Seeded.draws = []
    _Seeded('test_draw').run(unittest.TestResult())
    _Seeded('test_nested').run(unittest.TestResult())
    assert _Seeded.draws[1][1] == _Seeded.draws[3][1]


def test_failed_setup_restores(outside_state):
    @testing.fix_random()
    class Broken(unittest.TestCase):
        def setUp(self):
            raise RuntimeError('setup failed')

        def test_nothing(self):
            pass
    result = unittest.TestResult()
    Broken('test_nothing').run(result)
    assert len(result.errors) == 1
    assert _draw() == outside_state


@testing.fix_random()
class TestPytestStyleClass(object):

    def setup_method(self, method):
        self.first = numpy.random.uniform()

    def test_setup_is_seeded(self):
        numpy.random.seed(100)
        assert self.first == numpy.random.uniform()


@testing.fix_random()
@testing.parameterize({'n': 1}, {'n': 2})
class TestOutsideParameterize(unittest.TestCase):

    def setUp(self):
        self.first = numpy.random.uniform()

    def test_inherited_setup_is_seeded(self):
        numpy.random.seed(100)
        assert self.first == numpy.random.uniform()


@attr.gpu
def test_cupy_is_seeded():
    from chainer.backends import cuda
    cupy = cuda.cupy

    @testing.fix_random()
    def test_draw():
        return cupy.random.uniform(size=4).get()
    cupy.random.seed(3)
    before = cupy.random.uniform(size=4).get()
    cupy.random.seed(3)
    first = test_draw()
    numpy.testing.assert_array_equal(first, test_draw())
    numpy.testing.assert_array_equal(
        cupy.random.uniform(size=4).get(), before)
