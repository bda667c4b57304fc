"""Gradient and update-rule switches over all parameters of a link.

A base class of :class:`chainer.Link`; only ``Link`` should derive from it,
since it relies on ``Link.params`` (which covers the whole hierarchy for
``Chain`` and ``ChainList``).
"""
import warnings


class LinkGradsMixin(object):

    """Methods that act on the gradients and update rules of every param."""

    def cleargrads(self):
        """Clears all gradient arrays (sets them to ``None``)."""
        for param in self.params():
            param.cleargrad()

    def zerograds(self):
        """Fills all gradient arrays with zeros.

        .. deprecated:: v1.15
           Use :meth:`cleargrads` instead.
        """
        warnings.warn(
            'Link.zerograds is deprecated. Use Link.cleargrads instead.',
            DeprecationWarning)
        with warnings.catch_warnings():
            # One warning per call is enough; each Parameter would warn too.
            warnings.simplefilter('ignore', DeprecationWarning)
            for param in self.params():
                param.zerograd()

    def count_params(self):
        """Returns the total number of scalars in the initialized parameters.

        Uninitialized parameters are skipped with a warning.
        """
        size = 0
        for path, param in self.namedparams():
            if param.array is None:
                warnings.warn(
                    'Parameter \'{}\' has not been initialized, so the '
                    'resulting count will not include the number of '
                    'parameters in it.'.format(path))
                continue
            size += param.size
        return size

    def enable_update(self):
        """Sets ``update_rule.enabled = True`` on every parameter."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = True

    def disable_update(self):
        """Sets ``update_rule.enabled = False`` on every parameter."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = False

    @property
    def update_enabled(self):
        """True if at least one parameter has an enabled update rule."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None and rule.enabled:
                return True
        return False
