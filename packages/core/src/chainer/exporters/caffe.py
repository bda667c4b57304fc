"""Export of a computational graph to the Caffe format."""
import collections
import heapq
import os

import chainer
from chainer.exporters import _caffe_layers
from chainer import function
from chainer import variable


def _caffe_pb2():
    # The message classes ship with chainer-links (as in v5, where they
    # live in chainer.links.caffe); core imports it only when exporting.
    try:
        from chainer.links.caffe.protobuf3 import caffe_pb2
    except ImportError as e:
        raise ImportError(
            'chainer.exporters.caffe needs the chainer-links distribution '
            'and protobuf (pip install chainer-links protobuf): ' + str(e))
    return caffe_pb2


def _creators(nodes):
    return [n.creator_node for n in nodes if n.creator_node is not None]


def _sorted_nodes(outputs):
    """Function nodes reachable from ``outputs`` in v5's layer order.

    The order decides the ``<n>`` of the layer names, so it follows v5's
    walk: from the outputs towards the inputs, a node that is the lone
    input creator of the node just visited and feeds nothing else comes
    next (a chain is followed to its start); otherwise the deepest
    (highest rank) waiting node goes first, the latest found among equals.
    The walk reversed puts inputs before their users.
    """
    # How many input slots (and outputs) each node feeds.
    uses = collections.Counter()
    pending = _creators(outputs)
    seen = set()
    while pending:
        func = pending.pop()
        uses[func] += 1
        if func not in seen:
            seen.add(func)
            pending.extend(_creators(func.inputs))

    walk = []
    queue = []
    found = set()

    def enqueue(creators):
        for func in creators:
            if func in found:
                continue
            # Keys are unique by their third entry, so nodes are never
            # compared.
            if uses[func] == 1 and len(creators) == 1:
                first = -len(found)
            else:
                first = 1
            heapq.heappush(queue, (first, -func.rank, -len(found), func))
            found.add(func)

    enqueue(_creators(outputs))
    while queue:
        func = heapq.heappop(queue)[-1]
        walk.append(func)
        enqueue(_creators(func.inputs))
    return walk[::-1]


class _Namer(object):

    """Names layers ``<v5 label>-<rank>-<n>`` as Chainer v5 does: ``n``
    tells apart different nodes of the same label and rank."""

    def __init__(self):
        self.counts = collections.defaultdict(int)
        self.names = {}

    def __call__(self, func, label):
        if func not in self.names:
            key = '{}-{}'.format(label, func.rank)
            self.counts[key] += 1
            self.names[func] = '{}-{}'.format(key, self.counts[key])
        return self.names[func]


def _add_blob(layer, array):
    blob = layer.blobs.add()
    blob.shape.dim.extend(array.shape)
    # A list is much faster to hand to protobuf than an ndarray.
    blob.data.extend(array.astype('f', copy=False).ravel().tolist())


def _bottom_name(namer, node):
    creator = node.creator_node
    if creator is None:
        return 'data'
    return namer(creator, _caffe_layers.find(creator)[0])


def _build_nets(pb, graph_name, inputs, outputs, with_blobs):
    """Returns the text-format net (with its Input layer) and the binary
    net (with the blobs, or None)."""
    text_net = pb.NetParameter(name=graph_name)
    data = text_net.layer.add(name='data', type='Input', top=['data'])
    data.input_param.shape.add().dim.extend(inputs[0].shape)
    binary_net = pb.NetParameter(name=graph_name) if with_blobs else None

    namer = _Namer()
    for func in _sorted_nodes(outputs):
        label, converter = _caffe_layers.find(func)
        if converter is None:
            raise NotImplementedError(
                'Cannot convert, name={}, rank={}, label={}, inputs={}'
                .format(namer(func, func.label), func.rank, func.label,
                        func.inputs))
        # v5 names the node before its inputs' creators.
        name = namer(func, label)
        bottoms = [_bottom_name(namer, node) for node in func.inputs]
        if label == 'Reshape':
            creator = func.inputs[0].creator_node
            if creator is not None and \
                    _caffe_layers.find(creator)[0] == 'Reshape':
                # v5 feeds a reshape of a reshape from the first one's
                # input (the result is the same).
                bottoms = [_bottom_name(namer, creator.inputs[0])]
        for layer, blobs in converter(func, pb, name, bottoms):
            text_net.layer.add().CopyFrom(layer)
            if binary_net is not None:
                stored = binary_net.layer.add()
                stored.CopyFrom(layer)
                stored.phase = pb.TEST
                for array in blobs:
                    _add_blob(stored, array)
    return text_net, binary_net


