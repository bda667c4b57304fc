"""Warning for APIs that are still experimental."""
import warnings

import chainer


def experimental(api_name):
    """Warns that ``api_name`` is experimental.

    Call it at the start of an experimental function or constructor. It
    issues a :class:`FutureWarning` unless
    ``chainer.disable_experimental_feature_warning`` is ``True``.

    Args:
        api_name (str): Name of the API shown in the message, e.g.
            ``'chainer.functions.foo'`` or ``'Bar.baz'``.

    >>> import warnings
    >>> import chainer
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter('always')
    ...     experimental('my_api')
    >>> str(w[0].message)
    'my_api is experimental. The interface can change in the future.'
    """
    # Read at call time so users can switch it at any moment.
    if getattr(chainer, 'disable_experimental_feature_warning', False):
        return
    warnings.warn(
        '{} is experimental. The interface can change in the future.'.format(
            api_name),
        FutureWarning, stacklevel=3)
