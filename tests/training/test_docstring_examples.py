"""Runs the ``>>>`` examples in the docstrings of chainer-training."""
import doctest
import importlib
import pkgutil

import pytest


def _modules():
    names = []
    for package in ('chainer.training', 'chainer.iterators',
                    'chainer.datasets'):
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + '.'):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize('name', _modules())
def test_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
