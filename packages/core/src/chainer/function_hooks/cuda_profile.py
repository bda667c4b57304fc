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
        # Older CuPy flags a build without NVTX with ``nvtx_enabled``.
        if nvtx is None or not getattr(cuda.cupy.cuda, 'nvtx_enabled', True):
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
