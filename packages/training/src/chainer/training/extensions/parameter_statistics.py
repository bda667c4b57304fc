"""Extension that reports statistics of parameters and gradients."""
import numpy

from chainer import backend
from chainer import reporter
from chainer.training import extension
from chainer.training import util

_PERCENTILES = (0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87)


def _mean(x):
    return backend.get_array_module(x).mean(x)


def _std(x):
    return backend.get_array_module(x).std(x)


def _min(x):
    return backend.get_array_module(x).min(x)


def _max(x):
    return backend.get_array_module(x).max(x)


def _zeros(x):
    return backend.get_array_module(x).count_nonzero(x == 0)


def _percentile(x):
    return backend.get_array_module(x).percentile(x, _PERCENTILES)


class ParameterStatistics(extension.Extension):

    """Trainer extension to report parameter statistics.

    At each call every statistic function is applied to the flattened
    values (``'data'``) and gradients (``'grad'``) of each parameter of the
    links. The results are averaged over each interval of ``trigger`` and
    reported under keys like ``{prefix}/{link name}/l1/W/data/mean``
    (``report_key_template``); a statistic that returns several values gets
    one key per value with the suffix ``/0``, ``/1``, ...

    Args:
        links (~chainer.Link or iterable of them): Links to observe. Each
            link's ``name`` is part of the keys.
        statistics (dict): Statistic name to function (taking a 1-d array);
            :attr:`default_statistics` by default; ``None`` for none.
        report_params (bool): Report statistics of the parameter values.
        report_grads (bool): Report statistics of the gradients.
        prefix (str): Prefix of the keys.
        trigger: Interval at which the averages are reported.
        skip_nan_params (bool): If ``True``, a parameter containing NaN
            gets NaN for every statistic without computing it.
    """

    default_name = 'parameter_statistics'
    priority = extension.PRIORITY_WRITER
    # prefix ends with '/' when given; param_name starts with '/'.
    report_key_template = ('{prefix}{link_name}{param_name}/{attr_name}/'
                           '{function_name}')
    default_statistics = {
        'mean': _mean,
        'std': _std,
        'min': _min,
        'max': _max,
        'zeros': _zeros,
        'percentile': _percentile,
    }

    def __init__(self, links, statistics=default_statistics,
                 report_params=True,
                 report_grads=True, prefix=None, trigger=(1, 'epoch'),
                 skip_nan_params=False):
        if not isinstance(links, (list, tuple)):
            links = links,
        self._links = links
        if statistics is None:
            statistics = {}
        # A copy: register_statistics must not change the class default.
        self._statistics = dict(statistics)
        self._attrs = []
        if report_params:
            self._attrs.append('data')
        if report_grads:
            self._attrs.append('grad')
        self._prefix = prefix
        self._trigger = util.get_trigger(trigger)
        self._summary = reporter.DictSummary()
        self._skip_nan_params = skip_nan_params

    def __call__(self, trainer):
        statistics = {}
        prefix = self._prefix + '/' if self._prefix else ''
        for link in self._links:
            link_name = getattr(link, 'name', 'None')
            for param_name, param in link.namedparams():
                for attr_name in self._attrs:
                    array = getattr(param, attr_name)
                    if array is None:  # uninitialized, or no gradient yet
                        continue
                    values = array.ravel()
                    has_nan = self._skip_nan_params and bool(
                        backend.get_array_module(values).isnan(values).any())
                    for function_name, func in self._statistics.items():
                        value = numpy.nan if has_nan else func(values)
                        key = self.report_key_template.format(
                            prefix=prefix, link_name=link_name,
                            param_name=param_name, attr_name=attr_name,
                            function_name=function_name)
                        if getattr(value, 'size', 1) > 1:
                            for i, v in enumerate(value):
                                statistics['{}/{}'.format(key, i)] = v
                        else:
                            statistics[key] = value
        self._summary.add(statistics)
        if self._trigger(trainer):
            reporter.report(self._summary.compute_mean())
            self._summary = reporter.DictSummary()

    def register_statistics(self, name, function):
        """Registers a statistic function (taking a 1-d array)."""
        self._statistics[name] = function
