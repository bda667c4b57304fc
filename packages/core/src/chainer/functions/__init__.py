"""Differentiable functions (``chainer.functions``, usually imported as F).

Each family below owns its own block of re-exports; keep the blocks apart.
"""
# isort: skip_file

# --- basic math (Variable operators) ---
from chainer.functions.math.basic_math import absolute  # NOQA
from chainer.functions.math.basic_math import add  # NOQA
# --- end basic math ---

# --- arithmetic & mathematical functions (issue 4) ---
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
