"""``Link.copy`` for one link (the containers add their children)."""
import collections
import copy


def check_copy_mode(mode):
    """Raises ``ValueError`` unless ``mode`` is a copy mode of v5."""
    if mode not in ('init', 'copy', 'share'):
        raise ValueError(
            "The 'mode' argument should be either 'init', 'copy', or "
            "'share'. But {!r} was given.".format(mode))


def copy_link(link, mode):
    """Copies ``link`` as :meth:`chainer.Link.copy` describes.

    ``'share'`` copies this link object shallowly with fresh Parameter
    objects sharing the arrays (Chain/ChainList then copy their children
    the same way). ``'copy'`` and ``'init'`` deep-copy the whole hierarchy
    at once, so attributes that refer to children (e.g. a list of layers)
    point at the copied children; ``'init'`` then re-initializes the
    initialized parameters.
    """
    check_copy_mode(mode)
    if mode == 'share':
        ret = copy.copy(link)
        ret._params = set(link._params)
        ret._persistent = set(link._persistent)
        if link._local_link_hooks is not None:
            ret._local_link_hooks = collections.OrderedDict(
                link._local_link_hooks)
        d = ret.__dict__
        for name in ret._params:
            param = copy.copy(d[name])
            param.grad = None  # gradients are not shared
            d[name] = param
    else:
        originals = list(link.params(include_uninit=False))
        ret = copy.deepcopy(link)
        if mode == 'init':
            copies = ret.params(include_uninit=False)
            for original, param in zip(originals, copies):
                # A parameter built from an array has no initializer; it
                # keeps the copied values. (Asked of the original: a copy
                # must not invent one.)
                if original.initializer is not None:
                    param.initialize(param.shape)
    ret.name = None
    return ret
