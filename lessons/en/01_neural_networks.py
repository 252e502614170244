# %% [markdown]
# # Neural networks
#
# A neural network is built from one small piece repeated many times: the **neuron**. In this lesson
# you compute a neuron and a whole layer of neurons by hand with tensors, and then check that
# PyTorch's `nn.Linear` computes exactly the same numbers.
#
# **What you will learn**
#
# - what a neuron computes: a weighted sum of its inputs plus a bias, passed through an activation function
# - how neurons are arranged in layers: input, hidden and output
# - how to compute one layer for a whole batch with `X @ W.T + b`, and that `nn.Linear` does the same
# - how `nn.Linear` lays out its weight: one row per neuron, shape `(out_features, in_features)`
# - why writing into a layer's parameters in place (`copy_`, `fill_`) needs `torch.no_grad()`
# - what the bias does (it moves the threshold) and what it does not do (it is no measure of confidence)
#
# **Prerequisites:** basic Python and a first look at tensors: creating them, `shape`, indexing such as
# `W[1]`, `*`, `@`, `.T` (transpose), `.sum()`, and comparisons such as `x > 0` turned into 0/1 with
# `.int()`. The figures are drawn with matplotlib (`plt.subplots`, `ax.plot`); you only need to read
# that code, not write it. No earlier lesson is needed.

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
torch.set_printoptions(precision=4, sci_mode=False)  # 4 decimals, no 1e-05 notation
device = get_device()  # CUDA, then MPS, then CPU
print("device:", device.type)

# %% [markdown]
# `seed_everything`, `show` and `get_device` are small helpers from this course's `course_lib`.
# `seed_everything(0)` seeds Python's `random` module and PyTorch's random number generator, so the
# random tensors and initial weights below are the same on every run. `show(fig)` displays a
# matplotlib figure. `get_device()` is explained in the section "`nn.Linear` computes the same thing",
# where a layer is put on `device`.
#
# ## One neuron
#
# A neuron takes $n$ inputs $x_1, \dots, x_n$, multiplies each by its own **weight** $w_i$ and adds them
# up; that sum is the *weighted sum*. Adding a **bias** $b$ to it gives $z$, and the neuron passes $z$
# through an **activation function** $f$:
#
# $$y = f(z), \qquad z = \sum_{i=1}^{n} w_i x_i + b = \mathbf{w} \cdot \mathbf{x} + b$$
#
# The weights and the bias are the neuron's *parameters*: training adjusts them. Here is one neuron with
# three inputs, computed by hand, with the sigmoid $\sigma(z) = 1 / (1 + e^{-z})$ as its activation.

# %%
x = torch.tensor([1.0, 2.0, 3.0])    # 3 inputs
w = torch.tensor([0.5, -1.0, 0.25])  # one weight per input
b = torch.tensor(0.1)                # one bias per neuron

z = (w * x).sum() + b                # 0.5 - 2.0 + 0.75 + 0.1
print("z =", z)
print("w @ x + b =", w @ x + b)  # the same value, via a dot product
print("sigmoid(z) =", torch.sigmoid(z))

# %% [markdown]
# The weighted sum is just the dot product `w @ x`, so `w @ x + b` gives the same $-0.65$ as $z$. The
# sigmoid maps any $z$ into the range $(0, 1)$; [lesson 02](02_activation_functions.ipynb) compares it
# with other activation functions.
#
# ## Layers: input, hidden, output
#
# Neurons are arranged in **layers**. The **input layer** holds the input values and computes nothing;
# each **hidden layer** and the **output layer** is a group of neurons. In the networks of this lesson
# each of those neurons receives *every* value of the layer before it. The figure shows a network with
# 3 inputs, a hidden layer of 4 neurons and an output layer of 2 neurons — a "3-4-2" network.

# %%
sizes = [3, 4, 2]  # values in the input layer, neurons in the hidden and output layers
labels = ["input / 입력층", "hidden / 은닉층", "output / 출력층"]
pos = [[(2 * col, (n - 1) / 2 - row) for row in range(n)] for col, n in enumerate(sizes)]

fig, ax = plt.subplots(figsize=(7, 5))
for col, (left, right) in enumerate(zip(pos, pos[1:])):  # every value feeds every next neuron
    for (x0, y0) in left:
        for (x1, y1) in right:
            ax.plot([x0, x1], [y0, y1], color="gray", lw=0.8, zorder=1)
    n_out, n_in = sizes[col + 1], sizes[col]
    ax.text(2 * col + 1, 1.9, f"W: ({n_out}, {n_in})\nb: ({n_out},)", ha="center", va="bottom", family="monospace")
