"""Output-size arithmetic for convolution and pooling."""


def get_conv_outsize(size, k, s, p, cover_all=False, d=1):
    """Spatial output length of a convolution or pooling window.

    Args:
        size (int): Input length.
        k (int): Kernel length.
        s (int): Stride.
        p (int): Padding on each side.
        cover_all (bool): If ``True``, one more output is produced when the
            last window would otherwise miss some input elements.
        d (int): Dilation.
    """
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def get_deconv_outsize(size, k, s, p, cover_all=False, d=1):
    """Spatial output length of a transposed convolution (inverse of above)."""
    dk = (k - 1) * d + 1
    if cover_all:
        return s * (size - 1) + dk - s + 1 - 2 * p
    return s * (size - 1) + dk - 2 * p
