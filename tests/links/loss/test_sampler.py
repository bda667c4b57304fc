"""The sampler of BlackOut and NegativeSampling moves with the link."""
import numpy
import pytest

from chainer import links
from chainer.testing import attr


def _make(cls):
    return cls(3, [1, 2, 3], 2)


@pytest.mark.parametrize('cls', [links.BlackOut, links.NegativeSampling])
def test_to_cpu(cls):
    link = _make(cls)
    # Marked as on a GPU (its arrays are numpy ones, which to_cpu keeps):
    # to_cpu must hand the sampler back.
    link.sampler.use_gpu = True
    assert link.to_cpu() is link
    assert not link.sampler.use_gpu
    assert isinstance(link.sampler.sample((4,)), numpy.ndarray)


@attr.gpu
@pytest.mark.parametrize('cls', [links.BlackOut, links.NegativeSampling])
def test_to_gpu_and_back(cls):
    link = _make(cls)
    assert link.to_gpu() is link
    assert link.sampler.use_gpu
    assert not isinstance(link.sampler.sample((4,)), numpy.ndarray)
    link.to_cpu()
    assert not link.sampler.use_gpu
    assert isinstance(link.W.array, numpy.ndarray)
