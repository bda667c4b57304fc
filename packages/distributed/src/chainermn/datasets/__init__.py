"""Dataset utilities for data-parallel and model-parallel training."""
from chainermn.datasets.empty_dataset import create_empty_dataset  # NOQA
from chainermn.datasets.scatter_dataset import DataSizeError  # NOQA
from chainermn.datasets.scatter_dataset import scatter_dataset  # NOQA
from chainermn.datasets.scatter_dataset import scatter_index  # NOQA
