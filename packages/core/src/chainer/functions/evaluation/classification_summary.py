"""Per-class precision, recall, F-beta score and support."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.functions.loss import _checks


def _fbeta_score(precision, recall, beta):
    beta2 = beta * beta
    return (1 + beta2) * precision * recall / (beta2 * precision + recall)


class ClassificationSummary(function_node.FunctionNode):

    """Counts per class from arg-max predictions (not differentiable)."""

    def __init__(self, label_num, beta, ignore_label):
        self.label_num = label_num
        self.beta = beta
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        _checks.check_predicted_labels(in_types, ('x', 't'))

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(y)
        if self.label_num is None:
            # v5: the largest label plus one, ignored labels included.
            label_num = int(t.max()) + 1 if t.size else 0
        else:
            label_num = self.label_num
        ignored = (t == self.ignore_label).ravel()
        if bool((t.ravel()[~ignored] < 0).any()):
            raise ValueError(
                'labels t must be non-negative or equal to ignore_label %d'
                % self.ignore_label)
        # Ignored entries go to an extra bin that is dropped; so do labels
        # and predictions of label_num or more (v5 counts them nowhere).
        pred = xp.minimum(
            xp.where(ignored, label_num, y.argmax(axis=1).ravel()),
            label_num)
        true = xp.minimum(xp.where(ignored, label_num, t.ravel()),
                          label_num)
        n_bin = label_num + 1
        support = xp.bincount(true, minlength=n_bin)[:label_num]
        relevant = xp.bincount(pred, minlength=n_bin)[:label_num]
        hit = xp.where(pred == true, true, label_num)
        tp = xp.bincount(hit, minlength=n_bin)[:label_num]
        # v5: 0 / 0 gives nan for classes never predicted or present.
        with numpy.errstate(divide='ignore', invalid='ignore'):
            precision = tp / relevant
            recall = tp / support
            fbeta = _fbeta_score(precision, recall, self.beta)
        return precision, recall, fbeta, support

    def backward(self, indexes, grad_outputs):
        return tuple(None for _ in indexes)


def classification_summary(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Calculates precision, recall, F-beta score and support per class.

    The predicted class is the arg-max of ``y`` along axis 1. For each
    class ``c``: precision is ``tp / (number predicted c)``, recall is
    ``tp / (number labelled c)``, F-beta is
    ``(1 + beta^2) * precision * recall / (beta^2 * precision + recall)``
    and support is the number labelled ``c``. Undefined ratios (0 / 0)
    are ``nan``.

    Args:
        y (~chainer.Variable or ndarray): Float scores ``(N, C, ...)``.
        t (~chainer.Variable or ndarray): Signed integer labels
            ``(N, ...)``.
        label_num (int): Number of classes; ``max(t) + 1`` if ``None``
            (as in v5, ``t`` includes the ignored labels here). Labels and
            predictions of ``label_num`` or more are not counted.
        beta (float): Weight of recall in the F-beta score.
        ignore_label (int): Labels equal to it are not counted.

    Returns:
        tuple of ~chainer.Variable: ``(precision, recall, fbeta, support)``,
        each of shape ``(label_num,)``.
    """
    return ClassificationSummary(label_num, beta, ignore_label).apply((y, t))


def precision(y, t, label_num=None, ignore_label=-1):
    """Per-class precision; returns ``(precision, support)``.

    See :func:`classification_summary` for the arguments.
    """
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[0], ret[-1]


def recall(y, t, label_num=None, ignore_label=-1):
    """Per-class recall; returns ``(recall, support)``.

    See :func:`classification_summary` for the arguments.
    """
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[1], ret[-1]


def fbeta_score(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Per-class F-beta score; returns ``(fbeta, support)``.

    See :func:`classification_summary` for the arguments.
    """
    ret = classification_summary(y, t, label_num, beta, ignore_label)
    return ret[2], ret[-1]


def f1_score(y, t, label_num=None, ignore_label=-1):
    """Per-class F1 score; returns ``(f1, support)``.

    See :func:`classification_summary` for the arguments.
    """
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[2], ret[-1]

