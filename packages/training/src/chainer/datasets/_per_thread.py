"""Open file handles kept per process and per thread, for datasets that
read lazily from files."""
import os
import threading


class PerThreadHandle(object):

    """Mixin giving each process and thread its own handle.

    File objects keep a read position (and zip files their own state), so
    threads must not share one, and a forked worker must not use the one of
    its parent. Subclasses call :meth:`_init_handles` in ``__init__`` and
    implement ``_open_handle()``; :meth:`_handle` opens it on first use in
    the calling process and thread. Pickling drops the handles: they are
    opened again where the dataset is unpickled.
    """

    def _init_handles(self):
        self._local = threading.local()

    def _handle(self):
        local = self._local
        if getattr(local, 'pid', None) != os.getpid():
            local.handle = self._open_handle()
            local.pid = os.getpid()
        return local.handle

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_local']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._init_handles()
