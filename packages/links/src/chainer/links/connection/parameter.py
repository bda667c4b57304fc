"""Link holding one parameter (``chainer.links.Parameter``)."""
from chainer import link
from chainer.utils import argument
from chainer import variable


class Parameter(link.Link):

    """Link that just holds a parameter and returns it.

    .. deprecated:: v1.5
       Parameters are variables since v1.5; use them directly instead.

    Args:
        array: Initial parameter array.

    Attributes:
        W (~chainer.Parameter): The parameter variable.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> p = L.Parameter(numpy.ones(2, numpy.float32))
        >>> p() is p.W
        True

    """

    def __init__(self, array):
        super(Parameter, self).__init__()
        with self.init_scope():
            self.W = variable.Parameter(array)

    def forward(self, *args, **kwargs):
        """Returns the parameter variable."""
        argument.check_unexpected_kwargs(
            kwargs, volatile='volatile argument is not supported anymore. '
                             'Use chainer.using_config')
        return self.W
