import chainer.functions
from chainer.functions.array import _block_shuffle
from chainer.utils import type_check


class Space2Depth(_block_shuffle.BlockShuffle):

    """Moves ``r x r`` spatial blocks into channels."""

    def check_type_forward(self, in_types):
        X_type = super(Space2Depth, self).check_type_forward(in_types)
        type_check.expect(
            X_type.shape[2] % self.r == 0,
            X_type.shape[3] % self.r == 0,
        )

    def forward(self, inputs):
        X, = inputs
        r = self.r
        n, c, h, w = X.shape
        # Pixel (r a + i, r b + j) of channel k goes to channel
        # (i * r + j) * c + k at (a, b): the inverse of depth2space.
        y = X.reshape(n, c, h // r, r, w // r, r).transpose(0, 3, 5, 1, 2, 4)
        return y.reshape(n, r * r * c, h // r, w // r),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.depth2space(gy, self.r),


def space2depth(X, r):
    """Computes the space2depth transformation for subpixel calculations.

    Args:
        X (~chainer.Variable or ndarray): Variable of shape
            ``(batch, channel, dim1 * r, dim2 * r)``.
        r (int): The downscaling factor.

    Returns:
        ~chainer.Variable: The downscaled array of shape
        ``(batch, channel * r * r, dim1, dim2)``; it is the inverse of
        :func:`depth2space`. See https://arxiv.org/abs/1609.05158.

    .. admonition:: Example

        >>> X = np.arange(24).reshape(1, 1, 4, 6).astype(np.float32)
        >>> F.space2depth(X, 2).array
        array([[[[ 0.,  2.,  4.],
                 [12., 14., 16.]],
        <BLANKLINE>
                [[ 1.,  3.,  5.],
                 [13., 15., 17.]],
        <BLANKLINE>
                [[ 6.,  8., 10.],
                 [18., 20., 22.]],
        <BLANKLINE>
                [[ 7.,  9., 11.],
                 [19., 21., 23.]]]], dtype=float32)

    """
    y, = Space2Depth(r).apply((X,))
    return y
