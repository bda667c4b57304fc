"""``numerical_grad`` and ``NondifferentiableError``, re-exported by
:mod:`chainer.gradient_check`.

Import them from ``chainer.gradient_check``: that is their public home, and
``__module__`` says so, so that pickles and reprs name it.
"""
import numpy

from chainer import backend
from chainer.backends import cuda
from chainer import configuration
from chainer import variable

# The least-squares quadratic through 5 equally spaced samples leaves a
# residual in the span of the discrete cubic and quartic orthogonal
# polynomials; projecting on them gives the fitting error without polyfit.
_CUBIC = (-1., 2., 0., -2., 1.)
_QUARTIC = (1., -4., 6., -4., 1.)


class NondifferentiableError(Exception):

    """Raised when a function is not differentiable at the checked point."""


def as_tuple(x):
    """Returns ``x`` as a tuple (a list converted, anything else wrapped)."""
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return x,


def _as_float64_copies(ys):
    # Copies (f may reuse its buffers) in float64 (differences of float16
    # outputs would lose most digits).
    out = []
    for y in ys:
        if isinstance(y, variable.Variable):
            y = y.array
        if y is not None:
            y = backend.get_array_module(y).array(y, dtype=numpy.float64)
        out.append(y)
    return out


def _sample_text(yss, i_out):
    labels = ('x-eps  ', 'x-eps/2', 'x      ', 'x+eps/2', 'x+eps  ')
    return ''.join('y[{}]: {}\n'.format(label, ys[i_out])
                   for label, ys in zip(labels, yss))


def _check_differentiable(xp, yss, i_in, index, x, eps, diff_atol, diff_rtol):
    """Raises NondifferentiableError from 5 samples around one point."""
    def fail(i_out, reason):
        raise NondifferentiableError(
            'Tried to compute the numeric gradient on a non-differentiable '
            'point ({}).\n\ni_in: {}\ni_out: {}\nx: {}\nindex on x: {}\n'
            'eps: {}\n{}'.format(reason, i_in, i_out, x, index, eps,
                                 _sample_text(yss, i_out)))

    outputs = [i for i, y in enumerate(yss[0]) if y is not None]
    all_finite = True
    for i_out in outputs:
        finite = [xp.isfinite(ys[i_out]) for ys in yss]
        # Finiteness changing near the point means a pole or a boundary;
        # values that are non-finite all around (log at x < 0) are fine.
        if any(bool((finite[0] != f).any()) for f in finite[1:]):
            fail(i_out, 'finiteness changes')
        all_finite = all_finite and all(bool(f.all()) for f in finite)
    if not all_finite:
        return
    for i_out in outputs:
        samples = xp.stack([ys[i_out] for ys in yss])
        flat = samples.reshape(len(yss), -1)
        cubic = xp.asarray(_CUBIC).dot(flat)
        quartic = xp.asarray(_QUARTIC).dot(flat)
        residual = xp.sqrt((cubic ** 2 / 10. + quartic ** 2 / 70.) / 5.)
        spread = flat.max(axis=0) - flat.min(axis=0)
        bad = (diff_atol + diff_rtol * spread < residual) & (spread != 0)
        if bool(bad.any()):
            fail(i_out, 'a quadratic does not fit the samples')


def _accumulate(gx, index, yss, grad_outputs, eps):
    total = 0.
    for i_out, gy in enumerate(grad_outputs):
        if gy is None or yss[0][i_out] is None:
            continue  # no output or no gradient: contributes zero
        s = [ys[i_out] for ys in yss]
        if not numpy.isscalar(gy):
            if gy.shape != s[0].shape:
                raise ValueError(
                    'shape of grad_outputs[{}] {} differs from the output '
                    'shape {}'.format(i_out, gy.shape, s[0].shape))
            gy = gy.astype(numpy.float64, copy=False)
        if len(s) == 2:
            slope = (s[1] - s[0]) / (2 * eps)
        else:  # fourth-order central difference with step eps/2
            slope = (s[0] - 8 * s[1] + 8 * s[3] - s[4]) / (6 * eps)
        total = total + (slope * gy).sum()
    gx[index] += total


