import subprocess
import sys
import types
import unittest

import pytest

from chainer import testing
from chainer.testing import parameterized


@testing.parameterize(
    {'value': 1, 'name': 'one'},
    {'value': 2, 'name': 'two'},
)
class TestGenerated(unittest.TestCase):

    def test_parameters_are_attributes(self):
        assert (self.value, self.name) in [(1, 'one'), (2, 'two')]


@testing.parameterize(*testing.product({'a': [1, 2], 'b': [10, 20]}))
class TestPytestStyle(object):

    def test_sum(self):
        assert self.a + self.b in (11, 21, 12, 22)


@testing.parameterize({'f': lambda x: x * 3})
class TestFunctionParameter(unittest.TestCase):

    def test_function_is_not_bound(self):
        assert self.f(2) == 6


def _fresh_module(monkeypatch, name='fake_param_module'):
    module = types.ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def _make_base(module_name, bases=(unittest.TestCase,), **members):
    members['__module__'] = module_name
    return type('TestBase', bases, members)


def test_module_classes_generated():
    module = sys.modules[__name__]
    assert module.TestGenerated_param_0.value == 1
    assert module.TestGenerated_param_0.name == 'one'
    assert module.TestGenerated_param_1.value == 2
    assert not hasattr(module, 'TestGenerated_param_2')
    assert TestGenerated.__test__ is False
    assert module.TestGenerated_param_0.__test__ is True
    assert issubclass(module.TestGenerated_param_1, TestGenerated)


def test_names_follow_product_order(monkeypatch):
    module = _fresh_module(monkeypatch)
    base = _make_base(module.__name__)
    params = testing.product({'y': [1, 2], 'x': ['a', 'b']})
    testing.parameterize(*params)(base)
    got = [(getattr(module, 'TestBase_param_%d' % i).x,
            getattr(module, 'TestBase_param_%d' % i).y) for i in range(4)]
    assert got == [('a', 1), ('a', 2), ('b', 1), ('b', 2)]
    assert not hasattr(module, 'TestBase_param_4')


def test_failure_message_names_parameters(monkeypatch):
    module = _fresh_module(monkeypatch)

    def test_fail(self):
        assert self.x == 0, 'x is not zero'
    base = _make_base(module.__name__, test_fail=test_fail)
    testing.parameterize({'x': 5})(base)
    case = module.TestBase_param_0('test_fail')
    with pytest.raises(AssertionError) as info:
        case.test_fail()
    text = ''.join(getattr(info.value, '__notes__', [])) + str(info.value)
    assert 'Parameterized test failed' in text
    assert 'TestBase.test_fail' in text
    assert 'x: 5' in text
    assert 'x is not zero' in str(info.value)
    assert 'parameter: {' in str(case)


def test_skip_passes_through(monkeypatch):
    module = _fresh_module(monkeypatch)

    def test_skip(self):
        self.skipTest('because')
    base = _make_base(module.__name__, test_skip=test_skip)
    testing.parameterize({'x': 1})(base)
    result = unittest.TestResult()
    module.TestBase_param_0('test_skip').run(result)
    assert result.skipped[0][1] == 'because'
    assert result.wasSuccessful()


def test_stacked_decorators_make_product(monkeypatch):
    module = _fresh_module(monkeypatch)
    base = _make_base(module.__name__)
    base = testing.parameterize({'x': 1}, {'x': 2})(base)
    testing.parameterize({'y': 'a'}, {'y': 'b'})(base)
    assert not hasattr(module, 'TestBase_param_0')
    case = module.TestBase_param_1_param_0
    assert (case.x, case.y) == (2, 'a')
    assert len([n for n in vars(module) if n.startswith('TestBase_')]) == 4


def test_rejects_non_class():
    with pytest.raises(TypeError):
        testing.parameterize({'x': 1})(lambda: None)


def test_collected_by_pytest(tmp_path):
    source = (
        'import unittest\n'
        'from chainer import testing\n'
        '@testing.parameterize({"v": 1}, {"v": 2})\n'
        'class TestA(unittest.TestCase):\n'
        '    def test_v(self):\n'
        '        assert self.v in (1, 2)\n'
        '@testing.parameterize({"v": 3})\n'
        'class TestB:\n'
        '    def test_v(self):\n'
        '        assert self.v == 3\n')
    (tmp_path / 'test_mod.py').write_text(source)
    proc = subprocess.run(
        [sys.executable, '-m', 'pytest', '-p', 'no:cacheprovider',
         '--import-mode=importlib', '-q', '-rA', 'test_mod.py'],
        cwd=str(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    passed = sorted(line.split()[1] for line in proc.stdout.splitlines()
                    if line.startswith('PASSED'))
    assert passed == ['test_mod.py::TestA_param_0::test_v',
                      'test_mod.py::TestA_param_1::test_v',
                      'test_mod.py::TestB_param_0::test_v']


class TestProduct(object):

    def test_dict_sorted_keys_last_fastest(self):
        got = testing.product({'b': [1, 2], 'a': ['x', 'y', 'z']})
        assert got == [{'a': a, 'b': b} for a in 'xyz' for b in (1, 2)]

    def test_empty_list_gives_nothing(self):
        assert testing.product({'a': [1], 'b': []}) == []

    def test_list_of_lists_merges(self):
        got = testing.product([
            [{'a': 1, 'b': 2}, {'a': 3, 'b': 4}],
            [{'c': 5}, {'c': 6}],
        ])
        assert got == [{'a': 1, 'b': 2, 'c': 5}, {'a': 1, 'b': 2, 'c': 6},
                       {'a': 3, 'b': 4, 'c': 5}, {'a': 3, 'b': 4, 'c': 6}]

    def test_mixed_forms(self):
        got = testing.product([testing.product({'x': [1, 2]}),
                               [{'y': 0}]])
        assert got == [{'x': 1, 'y': 0}, {'x': 2, 'y': 0}]

    @pytest.mark.parametrize('bad', [
        (1, 2), 'ab', [{'a': 1}], [[{'a': 1}], [3]]])
    def test_type_errors(self, bad):
        with pytest.raises(TypeError):
            testing.product(bad)

    def test_product_dict(self):
        got = testing.product_dict(
            [{'a': 1}, {'a': 2}], [{'b': 3}, {'b': 4, 'c': 5}])
        assert got == [{'a': 1, 'b': 3}, {'a': 1, 'b': 4, 'c': 5},
                       {'a': 2, 'b': 3}, {'a': 2, 'b': 4, 'c': 5}]

    def test_product_dict_later_wins(self):
        assert testing.product_dict([{'a': 1}], [{'a': 2}]) == [{'a': 2}]

    def test_module_alias(self):
        assert parameterized.product is testing.product
