import io
import subprocess
import sys

import pytest

import chainer


def test_version():
    assert chainer.__version__.startswith('5.')


def test_lazy_top_level_names():
    assert chainer.Reporter is chainer.reporter.Reporter
    assert chainer.Initializer is chainer.initializer.Initializer


def test_cuda_alias():
    import chainer.cuda
    assert chainer.cuda is chainer.backends.cuda


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        chainer.no_such_thing


def test_missing_sibling_message():
    # Hide the sibling subpackage and check the error names the distribution.
    code = (
        'import sys, importlib.abc\n'
        'class Block(importlib.abc.MetaPathFinder):\n'
        '    def find_spec(self, name, path, target=None):\n'
        '        if name == "chainer.links":\n'
        '            raise ModuleNotFoundError("blocked", name=name)\n'
        'sys.meta_path.insert(0, Block())\n'
        'import chainer\n'
        'try:\n'
        '    chainer.links\n'
        'except AttributeError as e:\n'
        '    print(e)\n')
    out = subprocess.check_output([sys.executable, '-c', code]).decode()
    assert 'chainer-links' in out


def test_print_runtime_info():
    buf = io.StringIO()
    chainer.print_runtime_info(buf)
    text = buf.getvalue()
    assert 'Chainer: ' + chainer.__version__ in text
    assert 'NumPy: ' in text and 'CuPy: ' in text


def test_experimental_flag_default():
    assert chainer.disable_experimental_feature_warning is False
