from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


class FFT(function_node.FunctionNode):

    """DFT or inverse DFT over the last axis of (real, imag) pairs."""

    def __init__(self, method):
        self._method = method  # 'fft' or 'ifft'

    @property
    def label(self):
        return self._method

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('real', 'imag'),
                                    same_shape=True)
        type_check.expect(in_types[0].ndim > 0)

    def forward(self, inputs):
        real, imag = inputs
        xp = backend.get_array_module(real)
        x = real + 1j * imag
        y = getattr(xp.fft, self._method)(x)
        dtype = real.dtype
        return (utils.force_array(y.real, dtype),
                utils.force_array(y.imag, dtype))

    def backward(self, indexes, grad_outputs):
        gr, gi = grad_outputs
        # A missing output gradient means zero.
        if gr is None:
            gr = _zeros_like(gi)
        if gi is None:
            gi = _zeros_like(gr)
        n = gr.shape[-1]
        # The DFT matrix W is symmetric, so the gradient is conj(W) g:
        # n * ifft(g) for fft and fft(g) / n for ifft.
        if self._method == 'fft':
            gxr, gxi = FFT('ifft').apply((gr, gi))
            scale = float(n)
        else:
            gxr, gxi = FFT('fft').apply((gr, gi))
            scale = 1.0 / n if n else 1.0
        return gxr * scale, gxi * scale


def _zeros_like(v):
    xp = backend.get_array_module(v.array)
    return xp.zeros_like(v.array)


def fft(x):
    """Fast Fourier transform over the last axis.

    Args:
        x (tuple): ``(real, imag)``: two :class:`~chainer.Variable` or
            :ref:`ndarray` of the same float dtype and shape holding the
            real and imaginary parts of the input.

    Returns:
        tuple: ``(ry, ri)``, the real and imaginary parts of the result.

    .. note:: The input is a tuple because complex arrays are not supported.
    """
    real, imag = x
    return FFT('fft').apply((real, imag))


def ifft(x):
    """Inverse fast Fourier transform over the last axis.

    Args:
        x (tuple): ``(real, imag)``: two :class:`~chainer.Variable` or
            :ref:`ndarray` of the same float dtype and shape holding the
            real and imaginary parts of the input.

    Returns:
        tuple: ``(ry, ri)``, the real and imaginary parts of the result.

    .. note:: The input is a tuple because complex arrays are not supported.
    """
    real, imag = x
    return FFT('ifft').apply((real, imag))
