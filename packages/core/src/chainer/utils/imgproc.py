"""Image test-time augmentation helper."""
import numpy


def oversample(images, crop_dims):
    """Crops each image at its four corners and center, plus mirrors.

    Args:
        images (sequence of ndarrays): Images of shape ``(C, H, W)``, all
            the same shape.
        crop_dims (pair of ints): ``(height, width)`` of the crops.

    Returns:
        numpy.ndarray: Crops of shape ``(10 * len(images), C, height,
        width)``. For each image: top-left, top-right, bottom-left,
        bottom-right and center crops, then the same five flipped
        horizontally.
    """
    channels, src_h, src_w = images[0].shape
    ch, cw = crop_dims
    if ch > src_h or cw > src_w:
        raise ValueError('crop {} is larger than the image {}'.format(
            tuple(crop_dims), (src_h, src_w)))
    h, w = src_h - ch, src_w - cw
    corners = [(0, 0), (0, w), (h, 0), (h, w), (h // 2, w // 2)]
    crops = numpy.empty((10 * len(images), channels, ch, cw),
                        dtype=images[0].dtype)
    i = 0
    for image in images:
        for top, left in corners:
            crops[i] = image[:, top:top + ch, left:left + cw]
            i += 1
        crops[i:i + 5] = crops[i - 5:i, :, :, ::-1]
        i += 5
    return crops
