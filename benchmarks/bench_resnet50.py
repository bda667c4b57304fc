"""ResNet-50 (``L.ResNet50Layers``): fwd + bwd + SGD step, batch 2, 224x224.

The chainer model is ``L.ResNet50Layers(pretrained_model=None)`` (MSRA
variant: stride on the first 1x1 convolution of each downsampling block,
batch normalization in training mode) run up to ``fc6``, followed by
softmax cross entropy and a plain ``SGD(lr=0.01)`` update. PyTorch runs
the same network written with ``torch.nn`` (torchvision is not needed),
holding copies of the chainer model's initial weights; batch
normalization uses chainer's eps of 2e-5, and the max pooling rounds its
output size up as chainer's ``cover_all=True`` does. Reported per step in
milliseconds.
"""

import numpy

NAME = 'resnet50'
DESCRIPTION = 'ResNet50Layers fwd+bwd+SGD, batch 2, 3x224x224 float32'
UNIT = 'ms/step'
# The runner reports 1e6 * seconds / UNITS_PER_STEP: this gives ms.
UNITS_PER_STEP = 1000
BATCH, SIZE, CLASSES = 2, 224, 1000
LR = 0.01


def _data():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (BATCH, 3, SIZE, SIZE)).astype(numpy.float32)
    t = rng.randint(0, CLASSES, BATCH).astype(numpy.int32)
    return x, t


def _chainer_model():
    import chainer.links as L
    numpy.random.seed(0)  # HeNormal and Linear's default draw from numpy
    return L.ResNet50Layers(pretrained_model=None)


def _result(loss, fc6_w_grad, fc6_b_grad):
    # The loss and fc6's gradients check the whole forward pass. Gradients
    # deeper down are not compared: with 2 samples, train-mode batch
    # normalization in res5 sees nearly constant gradients (they come from
    # global average pooling) and cancels them, so in float32 both
    # frameworks land a few percent from the float64 answer (conv1.W's
    # gradient: chainer 2.8%, torch 1.7% of its largest element), beyond
    # the runner's tolerance.
    return numpy.concatenate([numpy.ravel(loss), numpy.ravel(fc6_w_grad),
                              numpy.ravel(fc6_b_grad)])


def chainer_setup():
    import chainer
    import chainer.functions as F

    model = _chainer_model()
    optimizer = chainer.optimizers.SGD(lr=LR)
    optimizer.setup(model)
    x, t = _data()

    def loss_fun():
        y = model(x, layers=['fc6'])['fc6']
        return F.softmax_cross_entropy(y, t)

    def step():
        loss = loss_fun()
        model.cleargrads()
        loss.backward()
        optimizer.update()
        return _result(loss.array, model.fc6.W.grad, model.fc6.b.grad)

    return step


def _torch_net(torch, src):
    """A torch.nn copy of a chainer ResNetLayers, sharing no memory."""
    nn = torch.nn

    def conv(link):
        w = link.W.array
        out_c, in_c, kh, _ = w.shape
        m = nn.Conv2d(in_c, out_c, kh, link.stride, link.pad,
                      bias=link.b is not None)
        with torch.no_grad():
            m.weight.copy_(torch.from_numpy(w))
            if link.b is not None:
                m.bias.copy_(torch.from_numpy(link.b.array))
        return m

    def bn(link):
        m = nn.BatchNorm2d(link.gamma.size, eps=link.eps,
                           momentum=1 - link.decay)
        with torch.no_grad():
            m.weight.copy_(torch.from_numpy(link.gamma.array))
            m.bias.copy_(torch.from_numpy(link.beta.array))
        return m

    class Bottleneck(nn.Module):
        def __init__(self, block):
            super().__init__()
            self.main = nn.Sequential(
                conv(block.conv1), bn(block.bn1), nn.ReLU(),
                conv(block.conv2), bn(block.bn2), nn.ReLU(),
                conv(block.conv3), bn(block.bn3))
            # BottleneckA projects the shortcut; BottleneckB passes it on.
            self.short = (nn.Sequential(conv(block.conv4), bn(block.bn4))
                          if hasattr(block, 'conv4') else nn.Identity())

        def forward(self, x):
            return torch.relu(self.main(x) + self.short(x))

    stages = []
    for stage in (src.res2, src.res3, src.res4, src.res5):
        stages.extend(Bottleneck(stage[name]) for name in stage._forward)
    fc = nn.Linear(2048, CLASSES)
    with torch.no_grad():
        fc.weight.copy_(torch.from_numpy(src.fc6.W.array))
        fc.bias.copy_(torch.from_numpy(src.fc6.b.array))
    return nn.Sequential(
        conv(src.conv1), bn(src.bn1), nn.ReLU(),
        nn.MaxPool2d(3, 2, ceil_mode=True),  # chainer's cover_all=True
        *stages,
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), fc)


def torch_setup(torch):
    import torch.nn.functional as TF

    net = _torch_net(torch, _chainer_model())
    net.train()
    optimizer = torch.optim.SGD(net.parameters(), lr=LR)
    x0, t0 = _data()
    x = torch.from_numpy(x0)
    t = torch.from_numpy(t0.astype(numpy.int64))
    fc6 = net[-1]

    def step():
        optimizer.zero_grad()
        loss = TF.cross_entropy(net(x), t)
        loss.backward()
        optimizer.step()
        return _result(loss.detach().numpy(), fc6.weight.grad.numpy(),
                       fc6.bias.grad.numpy())

    return step
