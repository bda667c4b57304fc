"""Argument and type checks shared by the loss, evaluation and noise
functions, so that they raise the same v5 errors."""
import chainer
from chainer import function_node
from chainer.utils import type_check


def check_reduce(reduce, reduced):
    """Raises v5's ValueError unless ``reduce`` is ``reduced`` (the
    function's reducing mode, e.g. ``'mean'``) or ``'no'``."""
    if reduce not in (reduced, 'no'):
        raise ValueError(
            "only '%s' and 'no' are valid for 'reduce', but '%s' is given"
            % (reduced, reduce))


class MarginLoss(function_node.FunctionNode):

    """Base of the losses with a positive ``margin`` and a ``reduce`` of
    ``'mean'`` or ``'no'`` (contrastive, triplet), checked as v5 does."""

    def __init__(self, margin, reduce='mean'):
        if margin <= 0:
            raise ValueError('margin should be positive value.')
        check_reduce(reduce, 'mean')
        self.margin = margin
        self.reduce = reduce


def check_float_pair(in_types, names):
    """Type-checks two float inputs of one dtype and shape (``x0``, ``x1``
    of an error function, ``mean``/``ln_var`` of a sample, ...)."""
    type_check.expect(in_types.size() == 2)
    type_check.argname(in_types, names)
    a_type, b_type = in_types
    type_check.expect(
        a_type.dtype.kind == 'f',
        a_type.dtype == b_type.dtype,
        a_type.shape == b_type.shape,
    )


def check_scores_and_labels(in_types, names):
    """Type-checks float scores and signed integer labels; returns their
    types for the shape checks of the caller."""
    type_check.expect(in_types.size() == 2)
    type_check.argname(in_types, names)
    x_type, t_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        t_type.dtype.kind == 'i',
    )
    return x_type, t_type


def check_class_labels(in_types, names):
    """Type-checks float scores ``(N, C, d_1, ..., d_k)`` and integer labels
    ``(N, d_1, ..., d_k)`` (the class axis is 1)."""
    x_type, t_type = check_scores_and_labels(in_types, names)
    type_check.expect(
        t_type.ndim == x_type.ndim - 1,
        x_type.shape[0] == t_type.shape[0],
        x_type.shape[2:] == t_type.shape[1:],
    )


def check_predicted_labels(in_types, names):
    """Like :func:`check_class_labels`, but as v5's evaluation functions:
    the scores may have extra trailing axes of length 1
    (``(N, C, d_1, ..., d_k, 1, ..., 1)``)."""
    x_type, t_type = check_scores_and_labels(in_types, names)
    t_ndim = type_check.eval(t_type.ndim)
    type_check.expect(
        x_type.ndim >= t_type.ndim,
        # v5 omits this and fails in argmax(axis=1) instead.
        x_type.ndim >= 2,
        x_type.shape[0] == t_type.shape[0],
        x_type.shape[2:t_ndim + 1] == t_type.shape[1:],
    )
    for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
        type_check.expect(x_type.shape[i] == 1)


class _Named(object):

    def __init__(self, label):
        self.label = label


def run_type_check(label, arrays, check):
    """Runs ``check(in_types)`` on ``arrays`` like the type check of a
    node named ``label``, for losses built from other functions: bad input
    raises :class:`~chainer.utils.type_check.InvalidType` as in v5."""
    if not chainer.config.type_check:
        return
    arrays = tuple(a.array if isinstance(a, chainer.Variable) else a
                   for a in arrays)
    with type_check.get_function_check_context(_Named(label)):
        check(type_check.get_types(arrays, 'in_types', False))
