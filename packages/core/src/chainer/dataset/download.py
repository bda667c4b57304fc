"""Dataset root directory and race-free download/creation caches."""
import contextlib
import hashlib
import os
import shutil
import tempfile
from urllib import request

try:
    import fcntl
except ImportError:  # Windows: os.replace alone still keeps files whole.
    fcntl = None

# Set by set_dataset_root; None means the environment variable or default.
_dataset_root = None


def get_dataset_root():
    """Gets the path to the root directory to download and cache datasets.

    It is the path given to :func:`set_dataset_root` if any, else the
    ``CHAINER_DATASET_ROOT`` environment variable, else
    ``~/.chainer/dataset``.

    Returns:
        str: The path to the dataset root directory.

    """
    if _dataset_root is not None:
        return _dataset_root
    # v5 reads this variable here rather than in chainer.configuration.
    env = os.environ.get('CHAINER_DATASET_ROOT')
    if env:
        return env
    return os.path.join(os.path.expanduser('~'), '.chainer', 'dataset')


def set_dataset_root(path):
    """Sets the root directory to download and cache datasets.

    A path set by this function takes precedence over the
    ``CHAINER_DATASET_ROOT`` environment variable.

    Args:
        path (str): Path to the new dataset root directory.

    """
    global _dataset_root
    _dataset_root = path


def get_dataset_directory(dataset_name, create_directory=True):
    """Gets the path to the directory of a given dataset.

    Args:
        dataset_name (str): Name of the dataset, joined to the dataset root.
        create_directory (bool): If True (default), the directory is created
            when it does not exist.

    Returns:
        str: Path to the dataset directory.

    """
    path = os.path.join(get_dataset_root(), dataset_name)
    if create_directory:
        os.makedirs(path, exist_ok=True)
    return path


@contextlib.contextmanager
def _file_lock(lock_path):
    # An advisory lock on a lock file serializes the check-then-rename steps
    # of concurrent processes (and threads, each opening its own file).
    with open(lock_path, 'a') as f:
        if fcntl is not None:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def cached_download(url):
    """Downloads a file and caches it.

    The file is downloaded into ``_dl_cache`` under the dataset root (see
    :func:`set_dataset_root`) unless a cache for the URL exists, in which
    case the cached path is returned without downloading. The download goes
    to a temporary file first and is renamed atomically, so concurrent
    processes never see a partial file.

    Args:
        url (str): URL to download from.

    Returns:
        str: Path to the downloaded file.

    Raises:
        OSError: If the cache directory cannot be created.

    """
    cache_root = os.path.join(get_dataset_root(), '_dl_cache')
    os.makedirs(cache_root, exist_ok=True)
    lock_path = os.path.join(cache_root, '_dl_lock')
    # The MD5 of the URL names the cache file, as in v5, so existing caches
    # are reused.
    name = hashlib.md5(url.encode('utf-8'), usedforsecurity=False)
    cache_path = os.path.join(cache_root, name.hexdigest())
    with _file_lock(lock_path):
        if os.path.exists(cache_path):
            return cache_path

    temp_root = tempfile.mkdtemp(dir=cache_root)
    try:
        temp_path = os.path.join(temp_root, 'dl')
        # v5 announces the download on stdout.
        print('Downloading from {}...'.format(url))
        request.urlretrieve(url, temp_path)
        with _file_lock(lock_path):
            os.replace(temp_path, cache_path)
    finally:
        shutil.rmtree(temp_root, ignore_errors=True)
    return cache_path


def cache_or_load_file(path, creator, loader):
    """Caches a file if it does not exist, or loads it otherwise.

    ``creator(temp_path)`` writes the file to a temporary path (whose base
    name equals that of ``path``) and returns its content; the file is then
    renamed to ``path`` atomically, so this function is safe when called by
    several threads or processes at once. If ``path`` exists,
    ``loader(path)`` is returned instead.

    Args:
        path (str): Path to save the cached file.
        creator: Function that creates the file at the given temporary path
            (where there is no file before the call) and returns the
            content.
        loader: Function that loads the cached file and returns the content.

    Returns:
        The value returned by ``creator`` or ``loader``.

    """
    if os.path.exists(path):
        return loader(path)
    root = get_dataset_root()
    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        # v5 reports this case as RuntimeError.
        raise RuntimeError('cannot create dataset directory: ' + root)
    lock_path = os.path.join(root, '_create_lock')
    with _file_lock(lock_path):
        exists = os.path.exists(path)
    if exists:
        return loader(path)

    # The temporary directory sits beside ``path`` so that the final
    # os.replace stays on one file system and is atomic.
    temp_root = tempfile.mkdtemp(dir=os.path.dirname(os.path.abspath(path)))
    try:
        temp_path = os.path.join(temp_root, os.path.basename(path))
        content = creator(temp_path)
        with _file_lock(lock_path):
            if not os.path.exists(path):
                os.replace(temp_path, path)
    finally:
        shutil.rmtree(temp_root, ignore_errors=True)
    return content
