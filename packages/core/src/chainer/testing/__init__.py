"""Utilities for testing Chainer code (``chainer.testing``)."""
from chainer.testing import array  # NOQA
from chainer.testing import attr  # NOQA
from chainer.testing import condition  # NOQA
from chainer.testing import helper  # NOQA
from chainer.testing import parameterized  # NOQA
from chainer.testing import random  # NOQA
from chainer.testing import serializer  # NOQA
from chainer.testing import training  # NOQA
from chainer.testing import unary_math_function_test  # NOQA

from chainer.testing.array import assert_allclose  # NOQA
from chainer.testing.helper import assert_warns  # NOQA
from chainer.testing.helper import with_requires  # NOQA
from chainer.testing.parameterized import parameterize  # NOQA
from chainer.testing.parameterized import product  # NOQA
from chainer.testing.parameterized import product_dict  # NOQA
from chainer.testing.random import fix_random  # NOQA
from chainer.testing.serializer import save_and_load  # NOQA
from chainer.testing.serializer import save_and_load_hdf5  # NOQA
from chainer.testing.serializer import save_and_load_npz  # NOQA
from chainer.testing.training import get_trainer_with_mock_updater  # NOQA
from chainer.testing.unary_math_function_test import (  # NOQA
    unary_math_function_unittest)


def run_module(name, file):
    """Runs the tests of a module with pytest when it is run as a script.

    Put ``testing.run_module(__name__, __file__)`` at the end of a test
    module; it does nothing when the module is imported.

    Args:
        name: ``__name__`` of the module.
        file: ``__file__`` of the module.
    """
    if name == '__main__':
        import pytest
        pytest.main([file, '-vvs', '-x', '--pdb'])
