import pytest

from chainermn import nccl


def test_import_never_fails():
    assert isinstance(nccl._available, bool)


def test_clear_error_without_nccl():
    if nccl._available:
        pytest.skip('NCCL is available here')
    with pytest.raises(RuntimeError, match='NCCL'):
        nccl.get_unique_id