for col, (points, label) in enumerate(zip(pos, labels)):
    for (px, py) in points:
        ax.add_patch(plt.Circle((px, py), 0.22, color=f"C{col}", zorder=2))
    ax.text(2 * col, -2.3, label, ha="center", va="top")
ax.set(xlim=(-1, 5), ylim=(-2.8, 2.8), aspect="equal", title="A 3-4-2 network / 3-4-2 신경망")
ax.axis("off")
show(fig)

# %% [markdown]
# Each layer of neurons has one weight per incoming line and one bias per neuron. The labels above the
# lines are the shapes PyTorch uses for them; the next sections explain why the weight is written
# `(out, in)`.
#
# ## One layer by hand: `X @ W.T + b`
#
# A layer is several neurons that read the same inputs. Stack the weight vectors of its neurons as the
# *rows* of a matrix `W` of shape `(out, in)` (`out` neurons, `in` input values each).
#
# One example of the data, such as one image, is a *sample*; the input values that describe it are
# its *features* (for an image, one pixel is one feature). Stack a **minibatch** of samples — several
# samples processed together — as the rows of `X`: one row per sample, one column per feature. Then
# `X @ W.T + b`, with `W.T` the transpose of `W`, computes every neuron for every sample at once.

# %%
X = torch.randn(2, 3)  # a minibatch of 2 samples, 3 features each
W = torch.randn(4, 3)  # 4 neurons: row i holds the 3 weights of neuron i
b = torch.randn(4)     # one bias per neuron

Z = X @ W.T + b        # (2, 3) @ (3, 4) + (4,) -> (2, 4)
print("Z.shape:", Z.shape)
print(Z)

neuron_1 = (W[1] * X[0]).sum() + b[1]  # neuron 1 on sample 0, the single-neuron way
print("Z[0, 1] =", Z[0, 1], " single neuron:", neuron_1)

# %% [markdown]
# Entry `Z[i, j]` is neuron `j` applied to sample `i`; computing one neuron at a time, as the `neuron_1`
# line of the cell does, gives the same value.
# The bias `b` of shape `(4,)` is *broadcast* (stretched along the missing dimension): the same 4
# biases are added to every row.
#
# ## `nn.Linear` computes the same thing
#
# `nn.Linear(in_features, out_features)` is such a layer: it stores a weight and a bias and computes
# `X @ W.T + b`. Copy our `W` and `b` into it, and it must give the same numbers.
#
# We put the layer on `device`. The course helper `get_device()` in the first cell picked it: a CUDA
# GPU if there is one, else the GPU of an Apple silicon Mac (MPS), else the CPU
# ([lesson 03](03_building_models.ipynb) shows the plain PyTorch code). This page was built on a CPU, so
# the first cell shows `device: cpu`; run on a machine with a GPU, it shows `cuda` or `mps`.
# `.to(device)` moves a layer or a tensor there.
#
# A first try, copying the weight in with `copy_` and nothing else, fails:

# %%
layer = nn.Linear(in_features=3, out_features=4).to(device)
print(layer)
print("weight.requires_grad:", layer.weight.requires_grad)

try:
    layer.weight.copy_(W)  # an in-place write while PyTorch records: refused
except RuntimeError as err:
    print("RuntimeError:", err)

# %% [markdown]
# Why? A layer's weight and bias have `requires_grad=True`: PyTorch records every operation done with
# them, so that training can later compute **gradients** (how much a result changes when a parameter
# changes; [lesson 02](02_activation_functions.ipynb) computes some). In that record a parameter is a
# starting point, a *leaf*. An in-place write (`copy_`, `fill_`, `+=`) while recording is on would make
# it the result of an operation instead, so PyTorch refuses it with the error above. Inside
# `with torch.no_grad():` nothing is recorded and the write is a plain change of values: here
# `torch.no_grad()` is required, not a courtesy.
#
# The layer then computes on `device`, and `.cpu()` on its output brings the result back to the CPU to
# compare it with `Z`. `torch.allclose` allows for the tiny rounding differences another device or
# kernel can give, where exact equality would not.

# %%
with torch.no_grad():      # recording off: writing into the parameters is allowed
    layer.weight.copy_(W)  # copy_ also moves the values to the layer's device
    layer.bias.copy_(b)

