"""Losses used by variational auto-encoders (composed of functions)."""
import math

import chainer
import chainer.functions
from chainer.functions.loss import _checks


def _check_shapes(**arrays):
    shapes = {name: a.shape for name, a in arrays.items()}
    if len(set(shapes.values())) != 1:
        raise ValueError('shapes must match, got %s' % ', '.join(
            '%s: %s' % item for item in sorted(shapes.items())))


def _reduce(loss, reduce):
    if reduce == 'sum':
        return chainer.functions.sum(loss)
    return loss


def gaussian_kl_divergence(mean, ln_var, reduce='sum'):
    """KL divergence of a diagonal Gaussian from the standard Gaussian.

    With :math:`\\sigma^2 = \\exp(\\text{ln\\_var})` each element
    contributes :math:`\\frac{1}{2}(\\mu^2 + \\sigma^2 - \\log\\sigma^2 - 1)`.

    Args:
        mean (~chainer.Variable or ndarray): Means :math:`\\mu`.
        ln_var (~chainer.Variable or ndarray): Log variances, shape of
            ``mean``.
        reduce (str): ``'sum'`` (scalar) or ``'no'`` (elementwise).

    Returns:
        ~chainer.Variable: The divergence.
    """
    _checks.check_reduce(reduce, 'sum')
    mean = chainer.as_variable(mean)
    ln_var = chainer.as_variable(ln_var)
    _check_shapes(mean=mean, ln_var=ln_var)
    var = chainer.functions.exp(ln_var)
    loss = (mean * mean + var - ln_var - 1) * 0.5
    return _reduce(loss, reduce)


def bernoulli_nll(x, y, reduce='sum'):
    """Negative log-likelihood of Bernoulli distributions.

    ``y`` holds the logits (pre-sigmoid values) of the distributions and
    ``x`` the observed values; each element contributes
    :math:`\\log(1 + e^y) - x y`.

    Args:
        x (~chainer.Variable or ndarray): Observations (in ``[0, 1]``).
        y (~chainer.Variable or ndarray): Logits, shape of ``x``.
        reduce (str): ``'sum'`` (scalar) or ``'no'`` (elementwise).

    Returns:
        ~chainer.Variable: The negative log-likelihood.
    """
    _checks.check_reduce(reduce, 'sum')
    x = chainer.as_variable(x)
    y = chainer.as_variable(y)
    _check_shapes(x=x, y=y)
    loss = chainer.functions.softplus(y) - x * y
    return _reduce(loss, reduce)


def gaussian_nll(x, mean, ln_var, reduce='sum'):
    """Negative log-likelihood of diagonal Gaussian distributions.

    Each element contributes
    :math:`\\frac{1}{2}\\left(\\log 2\\pi + \\text{ln\\_var}
    + (x - \\mu)^2 e^{-\\text{ln\\_var}}\\right)`.

    Args:
        x (~chainer.Variable or ndarray): Observations.
        mean (~chainer.Variable or ndarray): Means, shape of ``x``.
        ln_var (~chainer.Variable or ndarray): Log variances, shape of
            ``x``.
        reduce (str): ``'sum'`` (scalar) or ``'no'`` (elementwise).

    Returns:
        ~chainer.Variable: The negative log-likelihood.
    """
    _checks.check_reduce(reduce, 'sum')
    x, mean, ln_var = (chainer.as_variable(a) for a in (x, mean, ln_var))
    _check_shapes(x=x, mean=mean, ln_var=ln_var)
    diff = x - mean
    precision = chainer.functions.exp(-ln_var)
    loss = (ln_var + math.log(2 * math.pi)) * 0.5 \
        + diff * diff * precision * 0.5
    return _reduce(loss, reduce)
