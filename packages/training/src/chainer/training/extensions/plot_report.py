"""Extension that plots reported values against iterations or epochs."""
import json
import os

import numpy

from chainer import reporter
from chainer import serializer as serializer_module
from chainer.training import extension
from chainer.training.extensions import _plot
from chainer.training.extensions import log_report
from chainer.training import util


class PlotReport(extension.Extension):

    """Trainer extension to output plots.

    It accumulates the observed values of ``y_keys`` like
    :class:`LogReport`; each time ``trigger`` fires it appends their means
    to the plotted data and saves a line plot of every key against
    ``x_key`` to ``out/file_name``. It needs matplotlib: without it a
    warning is issued and nothing is plotted (see :meth:`available`). The
    figure is rendered with the Agg backend, so no display is needed.

    Args:
        y_keys (str or iterable of str): Keys of the plotted values.
        x_key (str): ``'iteration'`` (default), ``'epoch'`` or a key of an
            observed value.
        trigger: When to add a point and save the figure.
        postprocess: Called as ``postprocess(figure, axes, summary)`` before
            the figure is saved.
        file_name (str): Name of the image file under the output
            directory, used as it is (not formatted).
        marker (str): Marker of the points; ``None`` for none.
        grid (bool): Draw the grid.
    """

    def __init__(self, y_keys, x_key='iteration', trigger=(1, 'epoch'),
                 postprocess=None, file_name='plot.png', marker='x',
                 grid=True):
        _plot.available()
        self._x_key = x_key
        if isinstance(y_keys, str):
            y_keys = (y_keys,)
        self._y_keys = y_keys
        self._trigger = util.get_trigger(trigger)
        self._file_name = file_name
        self._marker = marker
        self._grid = grid
        self._postprocess = postprocess
        self._summary = reporter.DictSummary()
        self._data = {k: [] for k in y_keys}

    @staticmethod
    def available():
        """Returns ``True`` if matplotlib is installed (warns if not)."""
        return _plot.available()

    def __call__(self, trainer):
        if not _plot._available:
            return
        observation = trainer.observation
        self._summary.add({k: observation[k] for k in self._y_keys
                           if k in observation})
        if self._x_key in observation:
            self._summary.add({self._x_key: observation[self._x_key]})
        if not self._trigger(trainer):
            return

        stats = {name: float(value)
                 for name, value in self._summary.compute_mean().items()}
        stats['epoch'] = trainer.updater.epoch
        stats['iteration'] = trainer.updater.iteration
        summary = self._summary
        self._summary = reporter.DictSummary()
        if self._x_key not in stats:
            return
        x = stats[self._x_key]
        for k in self._y_keys:
            if k in stats:
                self._data[k].append((x, stats[k]))
        self._save(trainer, summary)

    def _save(self, trainer, summary):
        fig = _plot.new_figure()
        axes = fig.add_subplot(111)
        axes.set_xlabel(self._x_key)
        if self._grid:
            axes.grid()
        for k in self._y_keys:
            points = self._data[k]
            if points:
                xy = numpy.array(points)
                axes.plot(xy[:, 0], xy[:, 1], marker=self._marker, label=k)
        if not axes.has_data():
            return
        if self._postprocess is not None:
            self._postprocess(fig, axes, summary)
        legend = axes.legend(bbox_to_anchor=(1.05, 1), loc=2,
                             borderaxespad=0.)
        # v5's docstring calls file_name a format string, but its code
        # uses it as it is; so do we.
        name = self._file_name
        ext = os.path.splitext(name)[1][1:] or 'png'
        log_report.write_atomically(
            trainer.out, name,
            lambda path: fig.savefig(path, format=ext,
                                     bbox_extra_artists=(legend,),
                                     bbox_inches='tight'))

    def serialize(self, serializer):
        """Saves or loads the plotted data."""
        key = '_plot_{}'.format(self._file_name)
        if isinstance(serializer, serializer_module.Serializer):
            serializer(key, json.dumps(self._data))
        else:
            data = json.loads(serializer(key, json.dumps(self._data)))
            # v5 writes only the keys that got a value before the snapshot.
            loaded = {k: [] for k in self._y_keys}
            loaded.update((k, [tuple(p) for p in v]) for k, v in data.items())
            self._data = loaded
