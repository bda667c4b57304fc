"""Region of interest max pooling (Fast R-CNN)."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import type_check


def scatter_add(xp, a, index, values):
    """a[index] += values with repeated indices accumulating."""
    if xp is numpy:
        numpy.add.at(a, index, values)
    else:
        import cupyx
        cupyx.scatter_add(a, index, values)


def _bins(xp, start, length, n_out, size):
    """Integer [lo, hi) of each bin, (R, n_out), clipped to the image."""
    step = length / n_out
    p = xp.arange(n_out, dtype=numpy.float64)
    lo = xp.floor(p[None] * step[:, None]).astype(numpy.int64)
    hi = xp.ceil((p[None] + 1) * step[:, None]).astype(numpy.int64)
    lo = xp.clip(lo + start[:, None], 0, size)
    hi = xp.clip(hi + start[:, None], 0, size)
    return lo, hi


def _positions(xp, lo, hi, size):
    """Cell indices (R, n_out, K) of each bin, with a validity mask."""
    k = max(int((hi - lo).max()), 1) if lo.size else 1
    pos = lo[..., None] + xp.arange(k)
    valid = pos < hi[..., None]
    return xp.minimum(pos, size - 1), valid


class ROIPooling2D(function_node.FunctionNode):

    """Max pooling of each region into an (outh, outw) grid."""

    def __init__(self, outh, outw, spatial_scale):
        self.outh, self.outw = outh, outw
        self.spatial_scale = spatial_scale

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, roi_type = in_types
        _common.argname((x_type, roi_type), ('x', 'rois'))
        type_check.expect(
            x_type.dtype.kind == 'f', x_type.ndim == 4,
            roi_type.dtype.kind == 'f', roi_type.ndim == 2,
            roi_type.shape[1] == 5,
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        x, rois = inputs
        xp = backend.get_array_module(x)
        self._x_shape = x.shape
        n, c, h, w = x.shape
        batch = rois[:, 0].astype(numpy.int64)
        # v5 rounds half to even on the CPU (numpy.round).
        box = xp.round(rois[:, 1:].astype(numpy.float64) *
                       self.spatial_scale).astype(numpy.int64)
        x0, y0, x1, y1 = box[:, 0], box[:, 1], box[:, 2], box[:, 3]
        rw = xp.maximum(x1 - x0 + 1, 1).astype(numpy.float64)
        rh = xp.maximum(y1 - y0 + 1, 1).astype(numpy.float64)
        hlo, hhi = _bins(xp, y0, rh, self.outh, h)
        wlo, whi = _bins(xp, x0, rw, self.outw, w)
        hpos, hval = _positions(xp, hlo, hhi, h)   # (R, outh, Kh)
        wpos, wval = _positions(xp, wlo, whi, w)   # (R, outw, Kw)
        xt = x.transpose(0, 2, 3, 1)
        # (R, outh, Kh, outw, Kw, C)
        vals = xt[batch[:, None, None, None, None],
                  hpos[:, :, :, None, None], wpos[:, None, None, :, :]]
        valid = hval[:, :, :, None, None] & wval[:, None, None, :, :]
        vals = xp.where(valid[..., None], vals, -xp.inf)
        r, oh, kh, ow, kw, _ = vals.shape
        vals = vals.transpose(0, 5, 1, 3, 2, 4).reshape(r, c, oh, ow, -1)
        arg = vals.argmax(axis=-1)
        y = xp.take_along_axis(vals, arg[..., None], -1)[..., 0]
        empty = ~xp.isfinite(y) & (y < 0)
        ai, aj = arg // kw, arg % kw
        rr = xp.arange(r)[:, None, None, None]
        hh = hpos[rr, xp.arange(oh)[None, None, :, None], ai]
        ww = wpos[rr, xp.arange(ow)[None, None, None, :], aj]
        self.argmax_data = xp.where(empty, -1, hh * w + ww)
        y = xp.where(empty, 0, y)
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        rois, = self.get_retained_inputs()
        gx, = ROIPooling2DGrad(self).apply((rois,) + tuple(grad_outputs))
        return [gx if i == 0 else None for i in indexes]


class ROIPooling2DGrad(function_node.FunctionNode):

    """Routes gy to the argmax cell of each region bin."""

    def __init__(self, pool):
        self.pool = pool

    def forward(self, inputs):
        rois, gy = inputs
        xp = backend.get_array_module(gy)
        n, c, h, w = self.pool._x_shape
        arg = self.pool.argmax_data
        batch = rois[:, 0].astype(numpy.int64)
        gx = xp.zeros((n, c, h * w), gy.dtype)
        keep = arg >= 0
        bi = xp.broadcast_to(batch[:, None, None, None], arg.shape)[keep]
        ci = xp.broadcast_to(xp.arange(c)[None, :, None, None],
                             arg.shape)[keep]
        scatter_add(xp, gx, (bi, ci, arg[keep]), gy[keep])
        return gx.reshape(n, c, h, w),

    def backward(self, indexes, grad_outputs):
        raise NotImplementedError(
            'double backpropagation of roi_pooling_2d is not supported')


def roi_pooling_2d(x, rois, outh, outw, spatial_scale):
    """Spatial Region of Interest (ROI) pooling function.

    Each region ``(batch_index, x_min, y_min, x_max, y_max)`` of ``rois``
    (in input-image coordinates, scaled by ``spatial_scale`` and rounded)
    is split into an ``outh`` x ``outw`` grid and each cell is max-pooled.

    Args:
        x (~chainer.Variable or ndarray): Feature map :math:`(n, c, h, w)`.
        rois (~chainer.Variable or ndarray): Regions, :math:`(R, 5)`.
        outh (int): Output height.
        outw (int): Output width.
        spatial_scale (float): Scale from image to feature-map coordinates.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, outh, outw)`.
    """
    y, = ROIPooling2D(outh, outw, spatial_scale).apply((x, rois))
    return y
