"""Collection of observed values (Reporter) and their online statistics."""
import collections
import contextlib
import copy
import json
import numbers
import threading
import warnings

import numpy

from chainer import backend
from chainer import configuration
from chainer import variable

_thread_local = threading.local()


def _get_reporters():
    # Each thread has its own stack of current reporters (v5 behaviour).
    try:
        return _thread_local.reporters
    except AttributeError:
        reporters = _thread_local.reporters = []
        return reporters


def _copy_variable(value):
    # A shallow copy gets a fresh node with no creator, so the stored value
    # does not keep the whole computational graph alive.
    if isinstance(value, variable.Variable):
        return copy.copy(value)
    return value


class Reporter(object):

    """Object to which observed values are reported.

    A reporter holds ``observation``, a mapping from value names to the
    observed values. A value reported with an observer object (registered
    beforehand by :meth:`add_observer`) is named ``observer_name/key``.

    >>> reporter = Reporter()
    >>> observer = object()
    >>> reporter.add_observer('my_observer', observer)
    >>> observation = {}
    >>> with reporter.scope(observation):
    ...     reporter.report({'x': 1}, observer)
    >>> observation
    {'my_observer/x': 1}

    Attributes:
        observation (dict): Dictionary of observed values.

    """

    def __init__(self):
        self._observer_names = {}
        self.observation = {}

    def __enter__(self):
        """Makes this reporter object current."""
        _get_reporters().append(self)

    def __exit__(self, exc_type, exc_value, traceback):
        """Recovers the previous reporter object to the current."""
        _get_reporters().pop()

    @contextlib.contextmanager
    def scope(self, observation):
        """Makes this reporter current and reports into ``observation``.

        Args:
            observation (dict): Dictionary that receives all values reported
                inside the ``with`` statement.

        """
        old = self.observation
        self.observation = observation
        self.__enter__()
        try:
            yield
        finally:
            self.__exit__(None, None, None)
            self.observation = old

    def add_observer(self, name, observer):
        """Registers an observer of values.

        Args:
            name (str): Name of the observer, used as the prefix of names of
                the values it reports.
            observer: The observer object. Observers are told apart by
                ``id(observer)``, not by equality.

        """
        self._observer_names[id(observer)] = name

    def add_observers(self, prefix, observers):
        """Registers multiple observers at once.

        Args:
            prefix (str): Prefix of each name of observers.
            observers: Iterable of ``(name, observer)`` pairs.

        """
        for name, observer in observers:
            self._observer_names[id(observer)] = prefix + name

    def report(self, values, observer=None):
        """Reports observed values.

        A :class:`~chainer.Variable` is stored as a copy cut from its graph,
        unless ``chainer.config.keep_graph_on_report`` is True.

        Args:
            values (dict): Dictionary of observed values.
            observer: Registered observer object whose name prefixes the
                keys, or ``None``.

        """
        if not getattr(configuration.config, 'keep_graph_on_report', False):
            values = {k: _copy_variable(v) for k, v in values.items()}
        if observer is None:
            self.observation.update(values)
            return
        name = self._observer_names.get(id(observer))
        if name is None:
            raise KeyError(
                'Given observer is not registered to the reporter.')
        for key, value in values.items():
            self.observation['%s/%s' % (name, key)] = value


def get_current_reporter():
    """Returns the current reporter object."""
    return _get_reporters()[-1]


def report(values, observer=None):
    """Reports observed values with the current reporter object.

    It does nothing when no reporter is current.

    Args:
        values (dict): Dictionary of observed values.
        observer: Observer object whose registered name prefixes the keys.

    """
    reporters = _get_reporters()
    if reporters:
        reporters[-1].report(values, observer)


@contextlib.contextmanager
def report_scope(observation):
    """Returns a report scope with the current reporter.

    It is ``get_current_reporter().scope(observation)`` without pushing the
    reporter again.

    Args:
        observation (dict): Dictionary that receives reported values.

    """
    current = _get_reporters()[-1]
    old = current.observation
    current.observation = observation
    try:
        yield
    finally:
        current.observation = old


def _device_scope(x):
    # Arithmetic on a cupy value must run on the device holding it.
    if backend.get_array_module(x) is numpy:
        return contextlib.nullcontext()
    return x.device


