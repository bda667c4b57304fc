"""Base classes of serializers and deserializers.

An object takes part in serialization by defining ``serialize(serializer)``
and calling ``serializer(key, value)`` for each value to save or load, and
``serializer[name]`` to descend into a child object (a "directory").
"""


class AbstractSerializer(object):

    """Abstract base class of serializers and deserializers.

    A serializer object is a node of a hierarchy: ``serializer[name]``
    returns the node of a child, and ``serializer(key, value)`` saves or
    loads one value under the current node.
    """

    def __getitem__(self, key):
        """Returns the child serializer named ``key``.

        Args:
            key (str): Name of the child.

        Returns:
            AbstractSerializer: A serializer of the same kind.
        """
        raise NotImplementedError

    def __call__(self, key, value):
        """Saves or loads one value.

        Args:
            key (str): Name of the value.
            value: When saving, the value to write. When loading, the
                current value: an array is filled in place; for other
                types (scalars, ``None``) the loaded value is returned.

        Returns:
            The value given (saving) or the loaded value (loading). Callers
            assign it back, e.g. ``self.t = serializer('t', self.t)``.
        """
        raise NotImplementedError


class Serializer(AbstractSerializer):

    """Base class of serializers (writers)."""

    def save(self, obj):
        """Saves an object by calling its ``serialize`` method.

        Args:
            obj: An object with a ``serialize(serializer)`` method (a Link,
                an Optimizer, a Trainer, ...).
        """
        obj.serialize(self)


class Deserializer(AbstractSerializer):

    """Base class of deserializers (readers)."""

    def load(self, obj):
        """Loads an object by calling its ``serialize`` method.

        Args:
            obj: An object with a ``serialize(serializer)`` method (a Link,
                an Optimizer, a Trainer, ...).
        """
        obj.serialize(self)