out = layer(X.to(device))  # (2, 3) -> (2, 4)
print("out.shape:", out.shape)
print("same as X @ W.T + b:", torch.allclose(out.cpu(), Z))  # .cpu(): Z lives on the CPU

# %% [markdown]
# ## How `nn.Linear` stores its weight
#
# `nn.Linear` keeps `weight` with shape `(out_features, in_features)` — one row per neuron, exactly like
# our `W` — and `bias` with shape `(out_features,)`. A layer from the 784 pixels of a 28×28 image (784
# features) to 20 neurons therefore has a `(20, 784)` weight and a `(20,)` bias. PyTorch fills
# both with small random values, drawn uniformly between $-1/\sqrt{n}$ and $1/\sqrt{n}$ for $n$ = `in_features`: here
# $1/\sqrt{784} = 1/28$.

# %%
layer = nn.Linear(784, 20)
print("weight:", layer.weight.shape)  # (out_features, in_features)
print("bias:  ", layer.bias.shape)    # (out_features,)
print("neuron 0 has", layer.weight[0].numel(), "weights")

bound = 1 / 784**0.5  # 1/sqrt(in_features) = 1/28
print(f"bound = {bound:.4f}, all weights within it:", (layer.weight.abs() <= bound).all().item())
print("all biases within it:", (layer.bias.abs() <= bound).all().item())

# %% [markdown] tags=["pitfall"]
# **Pitfall: writing a weight matrix as `(in, out)`**
#
# Many textbooks write a layer as `X @ W` with `W` of shape `(in, out)`. Copying such a matrix into
# `nn.Linear` without transposing it is a silent bug when the layer is square: the shapes match, so
# nothing complains, but the layer computes something else.

# %% tags=["pitfall"]
W_in_out = torch.randn(3, 3)  # a textbook weight: rows = inputs, columns = neurons
square = nn.Linear(3, 3, bias=False)
with torch.no_grad():
    square.weight.copy_(W_in_out)  # wrong: nn.Linear expects (out, in)
print("matches X @ W_in_out:", torch.allclose(square(X), X @ W_in_out))

# %% [markdown] tags=["pitfall"]
# **The fix:** transpose the matrix to `(out, in)` with `.T` before copying it. When the layer is not
# square, the same mistake at least fails loudly, because the shapes differ; with a square layer only a
# check like this `allclose` catches it.

# %% tags=["pitfall"]
with torch.no_grad():
    square.weight.copy_(W_in_out.T)  # fix: transpose to (out, in)
print("after .T:", torch.allclose(square(X), X @ W_in_out))

wide = nn.Linear(3, 4, bias=False)  # not square: its weight is (4, 3)
try:
    with torch.no_grad():
        wide.weight.copy_(torch.randn(3, 4))  # an (in, out) matrix
except RuntimeError as err:
    print("RuntimeError:", err)

# %% [markdown]
# ## What the bias does
#
# Take a neuron with one input, weight $w = 1$ and a *step* activation: it outputs 1 ("fires") when
# $z = wx + b > 0$ and 0 otherwise. Solving for $x$, a neuron with $w > 0$ fires exactly when
# $x > -b/w$ (a negative weight flips the inequality), so the bias sets the **threshold**: with $w > 0$,
# a larger bias makes the neuron fire for smaller inputs.

# %%
x = torch.arange(-3.0, 4.0)  # inputs -3, -2, ..., 3
w = 1
print("x:", x.tolist())
for b in (-2, 0, 2):
    fires = (w * x + b > 0).int()  # step activation: 1 if z > 0 else 0
    print(f"b = {b:+d}: fires for x > {-b / w:+.0f} ->", fires.tolist())

# %% [markdown]
# With a smooth activation such as the sigmoid, the bias does the same: it slides the whole curve
# left or right without changing its shape. The output is 0.5 where $z = 0$, that is at $x = -b/w$.

