"""Extension that plots statistics of variables over the training."""
import os

import numpy

from chainer import backend
from chainer.backends import cuda
from chainer import link
from chainer.training import extension
from chainer.training.extensions import _plot
from chainer.training.extensions import log_report
from chainer.training import util
from chainer import variable


class Reservoir(object):

    """Uniform fixed-size sample of a stream (reservoir sampling).

    Args:
        size (int): Maximum number of kept items.
        data_shape (tuple): Shape of one item.
        dtype: Data type of the items.
    """

    def __init__(self, size, data_shape, dtype=numpy.float32):
        self.size = size
        self.data = numpy.zeros((size,) + tuple(data_shape), dtype=dtype)
        self.idxs = numpy.zeros((size,), dtype=numpy.int32)
        self.counter = 0

    def add(self, x, idx=None):
        """Offers an item; ``idx`` (its x coordinate) defaults to its rank.

        The draws from NumPy's global generator are v5's: none while the
        buffer fills, then ``random()`` for each item and ``randint(size)``
        for an accepted one, so a training that also draws from it (e.g.
        a shuffling iterator) gets the same numbers as under v5.
        """
        # As in v5, an idx of 0 also falls back to the rank.
        idx = idx or self.counter
        if self.counter < self.size:
            self.data[self.counter] = x
            self.idxs[self.counter] = idx
        elif numpy.random.random() < self.size / float(self.counter + 1):
            slot = numpy.random.randint(self.size)
            self.data[slot] = x
            self.idxs[slot] = idx
        self.counter += 1

    def get_data(self):
        """Returns the kept indices and items, sorted by index."""
        n = min(self.counter, self.size)
        order = numpy.argsort(self.idxs[:n], kind='stable')
        return self.idxs[:n][order], self.data[:n][order]


def _unpack_variables(targets):
    if isinstance(targets, (variable.Variable, link.Link)):
        targets = [targets]
    found = []
    for target in targets:
        if isinstance(target, link.Link):
            found.extend(target.params())
        elif isinstance(target, variable.Variable):
            found.append(target)
        else:
            raise TypeError('targets must be Variables or Links, got '
                            '{}'.format(type(target)))
    return found


