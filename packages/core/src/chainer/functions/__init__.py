"""Differentiable functions (``chainer.functions``, usually imported as F).

Each family below owns its own block of re-exports; keep the blocks apart.
"""
# isort: skip_file

# --- basic math (Variable operators) ---
from chainer.functions.math.basic_math import absolute  # NOQA
from chainer.functions.math.basic_math import add  # NOQA
# --- end basic math ---

# --- arithmetic & mathematical functions (issue 4) ---
from chainer.functions.math.minmax import argmax  # NOQA
from chainer.functions.math.minmax import argmin  # NOQA
from chainer.functions.math.average import average  # NOQA
from chainer.functions.math.matmul import batch_matmul  # NOQA
from chainer.functions.math.clip import clip  # NOQA
from chainer.functions.math.exponential import exp  # NOQA
from chainer.functions.math.exponential import log  # NOQA
from chainer.functions.math.exponential import log10  # NOQA
from chainer.functions.math.exponential import log2  # NOQA
from chainer.functions.math.matmul import matmul  # NOQA
from chainer.functions.math.minmax import max  # NOQA
from chainer.functions.math.maximum import maximum  # NOQA
from chainer.functions.math.average import mean  # NOQA
from chainer.functions.math.minmax import min  # NOQA
from chainer.functions.math.minimum import minimum  # NOQA
from chainer.functions.math.sqrt import rsqrt  # NOQA
from chainer.functions.math.sqrt import sqrt  # NOQA
from chainer.functions.math.square import square  # NOQA
from chainer.functions.math.squared_difference import squared_difference  # NOQA
from chainer.functions.math.sum import sum  # NOQA
from chainer.functions.activation.tanh import tanh  # NOQA
# --- end arithmetic & mathematical functions ---

# --- activation functions (issue 4) ---
# --- end activation functions ---

# --- array manipulations (issue 4) ---
# --- end array manipulations ---

# --- connections (issue 5) ---
from chainer.functions.connection.linear import linear  # NOQA
# --- end connections ---

# --- pooling (issue 5) ---
# --- end pooling ---

# --- normalization (issue 5) ---
# --- end normalization ---

# --- losses (issue 5) ---
# --- end losses ---

# --- evaluation, noise, utility (issue 5) ---
# --- end evaluation, noise, utility ---
