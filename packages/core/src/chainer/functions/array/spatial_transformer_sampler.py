import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer.functions.array import spatial_transformer_grid
from chainer.utils import type_check


def _check(x, grid):
    ok = (x.dtype.kind == 'f' and grid.dtype == x.dtype and x.ndim == 4 and
          grid.ndim == 4 and grid.shape[1] == 2 and
          grid.shape[0] == x.shape[0])
    if not ok:
        raise type_check.InvalidType(
            'x.dtype.kind == f, grid.dtype == x.dtype, x.ndim == 4, '
            'grid.ndim == 4, grid.shape[1] == 2, '
            'grid.shape[0] == x.shape[0]',
            'x: {} {}, grid: {} {}'.format(
                x.dtype, x.shape, grid.dtype, grid.shape))


def spatial_transformer_sampler(x, grid, **kwargs):
    """2D Spatial Transformer sampler.

    A differentiable bilinear image sampler: with a set of sampling points
    ``grid`` and a feature map ``x`` it produces a sampled feature map.
    Points outside the image read zeros (the image is zero padded). See
    `Spatial Transformer Networks <https://arxiv.org/abs/1506.02025>`_.

    Args:
        x (~chainer.Variable or ndarray): Input of shape ``(n, c_I, h, w)``.
        grid (~chainer.Variable or ndarray): Coordinates of shape
            ``(n, 2, h_O, w_O)``; ``grid[k, :, i, j]`` is the point sampled
            for output pixel ``(i, j)``: first the horizontal coordinate,
            then the vertical one, scaled so that ``(-1, -1)`` is the
            upper-left pixel and ``(1, 1)`` the lower-right one.

    Returns:
        ~chainer.Variable: Output feature map of shape
        ``(n, c_I, h_O, w_O)``.

    .. admonition:: Example

        >>> x = np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2)
        >>> grid = np.zeros((1, 2, 1, 1), np.float32)  # the center
        >>> F.spatial_transformer_sampler(x, grid).array
        array([[[[1.5]]]], dtype=float32)

    """
    spatial_transformer_grid._check_kwargs(kwargs)
    _check(x, grid)
    F = chainer.functions
    x = chainer.as_variable(x)
    grid = chainer.as_variable(grid)
    xp = backend.get_array_module(x.array)
    n, c, H, W = x.shape
    dtype = x.dtype.type
    # Pixel coordinates; the image is zero padded by one pixel, so indices
    # are shifted by one and clipped into the padded border.
    u = (grid[:, 0] + 1) * dtype((W - 1) / 2.)
    v = (grid[:, 1] + 1) * dtype((H - 1) / 2.)
    u0 = xp.floor(u.array)
    v0 = xp.floor(v.array)
    # Built only from differentiable functions: the weights depend on
    # grid, the gathered values on x, so both gradients (and double
    # backprop) come from the composition.
    wu1 = u - u0.astype(x.dtype)
    wv1 = v - v0.astype(x.dtype)
    wu0 = 1 - wu1
    wv0 = 1 - wv1
    x_pad = F.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)), 'constant')
    x_pad = F.transpose(x_pad, (0, 2, 3, 1))  # (n, H + 2, W + 2, c)
    batch = xp.arange(n).reshape(n, 1, 1)
    y = None
    for wv, dv in ((wv0, 0), (wv1, 1)):
        vi = (xp.clip(v0 + dv, -1, H) + 1).astype(numpy.int64)
        for wu, du in ((wu0, 0), (wu1, 1)):
            ui = (xp.clip(u0 + du, -1, W) + 1).astype(numpy.int64)
            vals = x_pad[batch, vi, ui]  # (n, h_O, w_O, c)
            w = F.broadcast_to(F.expand_dims(wv * wu, 3), vals.shape)
            term = w * vals
            y = term if y is None else y + term
    return F.transpose(y, (0, 3, 1, 2))
