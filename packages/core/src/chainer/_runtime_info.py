"""``chainer.print_runtime_info``."""
import platform
import sys

import numpy

from chainer import _version
from chainer.backends import cuda
from chainer.backends import intel64


def _runtime_info():
    lines = [('Platform', platform.platform()),
             ('Chainer', _version.__version__),
             ('NumPy', numpy.__version__)]
    if cuda.available:
        lines.append(('CuPy', 'CuPy Version          : %s'
                      % cuda.cupy.__version__))
    else:
        lines.append(('CuPy', 'Not Available'))
    if intel64.is_ideep_available():
        lines.append(('iDeep', intel64.ideep.__version__))
    else:
        lines.append(('iDeep', 'Not Available'))
    return lines


def print_runtime_info(out=None):
    """Prints versions of Chainer and its backends (to stdout by default).

    Args:
        out: A file-like object; ``sys.stdout`` when ``None``.
    """
    if out is None:
        out = sys.stdout
    for key, value in _runtime_info():
        out.write('%s: %s\n' % (key, value))
    if hasattr(out, 'flush'):
        out.flush()
