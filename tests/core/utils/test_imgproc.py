import numpy

from chainer.utils import imgproc


def test_oversample():
    rng = numpy.random.RandomState(0)
    images = [rng.uniform(size=(3, 6, 7)).astype(numpy.float32)
              for _ in range(2)]
    crops = imgproc.oversample(images, (4, 3))
    assert crops.shape == (20, 3, 4, 3)
    assert crops.dtype == numpy.float32
    for n, image in enumerate(images):
        expected = [image[:, :4, :3], image[:, :4, 4:], image[:, 2:, :3],
                    image[:, 2:, 4:], image[:, 1:5, 2:5]]
        expected += [e[:, :, ::-1] for e in expected]
        numpy.testing.assert_array_equal(crops[10 * n:10 * (n + 1)],
                                         numpy.stack(expected))
