"""Layer normalization: standardize each sample over its features."""
import chainer.functions
from chainer import backend
from chainer.functions.normalization import _bn_common
from chainer.utils import type_check


def _check(x, gamma, beta):
    # Checked here because the work is done by other functions whose
    # messages would not name these arguments.
    if x.ndim != 2:
        raise type_check.InvalidType(
            'x.ndim == 2', 'x.ndim == %d' % x.ndim,
            'layer_normalization expects x of shape (batch, features)')
    _bn_common.check_affine(x, x.shape[1:], gamma, beta)
    if x.dtype.kind != 'f':
        raise type_check.InvalidType("x.dtype.kind == 'f'",
                                     'x.dtype == %s' % x.dtype)


def layer_normalization(x, gamma, beta, eps=1e-05):
    """Layer normalization.

    Each row of ``x`` is normalized with its own mean and (biased)
    variance, then scaled by ``gamma`` and shifted by ``beta``:

    .. math:: y_{ij} = \\gamma_j \\frac{x_{ij} - \\mu_i}
              {\\sqrt{\\sigma_i^2 + \\epsilon}} + \\beta_j

    Args:
        x (~chainer.Variable or ndarray): Float input of shape
            ``(batch, features)``.
        gamma (~chainer.Variable or ndarray): Scale of shape
            ``(features,)``.
        beta (~chainer.Variable or ndarray): Shift of shape ``(features,)``.
        eps (float): Added to the variance.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    See: `Layer Normalization <https://arxiv.org/abs/1607.06450>`_
    """
    F = chainer.functions
    x, gamma, beta = (chainer.as_variable(a) for a in (x, gamma, beta))
    _check(x, gamma, beta)
    xp = backend.get_array_module(x.array)
    # Per-row statistics are batch normalization over axis 1 with a unit
    # affine; it brings the fused first and second derivatives along.
    n = x.shape[0]
    x_hat = F.batch_normalization(
        x, xp.ones(n, x.dtype), xp.zeros(n, x.dtype), eps=eps, axis=(1,))
    return _bn_common.scale_shift(x_hat, gamma, beta, (1, x.shape[1]))