# %%
xs = torch.linspace(-8, 8, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
for b in (-3.0, 0.0, 3.0):
    ax.plot(xs, torch.sigmoid(xs + b), label=f"b = {b:+.0f}")  # w = 1
ax.axhline(0.5, color="gray", lw=0.8, ls="--")
ax.set(xlabel="input x / 입력", ylabel="sigmoid(x + b)", title="The bias shifts the curve / 편향은 곡선을 옮깁니다")
ax.legend()
show(fig)

# %% [markdown] tags=["pitfall"]
# **Pitfall: "a low bias means the neuron is confident"**
#
# A common reading of the bias is that a low bias means the neuron is confident in its output and a
# high bias means it is not. That is wrong. The bias is a **learned offset**, a constant added to the
# weighted sum that shifts the whole result: a parameter like the weights, which training moves to
# wherever it places the threshold best. Its size depends on how the inputs happen to be measured and
# says nothing about confidence. Below, a neuron that reads the raw exam score (bias $-30$) and one that
# reads the score minus 50 (bias $-5$) give *identical* outputs, and two neurons with the *same* bias,
# 0, give very different ones.

# %% tags=["pitfall"]
score = torch.tensor([40.0, 55.0, 60.0, 65.0, 90.0])   # exam scores, pass mark 60
p_raw = torch.sigmoid(0.5 * score - 30.0)               # bias -30, input: the raw score
p_centred = torch.sigmoid(0.5 * (score - 50.0) - 5.0)   # bias -5, input: score - 50
print("bias -30:", p_raw)
print("bias  -5:", p_centred)
print("identical:", torch.equal(p_raw, p_centred))

# %% tags=["pitfall"]
x = torch.tensor([-1.0, 1.0])
print("w = 5,   b = 0:", torch.sigmoid(5.0 * x + 0.0))  # near 0 and 1
print("w = 0.1, b = 0:", torch.sigmoid(0.1 * x + 0.0))  # near 0.5

# %% [markdown] tags=["pitfall"]
# **The fix:** confidence belongs to an *output for a given input*, not to a parameter. For a sigmoid
# output $p$, the neuron's confidence in its own answer is $\max(p, 1 - p)$, which depends on the whole
# $z = \mathbf{w} \cdot \mathbf{x} + b$. The bias is trained just like the weights (both have
# `requires_grad=True`). (In statistics,
# a model with "high bias" is one that makes systematic errors, such as a straight line fitted to a
# curve — a different idea that happens to share the word.)

# %% tags=["pitfall"]
confidence = torch.maximum(p_raw, 1 - p_raw)  # probability of the answer the neuron gives
print("scores:    ", score)
print("confidence:", confidence)              # lowest (0.5) right at the pass mark
print("bias is trained:", layer.bias.requires_grad, "| weight is trained:", layer.weight.requires_grad)

# %% [markdown]
# ## The 3-4-2 network in code
#
# Back to the network in the figure: two `nn.Linear` layers with an activation between them. A
# minibatch of 5 samples flows through it, and the parameter count matches the shapes in the figure:
# $4 \cdot 3 + 4 + 2 \cdot 4 + 2 = 26$.

# %%
hidden_layer = nn.Linear(3, 4).to(device)  # input (3) -> hidden (4)
output_layer = nn.Linear(4, 2).to(device)  # hidden (4) -> output (2)

X = torch.randn(5, 3).to(device)  # a minibatch of 5 samples
H = torch.sigmoid(hidden_layer(X))  # (5, 3) -> (5, 4)
Y = output_layer(H)                 # (5, 4) -> (5, 2)
print("X:", X.shape, "H:", H.shape, "Y:", Y.shape)

tensors = [hidden_layer.weight, hidden_layer.bias, output_layer.weight, output_layer.bias]
print("parameters:", sum(t.numel() for t in tensors))

# %% [markdown]
# The output layer has no activation here: its two raw outputs, called **logits**, are what a
# classifier turns into class probabilities ([lesson 02](02_activation_functions.ipynb) shows softmax,
# [lesson 03](03_building_models.ipynb) builds a full model).
#
# ## Summary
#
# - A neuron computes $y = f(\mathbf{w} \cdot \mathbf{x} + b)$: a weighted sum of its inputs, plus a
#   bias, through an activation function.
# - A layer is many neurons reading the same inputs; for a minibatch `X` it is `X @ W.T + b`, one row of `W`
#   per neuron. Networks stack an input layer, hidden layers and an output layer.
# - `nn.Linear(in_features, out_features)` computes exactly that — `torch.allclose` confirmed it — and
#   stores `weight` as `(out_features, in_features)` and `bias` as `(out_features,)`.
# - Writing values into a parameter in place (`copy_`, `fill_`) must happen inside `torch.no_grad()`:
#   outside it PyTorch records operations on parameters and refuses the write.
# - The bias moves the activation threshold (to $x = -b/w$ for one input). It is a learned offset, not a
#   measure of confidence; confidence is read from the outputs.
#
# ## Exercises
#
# **1.** A neuron has inputs $(2, -1, 0.5)$, weights $(1, 3, -2)$ and bias $0.5$. Work out $z$ on paper,
# then check it with tensors and with an `nn.Linear(3, 1)` holding the same numbers. What is
# $\sigma(z)$?

# %% tags=["solution"]
x = torch.tensor([2.0, -1.0, 0.5])
w = torch.tensor([1.0, 3.0, -2.0])
z = w @ x + 0.5  # 2 - 3 - 1 + 0.5 = -1.5
print("by hand:", z, " sigmoid:", torch.sigmoid(z))

neuron = nn.Linear(3, 1)
with torch.no_grad():
    neuron.weight.copy_(w.unsqueeze(0))  # (3,) -> (1, 3): one neuron = one row
    neuron.bias.fill_(0.5)
print("nn.Linear:", neuron(x).item())  # (3,) -> (1,) -> a Python float

# %% [markdown]
# **2.** Before running anything, predict the shape of `weight`, the shape of `bias` and the number of
# parameters of `nn.Linear(5, 2)`. Then check, and confirm with `torch.allclose` that the layer equals
# `X @ W.T + b` on a minibatch `X` of shape `(10, 5)`.

# %% tags=["solution"]
layer = nn.Linear(5, 2)
print(layer.weight.shape, layer.bias.shape)                      # (2, 5) and (2,)
print("parameters:", layer.weight.numel() + layer.bias.numel())  # 2 * 5 + 2 = 12

X = torch.randn(10, 5)
by_hand = X @ layer.weight.T + layer.bias  # (10, 5) @ (5, 2) + (2,) -> (10, 2)
print("allclose:", torch.allclose(layer(X), by_hand))

# %% [markdown]
# **3.** A neuron with a step activation and weight $w = 2$ fires when $wx + b > 0$. Which bias makes it fire exactly
# for inputs $x > 3$? Check your answer on $x = 0, 0.5, 1, \dots, 6$.

# %% tags=["solution"]
w, b = 2.0, -6.0  # threshold -b / w = 3, so b = -3 * w
x = torch.arange(0.0, 6.5, 0.5)
fires = (w * x + b > 0).int()
print("x:    ", x.tolist())
print("fires:", fires.tolist())
print("fires exactly for x > 3:", torch.equal(fires.bool(), x > 3))

# %% [markdown]
# ## Further reading
#
# - [`torch.nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html) — the layer, its shapes and its default initialisation
# - [`torch.nn.functional.linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.linear.html) — the same computation as a function
# - [`torch.matmul`](https://docs.pytorch.org/docs/stable/generated/torch.matmul.html) — what `@` does, including batches
# - [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html) and [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html) — comparing tensors
# - [`torch.sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.sigmoid.html) and [`torch.maximum`](https://docs.pytorch.org/docs/stable/generated/torch.maximum.html)
# - [`torch.tensor`](https://docs.pytorch.org/docs/stable/generated/torch.tensor.html), [`torch.randn`](https://docs.pytorch.org/docs/stable/generated/torch.randn.html), [`torch.arange`](https://docs.pytorch.org/docs/stable/generated/torch.arange.html), [`torch.linspace`](https://docs.pytorch.org/docs/stable/generated/torch.linspace.html)
# - [Autograd mechanics: in-place operations](https://docs.pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd) — what PyTorch records and why it guards in-place writes
# - [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html), [`Tensor.copy_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.copy_.html), [`Tensor.T`](https://docs.pytorch.org/docs/stable/tensors.html#torch.Tensor.T)
# - Tensor methods used here: [`Tensor.to`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.to.html), [`Tensor.numel`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.numel.html), [`Tensor.item`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.item.html), [`Tensor.tolist`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.tolist.html), [`Tensor.unsqueeze`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.unsqueeze.html), [`Tensor.fill_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.fill_.html), [`Tensor.requires_grad`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.requires_grad.html)
# - Also used: [`nn.Module.to`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.to), [`torch.set_printoptions`](https://docs.pytorch.org/docs/stable/generated/torch.set_printoptions.html)
# - [Broadcasting semantics](https://docs.pytorch.org/docs/stable/notes/broadcasting.html) — why `+ b` works on every row
