"""Writing a file through a temporary file and an atomic rename."""
import contextlib
import os
import secrets
import stat


def _open_temporary(directory, base):
    for _ in range(100):
        path = os.path.join(
            directory, '.{}.{}.tmp'.format(base, secrets.token_hex(4)))
        try:
            # 0o666 lets the umask decide the mode, as open(path, 'w') does.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise FileExistsError('cannot create a temporary file in %s' % directory)


def _sync_directory(directory):
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path):
    """Yields a temporary path that replaces ``path`` when the block ends.

    The temporary file lives in the directory of ``path`` (so the final
    ``os.replace`` is atomic) and is removed if the block raises: a crash or
    an error never leaves a half-written ``path``. An existing file keeps
    its permission bits.
    """
    path = os.fsdecode(path)
    directory = os.path.dirname(os.path.abspath(path))
    tmp = _open_temporary(directory, os.path.basename(path))
    try:
        yield tmp
        with open(tmp, 'rb+') as f:
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_directory(directory)
