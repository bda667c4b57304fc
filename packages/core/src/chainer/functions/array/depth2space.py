import chainer.functions
from chainer.functions.array import _block_shuffle
from chainer.utils import type_check


class Depth2Space(_block_shuffle.BlockShuffle):

    """Moves blocks of channels into ``r x r`` spatial blocks."""

    def check_type_forward(self, in_types):
        X_type = super(Depth2Space, self).check_type_forward(in_types)
        type_check.expect(X_type.shape[1] % (self.r * self.r) == 0)

    def forward(self, inputs):
        X, = inputs
        r = self.r
        n, c, h, w = X.shape
        c_out = c // (r * r)
        # Channel (i * r + j) * c_out + k goes to pixel (r h + i, r w + j)
        # of output channel k.
        y = X.reshape(n, r, r, c_out, h, w).transpose(0, 3, 4, 1, 5, 2)
        return y.reshape(n, c_out, h * r, w * r),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.space2depth(gy, self.r),


def depth2space(X, r):
    """Computes the depth2space transformation for subpixel calculations.

    Args:
        X (~chainer.Variable or ndarray): Variable of shape
            ``(batch, channel * r * r, dim1, dim2)``.
        r (int): The upscaling factor.

    Returns:
        ~chainer.Variable: The upscaled array of shape
        ``(batch, channel, dim1 * r, dim2 * r)``, in which input channel
        ``(i * r + j) * channel + k`` fills the pixels at offset ``(i, j)``
        of each ``r x r`` block of output channel ``k``. See
        https://arxiv.org/abs/1609.05158.

    .. admonition:: Example

        >>> X = np.arange(24).reshape(1, 4, 2, 3).astype(np.float32)
        >>> F.depth2space(X, 2).array
        array([[[[ 0.,  6.,  1.,  7.,  2.,  8.],
                 [12., 18., 13., 19., 14., 20.],
                 [ 3.,  9.,  4., 10.,  5., 11.],
                 [15., 21., 16., 22., 17., 23.]]]], dtype=float32)

    """
    y, = Depth2Space(r).apply((X,))
    return y
