"""Function hook printing the inputs of every forward and backward call."""
import sys
import warnings

from chainer import backend
from chainer import function_hook
from chainer import variable


class PrintHook(function_hook.FunctionHook):

    """Function hook that prints debug information.

    Just before the forward and backward computation of each hooked
    function, it prints the function's label and a summary (shape, dtype,
    statistics) of the input arrays, and for backward of the output
    gradients too. One ``with`` statement shows all functions involved,
    including backward computations inside the library.

    Args:
        sep: (deprecated since v4.0.0) Ignored.
        end: Character added at the end of each printed item.
        file: Output file-like object.
        flush: If True, the stream is flushed after each call.

    """

    name = 'PrintHook'

    def __init__(self, sep=None, end='\n', file=sys.stdout, flush=True):
        if sep is not None:
            warnings.warn('sep argument in chainer.function_hooks.PrintHook '
                          'is deprecated.', DeprecationWarning)
        self.sep = sep  # Kept: it was documented as an attribute.
        self.end = end
        self.file = file
        self.flush = flush

    def _print(self, msg):
        self.file.write(msg + self.end)

    def _process(self, function, in_data, out_grad=None):
        self._print('function\t{}'.format(function.label))
        self._print('input data')
        for d in in_data:
            if d is None:
                # Inputs can be released before backward (retain_inputs).
                self._print('(removed)')
                continue
            self._print(variable.Variable(d).debug_print())
        if out_grad is not None:
            self._print('output gradient')
            for g in out_grad:
                if g is None:
                    v = variable.Variable()
                else:
                    # debug_print summarizes ``grad``; the data is a dummy.
                    xp = backend.get_array_module(g)
                    v = variable.Variable(xp.zeros_like(g))
                    v.grad = g
                self._print(v.debug_print())
        if self.flush:
            self.file.flush()

    def forward_preprocess(self, function, in_data):
        self._process(function, in_data)

    def backward_preprocess(self, function, in_data, out_grad):
        self._process(function, in_data, out_grad)
