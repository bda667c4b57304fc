"""RoIAlign with average pooling (Mask R-CNN)."""
import math

import numpy

from chainer import backend
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import type_check


def _pair(v, name):
    if isinstance(v, (tuple, list)):
        if len(v) != 2:
            raise ValueError('%s must be an int or a pair, got %r'
                             % (name, v))
        return int(v[0]), int(v[1])
    return int(v), int(v)


def _interp_matrix(start, bin_size, n_out, grid, size):
    """(n_out, size) matrix averaging the bilinear samples of each bin.

    Sample ``i`` of bin ``p`` is at ``start + (p + (i + .5) / grid) *
    bin_size``.  Samples outside ``[-1, size]`` count as zero; others are
    clamped into the image and split between two neighbouring cells.
    Bilinear sampling is separable, so the 2-D average is
    ``A_y @ x @ A_x^T``.
    """
    p = numpy.arange(n_out)[:, None]
    i = numpy.arange(grid)[None, :]
    c = start + p * bin_size + (i + .5) * bin_size / grid
    valid = (c >= -1) & (c <= size)
    c = numpy.maximum(c, 0)
    low = numpy.floor(c).astype(numpy.int64)
    end = low >= size - 1
    low = numpy.where(end, size - 1, low)
    high = numpy.where(end, size - 1, low + 1)
    frac = numpy.where(end, 0., c - low)
    A = numpy.zeros((n_out, size))
    rows = numpy.broadcast_to(p, c.shape)
    numpy.add.at(A, (rows, low), (1 - frac) * valid)
    numpy.add.at(A, (rows, high), frac * valid)
    return A / grid


class ROIAverageAlign2D(function_node.FunctionNode):

    """Average of bilinear samples in each bin of each region."""

    def __init__(self, outsize, spatial_scale, sampling_ratio=None):
        self.outh, self.outw = _pair(outsize, 'outsize')
        if self.outh <= 0 or self.outw <= 0:
            raise ValueError('outsize must be positive: %r' % (outsize,))
        self.spatial_scale = float(spatial_scale)
        self.sampling_ratio = (None if sampling_ratio is None else
                               _pair(sampling_ratio, 'sampling_ratio'))

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, roi_type, idx_type = in_types
        _common.argname(in_types, ('x', 'rois', 'roi_indices'))
        type_check.expect(
            x_type.dtype.kind == 'f', x_type.ndim == 4,
            roi_type.dtype.kind == 'f', roi_type.ndim == 2,
            roi_type.shape[1] == 4,
            idx_type.dtype.kind == 'i', idx_type.ndim == 1,
            roi_type.shape[0] == idx_type.shape[0],
        )

    def _matrices(self, rois, h, w):
        mats = []
        for y0, x0, y1, x1 in numpy.asarray(rois, numpy.float64):
            y0, x0, y1, x1 = (v * self.spatial_scale for v in (y0, x0, y1,
                                                              x1))
            rh, rw = max(y1 - y0, 1.), max(x1 - x0, 1.)
            if self.sampling_ratio is None:
                gh = int(math.ceil(rh / self.outh))
                gw = int(math.ceil(rw / self.outw))
            else:
                gh, gw = self.sampling_ratio
            mats.append((
                _interp_matrix(y0, rh / self.outh, self.outh, max(gh, 1), h),
                _interp_matrix(x0, rw / self.outw, self.outw, max(gw, 1),
                               w)))
        return mats

    def forward(self, inputs):
        self.retain_inputs((1, 2))
        x, rois, idx = inputs
        xp = backend.get_array_module(x)
        self._x_shape = x.shape
        self._mats = [(xp.asarray(a, x.dtype), xp.asarray(b, x.dtype))
                      for a, b in self._matrices(_host(rois), *x.shape[2:])]
        self._idx = [int(i) for i in _host(idx)]
        y = xp.empty((len(self._idx), x.shape[1], self.outh, self.outw),
                     x.dtype)
        for r, (b, (ay, ax)) in enumerate(zip(self._idx, self._mats)):
            y[r] = xp.matmul(xp.matmul(ay, x[b]), ax.T)
        return y,

    def backward(self, indexes, grad_outputs):
        gx, = ROIAverageAlign2DGrad(self).apply(grad_outputs)
        return [gx if i == 0 else None for i in indexes]


class ROIAverageAlign2DGrad(function_node.FunctionNode):

    """Adjoint of :class:`ROIAverageAlign2D` (linear, so its own
    gradient is the pooling again)."""

    def __init__(self, pool):
        self.pool = pool

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        p = self.pool
        gx = xp.zeros(p._x_shape, gy.dtype)
        for r, (b, (ay, ax)) in enumerate(zip(p._idx, p._mats)):
            gx[b] += xp.matmul(xp.matmul(ay.T, gy[r]), ax)
        return gx,

    def backward(self, indexes, grad_outputs):
        return _ApplyAlign(self.pool).apply(grad_outputs)


class _ApplyAlign(function_node.FunctionNode):

    """The forward map of a finished pooling applied to another input."""

    def __init__(self, pool):
        self.pool = pool

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        p = self.pool
        y = xp.empty((len(p._idx), x.shape[1], p.outh, p.outw), x.dtype)
        for r, (b, (ay, ax)) in enumerate(zip(p._idx, p._mats)):
            y[r] = xp.matmul(xp.matmul(ay, x[b]), ax.T)
        return y,

    def backward(self, indexes, grad_outputs):
        return ROIAverageAlign2DGrad(self.pool).apply(grad_outputs)


def _host(a):
    from chainer.backends import cuda
    return cuda.to_cpu(a)


def roi_average_align_2d(x, rois, roi_indices, outsize, spatial_scale,
                         sampling_ratio=None):
    """Spatial Region of Interest (ROI) average align function.

    Each region ``(y_min, x_min, y_max, x_max)`` (scaled by
    ``spatial_scale``, not rounded) is split into ``outsize`` bins; each
    bin is the mean of ``sampling_ratio`` (default: ``ceil(bin size)``)
    bilinear samples per axis.

    Args:
        x (~chainer.Variable or ndarray): Feature map :math:`(n, c, h, w)`.
        rois (~chainer.Variable or ndarray): Regions, :math:`(R, 4)`.
        roi_indices (~chainer.Variable or ndarray): Batch index of each
            region, integer :math:`(R,)`.
        outsize (int or pair of ints): Output size ``(outh, outw)``.
        spatial_scale (float): Scale from image to feature-map coordinates.
        sampling_ratio (None, int or pair of ints): Samples per bin and
            axis.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, outh, outw)`.
    """
    y, = ROIAverageAlign2D(outsize, spatial_scale, sampling_ratio).apply(
        (x, rois, roi_indices))
    return y
