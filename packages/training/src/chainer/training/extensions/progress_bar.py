"""Extension that draws a progress bar of the training."""
import datetime
import sys
import time

from chainer.training import extension
from chainer.training.extensions import _console


class ProgressBar(extension.Extension):

    """Trainer extension to print a progress bar and the training speed.

    Every ``update_interval`` iterations it draws the progress of the whole
    training and of the current epoch, the iteration and epoch counts, the
    speed and the estimated time left, then moves the cursor back up so the
    next drawing replaces it. Other output (e.g. :class:`PrintReport`) is
    printed above it.

    Args:
        training_length (tuple): Length of the training, like
            ``(10, 'epoch')``. By default it is taken from the stop
            trigger's ``get_training_length()``.
        update_interval (int): Number of iterations between drawings.
        bar_length (int): Length of each bar in characters.
        out: Stream to print to; ``sys.stdout`` (looked up at each call)
            by default.
    """

    def __init__(self, training_length=None, update_interval=100,
                 bar_length=50, out=None):
        self._training_length = training_length
        self._update_interval = update_interval
        self._bar_length = bar_length
        self._out = out
        self._recent_timing = []

    @property
    def _stream(self):
        return sys.stdout if self._out is None else self._out

    def __call__(self, trainer):
        if self._training_length is None:
            get_length = getattr(trainer.stop_trigger,
                                 'get_training_length', None)
            if get_length is None:
                raise TypeError(
                    'cannot retrieve the training length from %s' %
                    type(trainer.stop_trigger))
            self._training_length = get_length()
        length, unit = self._training_length

        updater = trainer.updater
        iteration = updater.iteration
        if iteration % self._update_interval != 0:
            return
        epoch = updater.epoch_detail
        now = time.time()
        timing = self._recent_timing
        timing.append((iteration, epoch, now))

        out = self._stream
        _console.erase_below(out)
        rate = iteration / length if unit == 'iteration' else epoch / length
        # v5 caps the total at 100%, in the bar and in the percentage.
        rate = min(rate, 1.0)
        out.write('     total {} {:6.2%}\n'.format(self._bar(rate), rate))
        epoch_rate = epoch - int(epoch)
        out.write('this epoch {} {:6.2%}\n'.format(self._bar(epoch_rate),
                                                    epoch_rate))
        out.write('{:10} iter, {} epoch / {} {}s\n'.format(
            iteration, updater.epoch, length, unit))

        old_iteration, old_epoch, old_time = timing[0]
        span = now - old_time
        if span != 0:
            speed_t = (iteration - old_iteration) / span
            speed_e = (epoch - old_epoch) / span
        else:
            speed_t = speed_e = float('inf')
        if unit == 'iteration':
            left = length - iteration
            speed = speed_t
        else:
            left = length - epoch
            speed = speed_e
        if speed == 0 or speed == float('inf'):
            estimated = 'unknown' if speed == 0 else '0:00:00'
        else:
            # Past the length (a trigger that stops later), v5 shows 0:00:00
            # rather than a negative time.
            estimated = datetime.timedelta(seconds=max(left / speed, 0.0))
        out.write('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                  .format(speed_t, estimated))
        # Moves the cursor back to the first line of the bar.
        out.write('\033[4A')
        _console.flush(out)
        if len(timing) > 100:
            del timing[0]

    def _bar(self, rate):
        marks = int(min(max(rate, 0.), 1.) * self._bar_length)
        return '[' + '#' * marks + '.' * (self._bar_length - marks) + ']'

    def finalize(self):
        """Erases the progress bar."""
        out = self._stream
        _console.erase_below(out)
        _console.flush(out)
