"""Classifier wrapper (``chainer.links.Classifier``)."""
import chainer.functions
from chainer import link
from chainer import reporter


class Classifier(link.Chain):

    """A simple classifier model.

    Wraps a predictor: called with the predictor's inputs and the true
    label, it runs the predictor, computes the loss with ``lossfun`` (and,
    while ``compute_accuracy`` is ``True``, the accuracy with ``accfun``),
    reports them as ``loss`` and ``accuracy`` through
    :func:`chainer.reporter.report`, and returns the loss.

    Args:
        predictor (~chainer.Link): The predictor network.
        lossfun (callable): Loss function ``lossfun(y, t)``.
        accfun (callable): Accuracy function ``accfun(y, t)``.
        label_key (int or str): Which argument of the call is the label: a
            position (``-1``, the last one, by default) or a keyword name.
            The other arguments go to the predictor.

    Attributes:
        predictor (~chainer.Link): The predictor network.
        lossfun (callable): The loss function.
        accfun (callable): The accuracy function.
        y (~chainer.Variable): Prediction of the last call.
        loss (~chainer.Variable): Loss of the last call.
        accuracy (~chainer.Variable): Accuracy of the last call.
        compute_accuracy (bool): Whether calls compute the accuracy.
        label_key (int or str): Where the label is found.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> model = L.Classifier(L.Linear(3, 2, initialW=0))
        >>> x = numpy.ones((2, 3), numpy.float32)
        >>> t = numpy.array([0, 1], numpy.int32)
        >>> round(float(model(x, t).array), 4)  # log(2): uniform prediction
        0.6931
        >>> model.accuracy.shape
        ()

    """

    compute_accuracy = True

    def __init__(self, predictor,
                 lossfun=chainer.functions.softmax_cross_entropy,
                 accfun=chainer.functions.accuracy, label_key=-1):
        if not isinstance(label_key, (int, str)):
            raise TypeError('label_key must be int or str, but is %s' %
                            type(label_key))
        super(Classifier, self).__init__()
        self.lossfun = lossfun
        self.accfun = accfun
        self.y = None
        self.loss = None
        self.accuracy = None
        self.label_key = label_key

        with self.init_scope():
            self.predictor = predictor

    def forward(self, *args, **kwargs):
        """Computes the loss value for the inputs and the label.

        Args:
            args: Positional inputs; one of them is the label when
                ``label_key`` is an int.
            kwargs: Keyword inputs; one of them is the label when
                ``label_key`` is a str.

        Returns:
            ~chainer.Variable: The loss.
        """
        if isinstance(self.label_key, int):
            if not (-len(args) <= self.label_key < len(args)):
                msg = 'Label key %d is out of bounds' % self.label_key
                raise ValueError(msg)
            t = args[self.label_key]
            if self.label_key == -1:
                args = args[:-1]
            else:
                args = args[:self.label_key] + args[self.label_key + 1:]
        else:
            if self.label_key not in kwargs:
                msg = 'Label key "%s" is not found' % self.label_key
                raise ValueError(msg)
            t = kwargs[self.label_key]
            del kwargs[self.label_key]

        self.y = None
        self.loss = None
        self.accuracy = None
        self.y = self.predictor(*args, **kwargs)
        self.loss = self.lossfun(self.y, t)
        reporter.report({'loss': self.loss}, self)
        if self.compute_accuracy:
            self.accuracy = self.accfun(self.y, t)
            reporter.report({'accuracy': self.accuracy}, self)
        return self.loss
