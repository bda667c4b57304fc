"""Device moves of the loss links that draw negative samples."""
import chainer


class SamplerMixin(object):

    """Moves the link's ``sampler`` (a :class:`~chainer.utils.WalkerAlias`)
    along with the link. Put the mixin before the link class."""

    def to_cpu(self):
        super(SamplerMixin, self).to_cpu()
        self.sampler.to_cpu()
        return self

    def to_gpu(self, device=None):
        super(SamplerMixin, self).to_gpu(device)
        with chainer.backends.cuda._get_device_or_current(device):
            self.sampler.to_gpu()
        return self
