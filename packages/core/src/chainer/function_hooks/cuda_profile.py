"""Function hook marking each function call as an NVTX range."""
from chainer import function_hook
from chainer.backends import cuda


class CUDAProfileHook(function_hook.FunctionHook):

    """Function hook that pushes an NVTX range around each call.

    The ranges (``<label>.forward`` and ``<label>.backward``) show up in
    CUDA profilers such as nvprof and Nsight Systems.

    Raises:
        RuntimeError: If CuPy/CUDA or NVTX support is not available.

    """

    name = 'CUDAProfileHook'

    def __init__(self):
        cuda.check_cuda_available()
        try:
            from cupy.cuda import nvtx
        except ImportError:
            nvtx = None
        # CuPy 8+ says ``nvtx.available`` (its stand-in module when NVTX is
        # missing imports fine); older CuPy flags it with ``nvtx_enabled``,
        # which CuPy 8+ still answers but with a DeprecationWarning.
        ok = nvtx is not None
        if ok:
            ok = getattr(nvtx, 'available', None)
            if ok is None:
                ok = getattr(cuda.cupy.cuda, 'nvtx_enabled', True)
        if not ok:
            raise RuntimeError('nvtx is required for CUDAProfileHook')
        self._nvtx = nvtx

    def forward_preprocess(self, function, in_data):
        self._nvtx.RangePush(function.label + '.forward')

    def forward_postprocess(self, function, in_data):
        self._nvtx.RangePop()

    def backward_preprocess(self, function, in_data, out_grad):
        self._nvtx.RangePush(function.label + '.backward')

    def backward_postprocess(self, function, in_data, out_grad):
        self._nvtx.RangePop()
