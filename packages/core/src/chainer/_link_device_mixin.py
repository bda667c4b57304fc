"""Moving a link between host and devices, a base class of
:class:`chainer.Link`.

Only ``Link`` should derive from it: it uses ``Link``'s ``_params``,
``_persistent``, ``_cpu`` and ``_device_id`` attributes. ``Chain`` and
``ChainList`` extend these methods to their children.
"""
import numpy

from chainer import _link_device
from chainer.backends import cuda
from chainer.backends import intel64


class LinkDeviceMixin(object):

    """Array module of a link and its transfers to CPU, GPU and iDeep."""

    @property
    def xp(self):
        """Array module of this link: ``numpy`` on CPU, ``cupy`` on GPU."""
        return numpy if self._cpu else cuda.cupy

    def to_cpu(self):
        """Moves parameters and persistent values to the host.

        Other attributes are not handled; override this method to move
        them. Returns ``self``.
        """
        d = self.__dict__
        for name in self._params:
            d[name].to_cpu()
        for name in self._persistent:
            d[name] = _link_device.persistent_to_cpu(d[name])
        self._cpu = True
        self._device_id = None
        return self

    def to_gpu(self, device=None):
        """Moves parameters and persistent values to a GPU.

        Args:
            device: Device id or object; the current device if omitted.

        Returns ``self``.
        """
        cuda.check_cuda_available()
        with cuda._get_device_or_current(device):
            d = self.__dict__
            for name in self._params:
                d[name].to_gpu()
            for name in self._persistent:
                d[name] = _link_device.persistent_to_gpu(d[name])
            self._device_id = cuda.cupy.cuda.get_device_id()
        self._cpu = False
        return self

    def to_intel64(self):
        """Converts parameters and persistent values to iDeep arrays.

        Returns ``self``.
        """
        intel64.check_ideep_available()
        d = self.__dict__
        for name in self._params:
            d[name].to_intel64()
        for name in self._persistent:
            d[name] = _link_device.persistent_to_intel64(d[name])
        self._cpu = True
        self._device_id = None
        return self