class Summary(object):

    """Online summarization of a sequence of scalars.

    Sums of values and of their squares are kept, so mean and standard
    deviation are available at any time. Values on a GPU stay there.
    """

    def __init__(self):
        self._x = 0.
        self._x2 = 0.
        # v5 starts at int 0; a float keeps our strict loader accepting
        # the non-integral ``_n`` that v5 saves after float weights.
        self._n = 0.

    def add(self, value, weight=1):
        """Adds a scalar value.

        Args:
            value: Scalar value to accumulate: a Python or NumPy scalar or a
                0-dim array (on CPU or GPU), or a Variable holding one.
            weight: Weight of the value in the mean.

        """
        if isinstance(value, variable.Variable):
            value = value.array
        if isinstance(weight, variable.Variable):
            weight = weight.array
        with _device_scope(value):
            self._x += weight * value
            self._x2 += weight * value * value
            self._n += weight

    def compute_mean(self):
        """Computes the mean."""
        with _device_scope(self._x):
            return self._x / self._n

    def make_statistics(self):
        """Computes and returns the mean and standard deviation values.

        Returns:
            tuple: Mean and standard deviation values.

        """
        x = self._x
        xp = backend.get_array_module(x)
        with _device_scope(x):
            mean = x / self._n
            var = self._x2 / self._n - mean * mean
            # v5's formula, except that a variance that rounding made
            # slightly negative (constant values) gives 0, not v5's NaN.
            return mean, xp.sqrt(xp.maximum(var, 0))

    def serialize(self, serializer):
        try:
            self._x = serializer('_x', self._x)
            self._x2 = serializer('_x2', self._x2)
            self._n = serializer('_n', self._n)
        except KeyError:
            warnings.warn('The previous statistics are not saved.')


def _is_summarizable(v):
    if isinstance(v, (numbers.Number, numpy.number, numpy.bool_)):
        return True
    # 0-dim numeric arrays on any device.
    return getattr(v, 'ndim', -1) == 0 and \
        getattr(v, 'dtype', numpy.dtype(object)).kind in 'biufc'


class DictSummary(object):

    """Online summarization of a sequence of dictionaries.

    Each key gets its own :class:`Summary`. Values that are not numeric
    scalars (strings, arrays with elements, ...) are ignored.
    """

    def __init__(self):
        self._summaries = collections.defaultdict(Summary)

    def add(self, d):
        """Adds a dictionary of scalars.

        Args:
            d (dict): Dictionary of scalars to accumulate. A value may also
                be a ``(value, weight)`` pair. Variables are unwrapped.

        """
        for key, value in d.items():
            weight = 1
            if isinstance(value, tuple):
                value, weight = value
                if isinstance(weight, variable.Variable):
                    weight = weight.array
                if not _is_summarizable(weight):
                    raise ValueError(
                        'Given weight to {} was not scalar.'.format(key))
            if isinstance(value, variable.Variable):
                value = value.array
            if _is_summarizable(value):
                self._summaries[key].add(value, weight=weight)

    def compute_mean(self):
        """Creates a dictionary of mean values."""
        return {name: s.compute_mean()
                for name, s in self._summaries.items()}

    def make_statistics(self):
        """Creates a dictionary of statistics.

        Returns:
            dict: ``name`` maps to the mean and ``name.std`` to the standard
            deviation of each key.

        """
        stats = {}
        for name, s in self._summaries.items():
            mean, std = s.make_statistics()
            stats[name] = mean
            stats[name + '.std'] = std
        return stats

    def serialize(self, serializer):
        from chainer import serializer as serializer_module
        if isinstance(serializer, serializer_module.Serializer):
            names = list(self._summaries.keys())
            serializer('_names', json.dumps(names))
            for index, name in enumerate(names):
                self._summaries[name].serialize(
                    serializer['_summaries'][str(index)])
            return
        self._summaries.clear()
        try:
            names = json.loads(serializer('_names', ''))
        except KeyError:
            warnings.warn('The names of statistics are not saved.')
            return
        for index, name in enumerate(names):
            self._summaries[name].serialize(
                serializer['_summaries'][str(index)])
