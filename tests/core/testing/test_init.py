import sys
from unittest import mock

from chainer import testing


def test_public_names():
    for name in ['assert_allclose', 'assert_warns', 'fix_random',
                 'get_trainer_with_mock_updater', 'parameterize', 'product',
                 'product_dict', 'save_and_load', 'save_and_load_hdf5',
                 'save_and_load_npz', 'unary_math_function_unittest',
                 'with_requires', 'run_module']:
        assert callable(getattr(testing, name)), name
    for name in ['gpu', 'cudnn', 'slow', 'multi_gpu']:
        assert callable(getattr(testing.attr, name)), name
    for name in ['repeat', 'repeat_with_success_at_least', 'retry']:
        assert callable(getattr(testing.condition, name)), name


def test_run_module_only_as_main():
    fake = mock.Mock()
    with mock.patch.dict(sys.modules, {'pytest': fake}):
        testing.run_module('some.module', '/x/test_a.py')
        assert not fake.main.called
        testing.run_module('__main__', '/x/test_a.py')
    fake.main.assert_called_once_with(['/x/test_a.py', '-vvs', '-x', '--pdb'])
