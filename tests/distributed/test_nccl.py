import pytest

from chainermn import nccl


def test_import_never_fails():
    assert isinstance(nccl._available, bool)


def test_clear_error_without_nccl():
    if nccl._available:
        pytest.skip('NCCL is available here')
    with pytest.raises(RuntimeError, match='NCCL'):
        nccl.get_unique_id


def _load_with_fake_cupy_nccl(monkeypatch, module, nccl_module):
    """Runs a fresh copy of ``module``'s source with ``cupy.cuda.nccl``
    replaced by ``nccl_module``."""
    import importlib.util
    import sys
    import types
    cupy = types.ModuleType('cupy')
    cupy_cuda = types.ModuleType('cupy.cuda')
    cupy_cuda.nccl = nccl_module
    cupy.cuda = cupy_cuda
    monkeypatch.setitem(sys.modules, 'cupy', cupy)
    monkeypatch.setitem(sys.modules, 'cupy.cuda', cupy_cuda)
    monkeypatch.setitem(sys.modules, 'cupy.cuda.nccl', nccl_module)
    spec = importlib.util.spec_from_file_location(
        '_nccl_probe', module.__file__)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    return probe


def test_cupy_module_without_nccl_library_is_unavailable(monkeypatch):
    # CuPy 9+ imports cupy.cuda.nccl even when libnccl is missing and
    # sets ``available = False`` there.
    import types
    stub = types.ModuleType('cupy.cuda.nccl')
    stub.available = False
    probe = _load_with_fake_cupy_nccl(monkeypatch, nccl, stub)
    assert probe._available is False
    with pytest.raises(RuntimeError, match='NCCL'):
        probe.get_unique_id


def test_cupy_module_with_nccl_library_is_available(monkeypatch):
    import types
    lib = types.ModuleType('cupy.cuda.nccl')
    lib.available = True
    lib.get_unique_id = object()
    probe = _load_with_fake_cupy_nccl(monkeypatch, nccl, lib)
    assert probe._available is True
    assert probe.get_unique_id is lib.get_unique_id
