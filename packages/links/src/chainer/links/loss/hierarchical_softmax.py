"""Hierarchical softmax over a binary tree
(``chainer.links.BinaryHierarchicalSoftmax``)."""
import heapq

import numpy

import chainer
from chainer.backends import cuda
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.utils import type_check
from chainer import variable


class TreeParser(object):

    """Numbers the internal nodes of a binary tree and finds each leaf's
    path.

    Internal nodes are pairs ``(left, right)`` and leaves are word ids
    (non-negative ints). The nodes are numbered in pre-order; on the way
    to a leaf, going left has code ``+1`` and going right ``-1``.
    """

    def __init__(self, tree):
        self.paths = {}
        self.codes = {}
        self.size = 0
        # An explicit stack: deep (e.g. Huffman) trees would exceed
        # Python's recursion limit.
        stack = [(tree, (), ())]
        while stack:
            node, path, code = stack.pop()
            if isinstance(node, tuple):
                if len(node) != 2:
                    raise ValueError(
                        'All internal nodes must have two child nodes')
                left, right = node
                path = path + (self.size,)
                self.size += 1
                stack.append((right, path, code + (-1.,)))
                stack.append((left, path, code + (1.,)))
            else:
                if node in self.paths:
                    raise ValueError('leaf %r appears twice' % (node,))
                self.paths[node] = path
                self.codes[node] = code

    def tables(self):
        """Padded ``(n_words, depth)`` tables of node ids (``-1`` past the
        end of a path) and codes (``0`` there)."""
        for leaf in self.paths:
            if not isinstance(leaf, (int, numpy.integer)) or leaf < 0:
                raise ValueError(
                    'leaves must be non-negative integer word ids, got %r'
                    % (leaf,))
        n_words = max(self.paths) + 1 if self.paths else 0
        depth = max([len(p) for p in self.paths.values()] + [1])
        paths = numpy.full((n_words, depth), -1, dtype=numpy.int32)
        codes = numpy.zeros((n_words, depth), dtype=numpy.float32)
        for leaf, path in self.paths.items():
            paths[leaf, :len(path)] = path
            codes[leaf, :len(path)] = self.codes[leaf]
        return paths, codes


class BinaryHierarchicalSoftmax(link.Link):

    """Hierarchical softmax layer over a binary tree.

    The probability of a word is the product, over the internal nodes
    :math:`n` on its path, of :math:`\\sigma(c_n w_n^\\top x)`, where
    :math:`c_n = +1` when the path turns left and :math:`-1` when it turns
    right, and :math:`w_n` is row :math:`n` of ``W``. The layer returns
    the negative log-likelihood summed over the batch.

    Args:
        in_size (int): Dimension of the input vectors.
        tree: A binary tree: nested pairs ``(left, right)`` whose leaves
            are word ids. :meth:`create_huffman_tree` builds one from word
            counts.
        dtype: Data type of ``W`` (default ``chainer.config.dtype``).

    Attributes:
        W (~chainer.Parameter): One weight vector per internal node,
            ``(n_internal_nodes, in_size)``, uniform in ``[-1, 1)``.

    See: Morin and Bengio, `Hierarchical Probabilistic Neural Network
    Language Model`, AISTATS 2005.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
        ...     {0: 8, 1: 4, 2: 2})
        >>> tree
        ((2, 1), 0)
        >>> hsm = L.BinaryHierarchicalSoftmax(3, tree)
        >>> hsm.W.shape
        (2, 3)
        >>> x = numpy.zeros((2, 3), numpy.float32)
        >>> t = numpy.array([0, 1], numpy.int32)
        >>> round(float(hsm(x, t).array), 4)  # 3 nodes on the paths: 3 log 2
        2.0794

    """

    def __init__(self, in_size, tree, dtype=None):
        super(BinaryHierarchicalSoftmax, self).__init__()
        dtype = chainer.get_dtype(dtype)
        parser = TreeParser(tree)
        self._paths, self._codes = parser.tables()
        with self.init_scope():
            self.W = variable.Parameter(
                initializers.Uniform(1, dtype), (parser.size, in_size))

    def to_cpu(self):
        super(BinaryHierarchicalSoftmax, self).to_cpu()
        self._paths = cuda.to_cpu(self._paths)
        self._codes = cuda.to_cpu(self._codes)
        return self

    def to_gpu(self, device=None):
        super(BinaryHierarchicalSoftmax, self).to_gpu(device)
        self._paths = cuda.to_gpu(self._paths, self._device_id)
        self._codes = cuda.to_gpu(self._codes, self._device_id)
        return self

    @staticmethod
    def create_huffman_tree(word_counts):
        """Builds a Huffman tree from word frequencies.

        The two least frequent subtrees are merged until one remains, the
        less frequent becoming the left child; ties are broken by the order
        of ``word_counts``.

        Args:
            word_counts (dict): Maps each word (a leaf) to its count.

        Returns:
            The tree, as nested pairs ``(left, right)``.
        """
        if len(word_counts) == 0:
            raise ValueError('Empty vocabulary')
        # The unique id makes entries with equal counts comparable; a
        # merged tree takes the smaller id of its parts.
        heap = [(c, uid, w)
                for uid, (w, c) in enumerate(word_counts.items())]
        heapq.heapify(heap)
        while len(heap) >= 2:
            count1, id1, word1 = heapq.heappop(heap)
            count2, id2, word2 = heapq.heappop(heap)
            heapq.heappush(
                heap, (count1 + count2, min(id1, id2), (word1, word2)))
        return heap[0][2]

    def forward(self, x, t):
        """Computes the loss of the target words.

        Args:
            x (~chainer.Variable or ndarray): Input vectors
                ``(batch, in_size)``.
            t (~chainer.Variable or ndarray): Target word ids ``(batch,)``
                (``int32``), leaves of the tree.

        Returns:
            ~chainer.Variable: Scalar loss, summed over the batch.
        """
        F = chainer.functions
        t_array = t.array if isinstance(t, chainer.Variable) else t
        if t_array.dtype.kind != 'i' or t_array.ndim != 1 or \
                x.ndim != 2 or x.shape[0] != t_array.shape[0]:
            raise type_check.InvalidType(
                'x: (batch, in_size) float, t: (batch,) int',
                'x: %s %s, t: %s %s' % (x.shape, x.dtype, t_array.shape,
                                        t_array.dtype))
        if x.shape[1] != self.W.shape[1]:
            raise type_check.InvalidType(
                'x.shape[1] == %d' % self.W.shape[1],
                'x.shape[1] == %d' % x.shape[1])
        xp = cuda.get_array_module(t_array)
        if xp is numpy and t_array.size and (
                t_array.min() < 0 or t_array.max() >= len(self._paths)):
            raise ValueError('t holds an id that is not a leaf of the tree')

        paths = self._paths[t_array]
        codes = self._codes[t_array].astype(x.dtype)
        # Row n of W for each node on each path, zero past the path's end.
        w = F.embed_id(paths, self.W, ignore_label=-1)
        wx = F.sum(w * F.expand_dims(x, 1), axis=2)
        # -log(sigmoid(c * wx)) == softplus(-c * wx); codes are 0 (and so
        # masked) past the end of a path.
        losses = F.softplus(-codes * wx) * (codes != 0).astype(x.dtype)
        return F.sum(losses)
