"""Coefficient of determination R^2 (not differentiable)."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class R2_score(function_node.FunctionNode):

    """1 - SS_res / SS_tot per output column."""

    def __init__(self, sample_weight, multioutput):
        if sample_weight is not None:
            raise NotImplementedError()
        if multioutput not in ('uniform_average', 'raw_values'):
            raise ValueError('invalid multioutput argument')
        self.multioutput = multioutput

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        type_check.argname(in_types, ('pred', 'true'))
        pred_type, true_type = in_types
        # v5 lets the two float dtypes differ (the result has pred's).
        type_check.expect(
            pred_type.dtype.kind == 'f',
            true_type.dtype.kind == 'f',
            pred_type.shape == true_type.shape,
        )

    def forward(self, inputs):
        pred, true = inputs
        xp = backend.get_array_module(pred)
        ss_res = xp.square(pred - true).sum(axis=0)
        ss_tot = xp.square(true - true.mean(axis=0)).sum(axis=0)
        # v5: a constant target column scores 0 instead of dividing by 0.
        ratio = ss_res / xp.where(ss_tot != 0, ss_tot, 1)
        # v5 rounds the scores to pred's dtype before averaging them.
        ret = xp.where(ss_tot != 0, 1 - ratio, 0.).astype(pred.dtype)
        if self.multioutput == 'uniform_average':
            ret = ret.mean()
        return utils.force_array(ret, pred.dtype),

    def backward(self, indexes, grad_outputs):
        return None, None


def r2_score(pred, true, sample_weight=None, multioutput='uniform_average'):
    """Computes the R^2 (coefficient of determination) regression score.

    .. math:: R^2 = 1 - \\frac{\\sum_i (\\text{pred}_i - \\text{true}_i)^2}
              {\\sum_i (\\text{true}_i - \\overline{\\text{true}})^2}

    computed over axis 0 for each output column.

    Args:
        pred (~chainer.Variable or ndarray): Float predictions ``(N,)`` or
            ``(N, M)``.
        true (~chainer.Variable or ndarray): Float targets, shape of
            ``pred``.
        sample_weight: Not supported; must be ``None``.
        multioutput (str): ``'uniform_average'`` (mean over the columns) or
            ``'raw_values'`` (one score per column).

    Returns:
        ~chainer.Variable: The score(s), dtype of ``pred``.

    .. admonition:: Example

        >>> true = np.array([3, -0.5, 2, 7], np.float32)
        >>> pred = np.array([2.5, 0.0, 2, 8], np.float32)
        >>> F.r2_score(pred, true).array  # doctest: +ELLIPSIS
        array(0.9486..., dtype=float32)
    """
    return R2_score(sample_weight, multioutput).apply((pred, true))[0]
