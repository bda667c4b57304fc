"""``Hyperparameter`` and ``HyperparameterProxy``, re-exported by
:mod:`chainer.optimizer`.

Import them from ``chainer.optimizer``: that is their public home, and
``__module__`` says so, so that pickles and reprs name it.
"""


class Hyperparameter(object):

    """Set of hyperparameter entries of an optimizer.

    Entries are plain attributes. An attribute missing here is looked up in
    the parent hyperparameter, so an update rule's hyperparameter (whose
    parent is the optimizer's) only stores what it overrides.

    Args:
        parent (Hyperparameter): Parent hyperparameter, or ``None``.
    """

    def __init__(self, parent=None):
        self._parent = parent

    def __getattr__(self, name):
        # Only called for missing attributes. While unpickling or copying,
        # ``_parent`` itself is not set yet; refusing then avoids recursion.
        if '_parent' not in self.__dict__:
            raise AttributeError('_parent is not set up yet')
        parent = self._parent
        if parent is None:
            raise AttributeError(
                'Hyperparameter has no attribute %r' % name)
        return getattr(parent, name)

    def __repr__(self):
        d = self.get_dict()
        entries = ', '.join('%s=%s' % (k, d[k]) for k in sorted(d))
        return 'Hyperparameter(%s)' % entries

    @property
    def parent(self):
        """Parent hyperparameter object."""
        return self._parent

    def get_dict(self):
        """Converts the hyperparameter into a dictionary.

        Returns:
            dict: Every entry this object can refer to, its own entries
            overriding those of its ancestors.
        """
        parent = self._parent
        d = {} if parent is None else parent.get_dict()
        d.update((k, v) for k, v in self.__dict__.items() if k != '_parent')
        return d


class HyperparameterProxy(object):

    """Property that aliases an entry of ``self.hyperparam``.

    ``lr = HyperparameterProxy('lr')`` in a :class:`GradientMethod` subclass
    makes ``optimizer.lr`` read and write ``optimizer.hyperparam.lr``.

    Args:
        attr_name (str): Name of the hyperparameter entry.
    """

    def __init__(self, attr_name):
        self._attr_name = attr_name
        self.__doc__ = 'Alias to self.hyperparam.{}'.format(attr_name)

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        return getattr(obj.hyperparam, self._attr_name)

    def __set__(self, obj, value):
        setattr(obj.hyperparam, self._attr_name, value)


# Pickles store ``__module__``; v5 pickles name chainer.optimizer.
Hyperparameter.__module__ = 'chainer.optimizer'
HyperparameterProxy.__module__ = 'chainer.optimizer'