def export(model, args, directory=None, export_params=True,
           graph_name='Graph'):
    """(Experimental) Export a computational graph as Caffe format.

    The model is run once on ``args`` in test mode (``chainer.config.train``
    is ``False``) with backprop enabled, and the graph that produced its
    outputs is written as ``chainer_model.prototxt`` (the network, with an
    ``Input`` layer named ``data`` for the argument) and
    ``chainer_model.caffemodel`` (the layers with their parameters). Each
    layer is named ``<label>-<rank>-<n>`` after the function node it
    comes from, e.g. ``LinearFunction-2-1``, and so is its output blob.

    The supported functions are :func:`~chainer.functions.linear`,
    :func:`~chainer.functions.convolution_2d`,
    :func:`~chainer.functions.deconvolution_2d`,
    :func:`~chainer.functions.max_pooling_2d`,
    :func:`~chainer.functions.average_pooling_2d`,
    :func:`~chainer.functions.fixed_batch_normalization` (what
    :class:`~chainer.links.BatchNormalization` computes in test mode,
    exported as a ``BatchNorm`` and a ``Scale`` layer),
    :func:`~chainer.functions.local_response_normalization`,
    :func:`~chainer.functions.relu`, :func:`~chainer.functions.leaky_relu`,
    :func:`~chainer.functions.concat`, :func:`~chainer.functions.softmax`,
    :func:`~chainer.functions.sigmoid`, :func:`~chainer.functions.reshape`
    and :func:`~chainer.functions.add` (``+`` of two variables). This is
    enough for the VGG, ResNet and GoogLeNet models of
    :mod:`chainer.links`. It needs the ``protobuf`` package and
    chainer-links.

    Args:
        model (~chainer.Chain): The model object you want to export in
            Caffe format. It should have a :meth:`__call__` method because
            the second argument ``args`` is directly given to the model by
            the ``()`` accessor.
        args (list of ~chainer.Variable): The arguments which are given to
            the model directly. Only one argument is supported.
        directory (str): The directory used for saving the resulting Caffe
            model. If ``None``, nothing is saved to the disk (the graph is
            still converted, so unsupported functions are reported).
        export_params (bool): If ``True``, this function exports all the
            parameters included in the given model at the same time. If
            ``False``, the exported Caffe model doesn't include any
            parameter values (no ``.caffemodel`` is written).
        graph_name (str): A string to be used for the ``name`` field of the
            graph in the exported Caffe model.

    Raises:
        NotImplementedError: ``args`` has more than one element, or the
            graph contains a function that has no Caffe counterpart here.

    .. admonition:: Example

       ::

           from chainer.exporters import caffe

           model = L.VGG16Layers(pretrained_model=None)
           x = chainer.Variable(numpy.zeros((1, 3, 224, 224), 'f'))
           caffe.export(model, [x], 'exported', graph_name='VGG16')

    """
    if not isinstance(args, (tuple, list)):
        raise AssertionError('args must be a list or tuple of Variables')
    if len(args) != 1:
        raise NotImplementedError(
            'only a model with one argument can be exported')
    for arg in args:
        if not isinstance(arg, variable.Variable):
            raise AssertionError(
                'each element of args must be a Variable, not {}'.format(
                    type(arg)))
    pb = _caffe_pb2()
    with function.force_backprop_mode(), \
            chainer.using_config('train', False):
        outputs = model(*args)
    if isinstance(outputs, variable.Variable):
        outputs = [outputs]
    if not isinstance(outputs, (tuple, list)) or not all(
            isinstance(y, variable.Variable) for y in outputs):
        raise AssertionError(
            'the model must return a Variable or a list or tuple of them')

    with_blobs = directory is not None and export_params
    text_net, binary_net = _build_nets(pb, graph_name, args, outputs,
                                       with_blobs)
    if directory is None:
        return
    from google.protobuf import text_format
    with open(os.path.join(directory, 'chainer_model.prototxt'), 'w') as f:
        f.write(text_format.MessageToString(text_net))
    if binary_net is not None:
        path = os.path.join(directory, 'chainer_model.caffemodel')
        with open(path, 'wb') as f:
            f.write(binary_net.SerializeToString())
