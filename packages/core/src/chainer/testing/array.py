"""Array comparison that accepts numpy and cupy arrays alike."""
import numpy

from chainer.backends import cuda


def _to_host_array(a):
    # Scalars and 0-dim results become arrays; GPU arrays are copied back.
    if isinstance(a, cuda.ndarray):
        return cuda.to_cpu(a)
    return numpy.asarray(a)


def _describe_mismatch(x, y):
    """Lines locating the worst element, written when shapes agree."""
    lines = []
    xx = x.reshape(-1) if x.ndim == 0 else x
    yy = y.reshape(-1) if y.ndim == 0 else y
    if xx.size == 0:
        return lines
    if xx.dtype.kind == 'c' or yy.dtype.kind == 'c':
        err = numpy.abs(xx.astype(numpy.complex128) - yy)
    else:
        # float64 avoids wrap-around for unsigned and bool dtypes.
        err = numpy.abs(xx.astype(numpy.float64) - yy.astype(numpy.float64))
    # NaN mismatches count as the largest error.
    i = tuple(int(k) for k in numpy.unravel_index(
        numpy.argmax(numpy.where(numpy.isnan(err), numpy.inf, err)),
        err.shape))
    lines.append('  i: {}'.format(i))
    lines.append('  x[i]: {}'.format(xx[i]))
    lines.append('  y[i]: {}'.format(yy[i]))
    lines.append('  err[i]: {}'.format(err[i]))
    return lines


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Asserts if some corresponding element of x and y differs too much.

    This function can handle both CPU and GPU arrays simultaneously, and
    scalars. An element passes when ``|x - y| <= atol + rtol * |y|``.

    Args:
        x: Left-hand-side array.
        y: Right-hand-side array.
        atol (float): Absolute tolerance.
        rtol (float): Relative tolerance.
        verbose (bool): If ``True``, it outputs verbose messages on error.

    Raises:
        AssertionError: Showing the maximum absolute and relative errors,
            the worst element, and both arrays.

    >>> assert_allclose(numpy.array([1.0, 2.0]), [1.0, 2.0000001])
    """
    x = _to_host_array(x)
    y = _to_host_array(y)
    try:
        numpy.testing.assert_allclose(
            x, y, atol=atol, rtol=rtol, verbose=verbose)
    except AssertionError as e:
        lines = [str(e), '', 'assert_allclose failed: ',
                 '  shape: {} {}'.format(x.shape, y.shape),
                 '  dtype: {} {}'.format(x.dtype, y.dtype)]
        if x.shape == y.shape:
            lines.extend(_describe_mismatch(x, y))
        # Print whole (small) arrays rather than numpy's summarised form.
        with numpy.printoptions(threshold=10000):
            lines.append('x: ' + numpy.array2string(x, prefix='x: '))
            lines.append('y: ' + numpy.array2string(y, prefix='y: '))
        raise AssertionError('\n'.join(lines)) from None
