from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _target_points(xp, H, W, dtype):
    # Homogeneous target coordinates (x_t, y_t, 1), each row over the
    # H * W output pixels in row-major order, scaled to [-1, 1].
    ys, xs = xp.meshgrid(xp.linspace(-1, 1, H, dtype=dtype),
                         xp.linspace(-1, 1, W, dtype=dtype), indexing='ij')
    return xp.stack((xs.ravel(), ys.ravel(), xp.ones(H * W, dtype)))


def _check_kwargs(kwargs):
    """Rejects the keyword arguments of the spatial transformer functions
    (v5 removed ``use_cudnn``; none other exists)."""
    if kwargs:
        if 'use_cudnn' in kwargs:
            raise ValueError(
                'use_cudnn argument is not supported anymore. '
                'Use chainer.using_config')
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(sorted(kwargs))))


class SpatialTransformerGrid(function_node.FunctionNode):

    """Affine sampling grid: ``theta @ (x_t, y_t, 1)``."""

    def __init__(self, output_shape):
        self.output_shape = tuple(output_shape)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('theta',))
        theta_type, = in_types
        type_check.expect(
            theta_type.dtype.kind == 'f',
            theta_type.ndim == 3,
            theta_type.shape[1] == 2,
            theta_type.shape[2] == 3,
        )

    def forward(self, inputs):
        theta, = inputs
        xp = backend.get_array_module(theta)
        H, W = self.output_shape
        self._points = _target_points(xp, H, W, theta.dtype)
        return _GridLinear(self._points, self.output_shape).forward(
            (theta,))

    def backward(self, indexes, grad_outputs):
        return _GridLinearGrad(self._points, self.output_shape).apply(
            grad_outputs)


class _GridLinear(function_node.FunctionNode):

    """``theta -> (theta @ points).reshape(n, 2, H, W)``; linear."""

    def __init__(self, points, output_shape):
        self._points = points
        self.output_shape = output_shape

    def forward(self, inputs):
        theta, = inputs
        xp = backend.get_array_module(theta)
        grid = xp.matmul(theta, self._points)
        return grid.reshape((len(theta), 2) + self.output_shape),

    def backward(self, indexes, grad_outputs):
        return _GridLinearGrad(self._points, self.output_shape).apply(
            grad_outputs)


class _GridLinearGrad(function_node.FunctionNode):

    """Adjoint of _GridLinear: ``g -> g @ points.T``."""

    def __init__(self, points, output_shape):
        self._points = points
        self.output_shape = output_shape

    def forward(self, inputs):
        g, = inputs
        xp = backend.get_array_module(g)
        g = g.reshape(len(g), 2, -1)
        return xp.matmul(g, self._points.T),

    def backward(self, indexes, grad_outputs):
        return _GridLinear(self._points, self.output_shape).apply(
            grad_outputs)


def spatial_transformer_grid(theta, output_shape, **kwargs):
    """2D Spatial Transformer grid.

    Generates the coordinates of the points sampled from an image to
    perform the warping of `Spatial Transformer Networks
    <https://arxiv.org/abs/1506.02025>`_: the source point of the target
    coordinate :math:`(x^t_i, y^t_i)` is

    .. math::
        \\left(\\begin{matrix} x_i^s \\\\ y_i^s \\end{matrix}\\right) =
        \\left(\\begin{matrix} \\theta_{11} & \\theta_{12} & \\theta_{13} \\\\
        \\theta_{21} & \\theta_{22} & \\theta_{23} \\end{matrix}\\right)
        \\left(\\begin{matrix} x_i^t \\\\ y_i^t \\\\ 1 \\end{matrix}\\right)

    Args:
        theta (~chainer.Variable or ndarray): Array of shape ``(n, 2, 3)``,
            a batch of affine matrices.
        output_shape (tuple): ``(h_O, w_O)``.

    Returns:
        ~chainer.Variable: Grid of shape ``(n, 2, h_O, w_O)``. Along the
        second axis, the first element is the x coordinate and the second
        the y coordinate; coordinates are scaled to ``[-1, 1]``, with
        ``(-1, -1)`` the upper-left corner of the image.

    .. admonition:: Example

        >>> theta = np.array([[[1, 0, 0], [0, 1, 0]]], np.float32)
        >>> F.spatial_transformer_grid(theta, (2, 3)).array
        array([[[[-1.,  0.,  1.],
                 [-1.,  0.,  1.]],
        <BLANKLINE>
                [[-1., -1., -1.],
                 [ 1.,  1.,  1.]]]], dtype=float32)

    """
    _check_kwargs(kwargs)
    y, = SpatialTransformerGrid(output_shape).apply((theta,))
    return y
