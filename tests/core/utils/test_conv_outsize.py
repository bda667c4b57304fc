import pytest

from chainer import utils


def _count_windows(size, k, s, p, cover_all, d):
    # Brute force over window starts 0, s, 2s, ... of the padded input.
    padded = size + 2 * p
    extent = (k - 1) * d + 1
    if not cover_all:
        # Windows that fit entirely.
        return len([i for i in range(0, padded, s) if i + extent <= padded])
    # cover_all: add windows until one reaches the end (it may hang over).
    starts = [0]
    while starts[-1] + extent < padded:
        starts.append(starts[-1] + s)
    return len(starts)


@pytest.mark.parametrize('size', [5, 7, 10])
@pytest.mark.parametrize('k', [1, 2, 3])
@pytest.mark.parametrize('s', [1, 2, 3])
@pytest.mark.parametrize('p', [0, 1])
@pytest.mark.parametrize('d', [1, 2])
@pytest.mark.parametrize('cover_all', [False, True])
def test_conv_outsize(size, k, s, p, d, cover_all):
    assert utils.get_conv_outsize(size, k, s, p, cover_all, d) == (
        _count_windows(size, k, s, p, cover_all, d))


@pytest.mark.parametrize('k, s, p, d', [
    (3, 1, 1, 1), (3, 2, 1, 1), (4, 2, 1, 1), (2, 3, 0, 2)])
def test_deconv_inverts_conv(k, s, p, d):
    for out in range(2, 6):
        size = utils.get_deconv_outsize(out, k, s, p, d=d)
        assert utils.get_conv_outsize(size, k, s, p, d=d) == out
