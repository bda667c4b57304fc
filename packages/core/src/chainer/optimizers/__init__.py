"""Gradient-based optimizers and their per-parameter update rules."""
from chainer.optimizers.ada_delta import AdaDelta  # NOQA
from chainer.optimizers.ada_delta import AdaDeltaRule  # NOQA
from chainer.optimizers.ada_grad import AdaGrad  # NOQA
from chainer.optimizers.ada_grad import AdaGradRule  # NOQA
from chainer.optimizers.adam import Adam  # NOQA
from chainer.optimizers.adam import AdamRule  # NOQA
from chainer.optimizers.corrected_momentum_sgd import (  # NOQA
    CorrectedMomentumSGD, CorrectedMomentumSGDRule)
from chainer.optimizers.momentum_sgd import MomentumSGD  # NOQA
from chainer.optimizers.momentum_sgd import MomentumSGDRule  # NOQA
from chainer.optimizers.nesterov_ag import NesterovAG  # NOQA
from chainer.optimizers.nesterov_ag import NesterovAGRule  # NOQA
from chainer.optimizers.rmsprop import RMSprop  # NOQA
from chainer.optimizers.rmsprop import RMSpropRule  # NOQA
from chainer.optimizers.rmsprop_graves import RMSpropGraves  # NOQA
from chainer.optimizers.rmsprop_graves import RMSpropGravesRule  # NOQA
from chainer.optimizers.sgd import SGD  # NOQA
from chainer.optimizers.sgd import SGDRule  # NOQA
from chainer.optimizers.smorms3 import SMORMS3  # NOQA
from chainer.optimizers.smorms3 import SMORMS3Rule  # NOQA
