"""``chainer.print_runtime_info``."""
import platform
import sys

import numpy

from chainer import _version
from chainer.backends import cuda
from chainer.backends import intel64


def _cupy_lines():
    # v5 shows CuPy's own runtime report (cupyx.get_runtime_info), one
    # indented line per entry, under a bare 'CuPy:' heading.
    try:
        import cupyx
        report = str(cupyx.get_runtime_info())
    except Exception:
        report = 'CuPy Version          : %s' % cuda.cupy.__version__
    return report.splitlines()


def _runtime_info():
    text = ['Platform: %s\n' % platform.platform(),
            'Chainer: %s\n' % _version.__version__,
            'NumPy: %s\n' % numpy.__version__]
    if cuda.available:
        text.append('CuPy:\n')
        text.extend('  %s\n' % line for line in _cupy_lines())
    else:
        text.append('CuPy: Not Available\n')
    if intel64.is_ideep_available():
        text.append('iDeep: %s\n' % intel64.ideep.__version__)
    else:
        text.append('iDeep: Not Available\n')
    return ''.join(text)


def print_runtime_info(out=None):
    """Prints versions of Chainer and its backends (to stdout by default).

    Args:
        out: A file-like object; ``sys.stdout`` when ``None``.
    """
    if out is None:
        out = sys.stdout
    out.write(_runtime_info())
    if hasattr(out, 'flush'):
        out.flush()
