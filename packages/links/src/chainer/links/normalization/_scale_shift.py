"""Base of the normalization links with a lazily shaped ``gamma``/``beta``.
"""
from chainer import initializers
from chainer import link
from chainer import variable


class ScaleShiftLink(link.Link):

    """A link holding the scale ``gamma`` and the shift ``beta`` of a
    normalization, both of shape ``size``.

    With ``size=None`` they are shaped by ``_initialize_params`` on the
    first input.
    """

    def _add_scale_shift(self, size, initial_gamma, initial_beta):
        # v5's defaults: gamma one, beta zero.
        if initial_gamma is None:
            initial_gamma = 1
        if initial_beta is None:
            initial_beta = 0
        with self.init_scope():
            self.gamma = variable.Parameter(
                initializers._get_initializer(initial_gamma))
            self.beta = variable.Parameter(
                initializers._get_initializer(initial_beta))
            if size is not None:
                self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)
