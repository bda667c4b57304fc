"""Emulation of a pretrained Caffe network (``CaffeFunction``)."""
import warnings

from chainer import link
from chainer.links.caffe import _layers
from chainer.links.caffe.protobuf3 import caffe_pb2
from chainer.utils import argument

try:
    # The C++ backend of protobuf 3 refuses messages over 64 MB (as are
    # the VGG models) unless told otherwise; other backends have no limit.
    from google.protobuf.pyext import _message
    _message.SetAllowOversizeProtos(True)
except (ImportError, AttributeError):
    pass


class CaffeFunction(link.Chain):

    """Caffe emulator based on the model file of Caffe.

    Given a binary protobuf file of a Caffe model (``.caffemodel``), this
    class loads the network and emulates it on :class:`~chainer.Variable`
    objects. It supports the official reference models provided by BVLC.

    Layers with parameters become child links named after the Caffe layers
    (``Convolution`` and ``Deconvolution`` become
    :class:`~chainer.links.Convolution2D` and
    :class:`~chainer.links.Deconvolution2D`, ``InnerProduct`` a
    :class:`~chainer.links.Linear`, ``BatchNorm`` a
    :class:`~chainer.links.BatchNormalization` and ``Scale`` a
    :class:`~chainer.links.Scale`), so the loaded weights can be saved with
    :func:`~chainer.serializers.save_npz` and fine-tuned. The other
    supported layers are ``Concat``, ``Data`` (ignored), ``Dropout``,
    ``Eltwise``, ``LRN`` (across channels), ``Pooling`` (max and average),
    ``ReLU``, ``Reshape``, ``Sigmoid``, ``Slice``, ``Softmax``,
    ``SoftmaxWithLoss`` and ``Split``; any other layer is skipped with a
    warning. Grouped convolutions are expanded to ungrouped filters with
    zero blocks off the diagonal, as in Chainer v5.

    Files in the old layer format (``layers`` of ``V1LayerParameter``,
    e.g. the VGG models) are read too.

    .. note::
       The network is run by :meth:`forward` (or calling the object), given
       the input blobs by name and asked for output blobs by name, e.g.
       ``y, = func(inputs={'data': x}, outputs=['fc8'])``.

    Args:
        model_path (str): Path to the binary-proto model file of Caffe.

    Attributes:
        forwards (dict): A mapping from layer names to callables that take
            the layer's input variables and return its output(s).
        layers (list): The supported layers in file order, as tuples
            ``(layer_name, bottom_blob_names, top_blob_names)``.
        split_map (dict): Names of blobs made by ``Split`` layers, mapped
            to the names of the blobs they copy.
        variables (dict): Every blob of the last :meth:`forward` run (the
            inputs included), by name; set by :meth:`forward`.

    """

    def __init__(self, model_path):
        super(CaffeFunction, self).__init__()
        net = caffe_pb2.NetParameter()
        with open(model_path, 'rb') as model_file:
            net.MergeFromString(model_file.read())

        self.forwards = {}
        self.split_map = {}
        self.layers = []

        if net.layer:
            for layer in net.layer:
                setup = _layers.SETUPS.get(layer.type)
                if setup is None:
                    warnings.warn(
                        'Skip the layer "%s", since CaffeFunction does not '
                        'support %s layer' % (layer.name, layer.type))
                    continue
                self._add_layer(layer, setup)
        else:  # the old (V1) layer format
            v1_types = caffe_pb2.V1LayerParameter.LayerType
            for layer in net.layers:
                setup = _layers.V1_SETUPS.get(layer.type)
                if setup is None:
                    warnings.warn(
                        'Skip the layer "%s", since CaffeFunction does not '
                        'support it (%s)' % (layer.name, v1_types.Name(
                            layer.type) if layer.type in v1_types.values()
                            else layer.type))
                    continue
                self._add_layer(layer, setup)

    def _add_layer(self, layer, setup):
        fwd = setup(self, layer)
        if fwd is None:  # Data and Split layers do not compute anything
            return
        self.forwards[layer.name] = fwd
        bottom = [self.split_map.get(name, name) for name in layer.bottom]
        self.layers.append((layer.name, bottom, list(layer.top)))

    def _add_child(self, name, child, test_mode=False):
        # Layer names may contain '/', which is fine for attributes set by
        # setattr and for the serializers' paths.
        with self.init_scope():
            setattr(self, name, child)
        return _layers.CallChild(self, name, test_mode)

    def forward(self, inputs, outputs, disable=(), **kwargs):
        """forward(self, inputs, outputs, disable=())

        Executes a sub-network of the network.

        The layers are run in the order of the file; a layer runs when all
        its input blobs are known and it is not disabled. An in-place layer
        (same bottom and top) replaces its input blob.

        .. warning::
           ``train`` argument is not supported anymore since v2. Instead,
           use ``chainer.using_config('train', train)``.

        Args:
            inputs (dict): A dictionary whose key-value pairs indicate
                initial correspondences between blob names and
                :class:`~chainer.Variable` objects.
            outputs (Iterable): A list of blob names whose corresponding
                :class:`~chainer.Variable` objects are returned.
            disable (Iterable): A list of layer names that will be ignored
                during the forward computation.

        Returns:
            tuple: A tuple of output :class:`~chainer.Variable` objects
            corresponding to elements of the ``outputs`` argument.

        Raises:
            KeyError: An output blob was not computed.

        """
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs, train='train argument is not supported anymore. '
                'Use chainer.using_config')
            argument.assert_kwargs_empty(kwargs)

        variables = dict(inputs)
        disable = set(disable)
        for name, bottom, top in self.layers:
            if name in disable or any(b not in variables for b in bottom):
                continue
            ys = self.forwards[name](*[variables[b] for b in bottom])
            if not isinstance(ys, (tuple, list)):
                ys = ys,
            for blob_name, y in zip(top, ys):
                variables[blob_name] = y
        # v5 keeps every blob of the last run, by name.
        self.variables = variables
        return tuple(variables[blob_name] for blob_name in outputs)

