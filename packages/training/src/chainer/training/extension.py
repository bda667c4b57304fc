"""Base class and decorator of trainer extensions."""
from chainer.utils import argument

#: Priority of extensions that write records to the observation.
PRIORITY_WRITER = 300
#: Priority of extensions that edit the records already reported.
PRIORITY_EDITOR = 200
#: Priority of extensions that only read the records (or do not use them).
PRIORITY_READER = 100

_INVOKE_BEFORE_TRAINING = (
    'invoke_before_training has been removed since Chainer v2.0.0. Use '
    'initializer= instead.')


class Extension(object):

    """Base class of trainer extensions.

    An extension is a callable that takes the
    :class:`~chainer.training.Trainer`. Its attributes give the defaults
    that :meth:`Trainer.extend <chainer.training.Trainer.extend>` uses when
    no explicit value is passed. Any callable can be an extension; see also
    :func:`make_extension`.

    Attributes:
        trigger: Default trigger, ``(1, 'iteration')``.
        priority: Default priority, :data:`PRIORITY_READER`.
        name: Name under which the trainer registered the extension
            (set by ``Trainer.extend``).
    """

    trigger = 1, 'iteration'
    priority = PRIORITY_READER
    name = None

    @property
    def default_name(self):
        """Default name of the extension: the class name."""
        return type(self).__name__

    def __call__(self, trainer):
        """Invokes the extension at iterations its trigger accepts.

        Args:
            trainer (~chainer.training.Trainer): The calling trainer.
        """
        raise NotImplementedError(
            'Extension implementation must override __call__.')

    def __getattr__(self, name):
        if name == 'invoke_before_training':
            raise AttributeError(_INVOKE_BEFORE_TRAINING)
        raise AttributeError('{} object has no attribute {}'.format(
            type(self).__name__, name))

    def finalize(self):
        """Called at the end of the training loop. Does nothing here."""
        pass

    def initialize(self, trainer):
        """Called before the training loop starts.

        An extension that changes the state of the trainer (for example an
        optimizer hyperparameter) sets it here, from its own serialized
        state when the trainer was resumed from a snapshot.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
        """
        pass

    def on_error(self, trainer, exc, tb):
        """Called when the training loop raises an exception.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
            exc (Exception): The exception raised.
            tb (traceback): Its traceback.
        """
        pass

    def serialize(self, serializer):
        """Serializes the extension state; nothing by default."""
        pass


def make_extension(trigger=None, default_name=None, priority=None,
                   finalizer=None, initializer=None, on_error=None,
                   **kwargs):
    """Decorator that turns a function into a trainer extension.

    It sets the attributes the trainer reads from an extension on the
    decorated function and returns it.

    Args:
        trigger: Default trigger; ``(1, 'iteration')`` if omitted.
        default_name: Default name; the function's ``__name__`` if omitted.
        priority (int): Default priority; :data:`PRIORITY_READER` if
            omitted.
        finalizer: Called without arguments at the end of training.
        initializer: Called with the trainer before the training loop.
        on_error: Called as ``on_error(trainer, exc, tb)`` when the
            training loop raises.

    >>> from chainer import training
    >>> @training.make_extension(trigger=(1, 'epoch'))
    ... def hello(trainer):
    ...     pass
    >>> hello.trigger, hello.default_name, hello.priority
    ((1, 'epoch'), 'hello', 100)

    """
    if kwargs:
        argument.check_unexpected_kwargs(
            kwargs, invoke_before_training=_INVOKE_BEFORE_TRAINING)
        argument.assert_kwargs_empty(kwargs)
    if trigger is None:
        trigger = Extension.trigger
    if priority is None:
        priority = Extension.priority

    def decorator(ext):
        ext.trigger = trigger
        ext.default_name = default_name or ext.__name__
        ext.priority = priority
        ext.finalize = finalizer
        ext.initialize = initializer
        ext.on_error = on_error
        return ext

    return decorator
