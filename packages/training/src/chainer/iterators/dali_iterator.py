"""Iterator over the outputs of an NVIDIA DALI pipeline."""
from chainer.dataset import iterator

try:
    from nvidia import dali  # NOQA
    from nvidia.dali import plugin  # NOQA
    _dali_available = True
    _dali_import_error = None
except Exception as e:  # ImportError, or a CUDA library failing to load
    _dali_available = False
    _dali_import_error = e


class DaliIterator(iterator.Iterator):

    """Dataset iterator over the batches of an NVIDIA DALI pipeline.

    Each batch is a list of examples; an example is a tuple with one array
    per output of the pipeline.

    Args:
        pipeline (nvidia.dali.pipeline.Pipeline): The pipeline. Its
            ``epoch_size()`` dictionary must have one entry, the number of
            examples in an epoch.
        repeat (bool): If ``True``, it loops over the dataset forever.

    Raises:
        ImportError: NVIDIA DALI is not installed.
    """

    def __init__(self, pipeline, repeat=True):
        if not _dali_available:
            raise ImportError(
                'DaliIterator needs NVIDIA DALI (the nvidia.dali package), '
                'which could not be imported: {}'.format(_dali_import_error))
        self.pipeline = pipeline
        self._repeat = repeat
        self._is_build = False
        self.epoch_size = 0
        self.reset()

    @property
    def batch_size(self):
        return self.pipeline.batch_size

    @property
    def repeat(self):
        return self._repeat

    @property
    def epoch_detail(self):
        return self.epoch + self.current_position / self.epoch_size

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    def __next__(self):
        if not self._is_build:
            self.pipeline.build()
            self._is_build = True
            sizes = list(self.pipeline.epoch_size().values())
            if len(sizes) != 1:
                raise ValueError('the pipeline must have exactly one reader '
                                 'with an epoch size')
            self.epoch_size = sizes[0]
        if not self._repeat and self.epoch > 0:
            raise StopIteration
        self._previous_epoch_detail = self.epoch_detail
        outputs = self.pipeline.run()
        columns = []
        for output in outputs:
            if hasattr(output, 'as_cpu'):
                output = output.as_cpu()
            columns.append([output.at(i) for i in range(len(output))])
        batch = list(zip(*columns))
        self.current_position += self.batch_size
        if self.current_position >= self.epoch_size:
            self.current_position -= self.epoch_size
            self.epoch += 1
            self.is_new_epoch = True
        else:
            self.is_new_epoch = False
        return batch

    next = __next__

    def reset(self):
        """Rewinds the position counters (the pipeline is not rebuilt)."""
        self.current_position = 0
        self.epoch = 0
        self.is_new_epoch = False
        self._previous_epoch_detail = -1.

    def serialize(self, serializer):
        """Saves or loads the position counters."""
        self.current_position = serializer('current_position',
                                           self.current_position)
        self.epoch = serializer('epoch', self.epoch)
        self.is_new_epoch = serializer('is_new_epoch', self.is_new_epoch)
        self._previous_epoch_detail = serializer(
            'previous_epoch_detail', self._previous_epoch_detail)
