import io
import platform

import numpy

import chainer
from chainer import _runtime_info
from chainer.backends import cuda
from chainer.backends import intel64


class _FakeCupy(object):
    __version__ = '5.4.0'


def test_layout_without_cupy(monkeypatch):
    monkeypatch.setattr(cuda, 'available', False)
    monkeypatch.setattr(intel64, 'is_ideep_available', lambda: False)
    buf = io.StringIO()
    chainer.print_runtime_info(buf)
    assert buf.getvalue() == (
        'Platform: {}\nChainer: {}\nNumPy: {}\nCuPy: Not Available\n'
        'iDeep: Not Available\n'.format(
            platform.platform(), chainer.__version__, numpy.__version__))


def test_cupy_block_is_indented(monkeypatch):
    # v5 prints 'CuPy:' alone, then CuPy's report indented by two spaces.
    monkeypatch.setattr(cuda, 'available', True)
    monkeypatch.setattr(cuda, 'cupy', _FakeCupy, raising=False)
    monkeypatch.setattr(
        _runtime_info, '_cupy_lines',
        lambda: ['CuPy Version          : 5.4.0',
                 'CUDA Root             : /usr/local/cuda'])
    monkeypatch.setattr(intel64, 'is_ideep_available', lambda: False)
    lines = _runtime_info._runtime_info().splitlines()
    assert lines[3:] == ['CuPy:',
                         '  CuPy Version          : 5.4.0',
                         '  CUDA Root             : /usr/local/cuda',
                         'iDeep: Not Available']