class VariableStatisticsPlot(extension.Extension):

    """Trainer extension to plot statistics of Variables.

    At each call it computes, over the values (``'data'``) and gradients
    (``'grad'``) of all target variables together, the mean, the standard
    deviation and the ``percentile_sigmas`` percentiles, and keeps a
    reservoir sample of at most ``max_sample_size`` of these records. When
    ``trigger`` fires it plots them against the iteration: one column per
    kind (data, grad), a row with mean and standard deviation and a row of
    percentile bands. Needs matplotlib (see :meth:`available`); the Agg
    backend is used.

    Args:
        targets (~chainer.Variable, ~chainer.Link or list of them): The
            variables, or links whose parameters are observed.
        max_sample_size (int): Size of the reservoir sample.
        report_data (bool): Plot statistics of the values.
        report_grad (bool): Plot statistics of the gradients.
        plot_mean (bool): Plot the mean.
        plot_std (bool): Plot the standard deviation.
        percentile_sigmas (float or tuple of floats): Percentiles (0 to
            100) to plot.
        trigger: When to save the figure.
        file_name (str): Name of the image file under the output directory.
        figsize (tuple): Size of the figure in inches.
        marker (str): Marker of the points.
        grid (bool): Draw the grids.
    """

    def __init__(self, targets, max_sample_size=1000, report_data=True,
                 report_grad=True, plot_mean=True, plot_std=True,
                 percentile_sigmas=(0, 0.13, 2.28, 15.87, 50, 84.13, 97.72,
                                    99.87, 100),
                 trigger=(1, 'epoch'), file_name='statistics.png',
                 figsize=None, marker=None, grid=True):
        if file_name is None:
            raise ValueError('Missing output file name of statistics plot')
        self._vars = _unpack_variables(targets)
        if not self._vars:
            raise ValueError('Need at least one variable for which to '
                             'collect statistics.\nActual: 0 <= 0')
        if isinstance(percentile_sigmas, (int, float)):
            percentile_sigmas = (percentile_sigmas,)
        percentile_sigmas = tuple(percentile_sigmas or ())
        if not (plot_mean or plot_std or percentile_sigmas):
            raise ValueError('Nothing to plot')
        self._keys = []
        if report_data:
            self._keys.append('data')
        if report_grad:
            self._keys.append('grad')
        if not self._keys:
            raise ValueError('Nothing to plot: report_data and report_grad '
                             'are both False')
        self._plot_mean = plot_mean
        self._plot_std = plot_std
        self._percentiles = percentile_sigmas
        self._trigger = util.get_trigger(trigger)
        self._file_name = file_name
        self._figsize = figsize
        self._marker = marker
        self._grid = grid
        width = int(plot_mean) + int(plot_std) + len(percentile_sigmas)
        self._data_shape = (len(self._keys), width)
        self._samples = Reservoir(max_sample_size, self._data_shape)

    @staticmethod
    def available():
        """Returns ``True`` if matplotlib is installed (warns if not)."""
        return _plot.available()

    def _statistics(self):
        stats = numpy.zeros(self._data_shape, dtype=numpy.float32)
        for row, key in enumerate(self._keys):
            arrays = [getattr(v, key) for v in self._vars]
            arrays = [a.ravel() for a in arrays if a is not None]
            if not arrays:
                continue
            xp = backend.get_array_module(arrays[0])
            x = xp.concatenate(arrays).astype(numpy.float64)
            values = []
            if self._plot_mean:
                values.append(x.mean())
            if self._plot_std:
                values.append(x.std())
            if self._percentiles:
                values.extend(xp.percentile(x, self._percentiles))
            stats[row] = cuda.to_cpu(xp.stack([xp.asarray(v)
                                               for v in values]))
        return stats

    def __call__(self, trainer):
        if not _plot._available:
            return
        self._samples.add(self._statistics(), idx=trainer.updater.iteration)
        if self._trigger(trainer):
            log_report.write_atomically(trainer.out, self._file_name,
                                        self._save)

    def _save(self, path):
        rows = int(self._plot_mean or self._plot_std) + \
            int(bool(self._percentiles))
        cols = len(self._keys)
        fig = _plot.new_figure(figsize=self._figsize)
        axes = numpy.array(fig.subplots(rows, cols, sharex=True,
                                        squeeze=False))
        idxs, data = self._samples.get_data()
        offset = int(self._plot_mean) + int(self._plot_std)
        n = len(self._percentiles)
        for col, key in enumerate(self._keys):
            row = 0
            if self._plot_mean or self._plot_std:
                ax = axes[row, col]
                ax.set_title(key)
                if self._plot_mean and self._plot_std:
                    ax.errorbar(idxs, data[:, col, 0], data[:, col, 1],
                                label='mean, std', marker=self._marker)
                else:
                    ax.plot(idxs, data[:, col, 0], marker=self._marker,
                            label='mean' if self._plot_mean else 'std')
                row += 1
            if n:
                ax = axes[row, col]
                if row == 0:
                    ax.set_title(key)
                # Bands between symmetric percentiles, darker inside.
                for i in range(n // 2):
                    ax.fill_between(
                        idxs, data[:, col, offset + i],
                        data[:, col, offset + n - 1 - i], alpha=0.2,
                        color='C0',
                        label='percentile' if i == 0 else '_nolegend_')
                if n % 2:
                    ax.plot(idxs, data[:, col, offset + n // 2],
                            marker=self._marker, color='C0',
                            label='median' if n > 1 else 'percentile')
            for r in range(rows):
                ax = axes[r, col]
                ax.legend(loc='best')
                ax.grid(self._grid)
                ax.set_xlabel('iteration')
        ext = os.path.splitext(path)[1][1:] or 'png'
        fig.savefig(path, format=ext)
