import pytest

from chainer import iterators
from chainer.iterators import dali_iterator


@pytest.mark.skipif(dali_iterator._dali_available,
                    reason='NVIDIA DALI is installed')
def test_without_dali_raises_import_error():
    with pytest.raises(ImportError, match='DALI'):
        iterators.DaliIterator(object())