def numerical_grad(f, inputs, grad_outputs, eps=1e-3,
                   detect_nondifferentiable=False, diff_atol=0,
                   diff_rtol=1e-2, center_outputs=None):
    """Computes numerical gradient by finite differences.

    Each element of each input is moved by ``-eps`` and ``+eps`` in place
    (and restored), and the gradient of ``sum(gy * f())`` is estimated by
    central differences.

    Args:
        f (callable): Function with no arguments that runs the forward
            computation on ``inputs`` and returns a tuple of arrays.
        inputs (tuple of arrays): Float arrays modified in place.
        grad_outputs (tuple of arrays): Gradients of the outputs of ``f``
            (``None`` entries count as zero).
        eps (float): Step of the finite differences.
        detect_nondifferentiable (bool): If ``True``, ``f`` is evaluated
            at 5 points per element (which also makes the estimate third
            order) and :class:`NondifferentiableError` is raised when a
            quadratic does not fit them or their finiteness differs.
        diff_atol (float): Absolute tolerance of the quadratic fit.
        diff_rtol (float): Tolerance of the fit relative to the spread of
            the sampled output values.
        center_outputs (tuple of arrays): Outputs of ``f`` at ``inputs``,
            used with ``detect_nondifferentiable`` to save one call.

    Returns:
        list: Gradient arrays with the shapes and dtypes of ``inputs``.

    >>> x = numpy.array([1., 2.])
    >>> numerical_grad(lambda: (x * x,), (x,), (numpy.ones(2),))[0]
    array([2., 4.])
    """
    if not eps > 0:
        raise ValueError('eps must be positive, got {}'.format(eps))
    inputs = tuple(inputs)
    grad_outputs = tuple(grad_outputs)
    for x in inputs:
        if x.dtype.kind != 'f':
            raise RuntimeError(
                'The dtype of input arrays must be kind of float')
    arrays = [a for a in inputs + grad_outputs if a is not None]
    gpu = any(isinstance(a, cuda.ndarray) for a in arrays)
    if gpu and any(isinstance(a, numpy.ndarray) for a in arrays):
        raise RuntimeError('Do not mix GPU and CPU arrays in '
                           '`numerical_grad`')
    xp = cuda.cupy if gpu else numpy
    grads = [xp.zeros(x.shape, numpy.float64) for x in inputs]
    if detect_nondifferentiable:
        center = _as_float64_copies(
            f() if center_outputs is None else center_outputs)
        offsets = (-1., -.5, None, .5, 1.)
    else:
        offsets = (-1., 1.)

    with configuration.using_config('type_check', False):
        for i_in, (x, gx) in enumerate(zip(inputs, grads)):
            orig_x = x.copy()
            for index in numpy.ndindex(x.shape):
                yss = []
                for offset in offsets:
                    if offset is None:
                        yss.append(center)
                        continue
                    x[index] = orig_x[index] + offset * eps
                    try:
                        yss.append(_as_float64_copies(as_tuple(f())))
                    finally:
                        x[index] = orig_x[index]
                if len(grad_outputs) > len(yss[0]):
                    raise ValueError(
                        'more grad_outputs ({}) than outputs ({})'.format(
                            len(grad_outputs), len(yss[0])))
                if detect_nondifferentiable:
                    _check_differentiable(xp, yss, i_in, index, x, eps,
                                          diff_atol, diff_rtol)
                _accumulate(gx, index, yss, grad_outputs, eps)
    return [g.astype(x.dtype, copy=False) for g, x in zip(grads, inputs)]


# Pickles store ``__module__``; v5 pickles name chainer.gradient_check.
NondifferentiableError.__module__ = 'chainer.gradient_check'
numerical_grad.__module__ = 'chainer.gradient_check'
