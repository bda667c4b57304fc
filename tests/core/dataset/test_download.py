import hashlib
import multiprocessing
import os

import numpy
import pytest

from chainer import dataset
from chainer.dataset import download


@pytest.fixture
def root(tmp_path, monkeypatch):
    # Each test gets its own dataset root and leaves the global one alone.
    monkeypatch.setattr(download, '_dataset_root', None)
    path = str(tmp_path / 'root')
    dataset.set_dataset_root(path)
    return path


@pytest.fixture
def source(tmp_path):
    path = tmp_path / 'source.bin'
    data = bytes(range(256)) * 64
    path.write_bytes(data)
    return 'file://' + str(path), data


def test_default_root(monkeypatch):
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.delenv('CHAINER_DATASET_ROOT', raising=False)
    expected = os.path.join(os.path.expanduser('~'), '.chainer', 'dataset')
    assert dataset.get_dataset_root() == expected


def test_env_root_and_override(monkeypatch, tmp_path):
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.setenv('CHAINER_DATASET_ROOT', str(tmp_path / 'env'))
    assert dataset.get_dataset_root() == str(tmp_path / 'env')
    dataset.set_dataset_root(str(tmp_path / 'set'))
    assert dataset.get_dataset_root() == str(tmp_path / 'set')


def test_get_dataset_directory(root):
    path = dataset.get_dataset_directory('pfnet/mnist',
                                         create_directory=False)
    assert path == os.path.join(root, 'pfnet/mnist')
    assert not os.path.exists(path)
    assert dataset.get_dataset_directory('pfnet/mnist') == path
    assert os.path.isdir(path)
    # Calling again on an existing directory is fine.
    assert dataset.get_dataset_directory('pfnet/mnist') == path


def test_cached_download(root, source, capsys):
    url, data = source
    path = dataset.cached_download(url)
    expected_name = hashlib.md5(url.encode('utf-8')).hexdigest()
    assert path == os.path.join(root, '_dl_cache', expected_name)
    with open(path, 'rb') as f:
        assert f.read() == data
    # v5 prints the notice to stdout.
    assert capsys.readouterr().out == 'Downloading from {}...\n'.format(url)
    # Second call: served from the cache, even if the source is gone.
    os.remove(url[len('file://'):])
    assert dataset.cached_download(url) == path
    assert capsys.readouterr().out == ''
    # No temporary directories are left behind.
    assert sorted(os.listdir(os.path.dirname(path))) == \
        sorted(['_dl_lock', expected_name])


def test_cached_download_failure_leaves_no_file(root, tmp_path):
    url = 'file://' + str(tmp_path / 'missing.bin')
    with pytest.raises(OSError):
        dataset.cached_download(url)
    assert os.listdir(os.path.join(root, '_dl_cache')) == ['_dl_lock']


def test_cached_download_cannot_create_dir(tmp_path, monkeypatch, source):
    monkeypatch.setattr(download, '_dataset_root', None)
    blocker = tmp_path / 'file'
    blocker.write_text('x')
    dataset.set_dataset_root(str(blocker))
    with pytest.raises(OSError):
        dataset.cached_download(source[0])


def _download_worker(root, url, barrier, queue):
    download.set_dataset_root(root)
    barrier.wait()
    queue.put(download.cached_download(url))


def test_cached_download_concurrent_processes(root, source):
    url, data = source
    ctx = multiprocessing.get_context('fork')
    barrier = ctx.Barrier(2)
    queue = ctx.Queue()
    procs = [ctx.Process(target=_download_worker,
                         args=(root, url, barrier, queue))
             for _ in range(2)]
    for p in procs:
        p.start()
    paths = [queue.get(timeout=30) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert paths[0] == paths[1]
    with open(paths[0], 'rb') as f:
        assert f.read() == data
    assert len(os.listdir(os.path.dirname(paths[0]))) == 2


def _save(path, value):
    numpy.save(path, value)
    return value


def test_cache_or_load_file(root):
    os.makedirs(root)
    path = os.path.join(root, 'cache.npy')
    created = []

    def creator(temp_path):
        assert temp_path != path and not os.path.exists(temp_path)
        assert os.path.basename(temp_path) == 'cache.npy'
        created.append(temp_path)
        return _save(temp_path, numpy.arange(4))

    def loader(p):
        assert p == path
        return numpy.load(p) * 10

    out = dataset.cache_or_load_file(path, creator, loader)
    numpy.testing.assert_array_equal(out, numpy.arange(4))
    assert os.path.exists(path) and not os.path.exists(created[0])
    out = dataset.cache_or_load_file(path, creator, loader)
    numpy.testing.assert_array_equal(out, numpy.arange(4) * 10)
    assert len(created) == 1
    assert sorted(os.listdir(root)) == ['_create_lock', 'cache.npy']


def test_cache_or_load_file_creator_error(root):
    os.makedirs(root)
    path = os.path.join(root, 'x.npy')

    def creator(temp_path):
        raise RuntimeError('boom')

    with pytest.raises(RuntimeError, match='boom'):
        dataset.cache_or_load_file(path, creator, numpy.load)
    assert os.listdir(root) == ['_create_lock']


def _create_worker(root, path, barrier, queue):
    download.set_dataset_root(root)
    barrier.wait()
    out = download.cache_or_load_file(
        path, lambda p: _save(p, numpy.arange(1000)), numpy.load)
    queue.put(int(out.sum()))


def test_cache_or_load_file_concurrent_processes(root):
    os.makedirs(root)
    path = os.path.join(root, 'data.npy')
    ctx = multiprocessing.get_context('fork')
    barrier = ctx.Barrier(3)
    queue = ctx.Queue()
    procs = [ctx.Process(target=_create_worker,
                         args=(root, path, barrier, queue))
             for _ in range(3)]
    for p in procs:
        p.start()
    sums = [queue.get(timeout=30) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert sums == [499500] * 3
    numpy.testing.assert_array_equal(numpy.load(path), numpy.arange(1000))
    assert sorted(os.listdir(root)) == ['_create_lock', 'data.npy']
