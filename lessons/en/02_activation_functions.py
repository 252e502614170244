# %% [markdown]
# # Activation functions
#
# A neuron adds a bias to the weighted sum of its inputs, $z = \mathbf{w} \cdot \mathbf{x} + b$, and
# then passes $z$ through an **activation function**. This lesson shows why that second step matters
# and which functions people use.
#
# **What you will learn**
#
# - the classic activations (binary step, sigmoid, tanh, ReLU) and modern ones (LeakyReLU, ELU,
#   GELU, SiLU): their shapes, and the derivative of each computed by autograd;
# - why a network needs a nonlinearity: two linear layers in a row are just one linear layer;
# - why the binary step cannot be trained with gradients;
# - softmax: along which dimension (`dim`) to compute it, the numerically stable implementation, and
#   `log_softmax`;
# - `nn.ReLU()`, `F.relu` and `torch.relu`: three spellings of the same operation.
#
# **Prerequisites:** [lesson 01](01_neural_networks.ipynb) (a neuron, `nn.Linear`, writing into
# parameters inside `torch.no_grad()`). From autograd, PyTorch's automatic differentiation, you only
# need this: a tensor created with `requires_grad=True` records the operations done with it (that record
# is the *autograd graph*), and calling `torch.autograd.grad(y, x)` or `y.backward()` then computes the
# **gradient** of `y` with respect to `x`: how much `y` changes when each element of `x` changes a
# little. Unless you pass them an extra argument (`grad_outputs` for `autograd.grad`, `gradient` for
# `backward`), both need `y` to hold a single element; the section on derivatives shows how to get one.

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()

# %% [markdown]
# `F` is `torch.nn.functional`: PyTorch's operations for neural networks, such as `F.relu` and
# `F.softmax`, written as plain functions. The last section compares `F.relu` with the other ways to
# write the same operation.
#
# ## Eight activation functions
#
# Each function acts on every element separately. The binary step outputs 1 for a positive input
# and 0 for a negative one (the version below, built from `sign`, gives 0.5 at exactly 0); sigmoid
# $\sigma(x) = 1 / (1 + e^{-x})$ squashes into $(0, 1)$; tanh (hyperbolic tangent) into $(-1, 1)$; ReLU
# is $\max(0, x)$.
# LeakyReLU keeps a small slope for $x < 0$, ELU bends smoothly towards $-1$, and GELU $x\,\Phi(x)$
# ($\Phi$ is the standard normal CDF) and SiLU $x\,\sigma(x)$ are smooth versions of ReLU used in
# modern networks such as transformers.

# %%
activations = {
    "binary step": lambda t: (torch.sign(t) + 1) / 2,  # 0 / 0.5 / 1, built from an op autograd knows
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "ReLU": F.relu,
    "LeakyReLU(0.1)": lambda t: F.leaky_relu(t, negative_slope=0.1),
    "ELU": F.elu,
    "GELU": F.gelu,
    "SiLU": F.silu,
}
x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])
print(f"{'x':>15}", x.tolist())
for name, f in activations.items():
    print(f"{name:>15}", [round(v, 3) for v in f(x).tolist()])

# %% [markdown]
# ## Each function with its derivative
#
# Training changes every weight a little in the direction opposite to its gradient (gradient descent,
# written out in the next section). Computing a weight's gradient multiplies in the derivatives of the
# activations after that weight, so training needs the derivative of every activation, and autograd
# computes it for us.
# As said above, without `grad_outputs` or `gradient` the output `y` must hold a single element: with
# 801 outputs the call raises an error. We therefore sum first. Output $i$ depends only on input $i$, so
# the gradient of `f(x).sum()` is exactly $f'(x_i)$ at every point.

# %%
x = torch.linspace(-4, 4, 801, requires_grad=True)  # 801 points from -4 to 4
y = torch.sigmoid(x)  # 801 outputs
try:
    torch.autograd.grad(y, x)  # not a single number: refused
except RuntimeError as err:
    print("RuntimeError:", err)

(dy,) = torch.autograd.grad(y.sum(), x)  # one number: fine; dy[i] = sigmoid'(x[i])
print("dy.shape:", dy.shape)

# %% [markdown]
# The same for all eight functions. The dashed lines below come from autograd, not from a formula.
# matplotlib refuses a tensor that `requires_grad`, so the plot gets `x.detach()`: the same values,
# without the autograd record.

# %%
fig, axes = plt.subplots(2, 4, figsize=(14, 6), sharex=True)
for ax, (name, f) in zip(axes.flat, activations.items()):
    y = f(x)
    (dy,) = torch.autograd.grad(y.sum(), x)  # dy[i] = f'(x[i]); dy itself has no record
    ax.plot(x.detach(), y.detach(), label="f(x)")  # .detach(): same values, no autograd record
    ax.plot(x.detach(), dy, "--", label="f'(x)  (autograd)")
    ax.axhline(0, color="gray", lw=0.5)
    ax.set_title(name)
    ax.grid(alpha=0.3)
    print(f"{name:>15}  max f'(x) = {dy.max():.3f}   f'(4) = {dy[-1]:.3f}")
axes[0, 0].legend(loc="upper left")
fig.suptitle("activation functions and their derivatives / 활성화 함수와 도함수")
fig.tight_layout()
show(fig)

# %% [markdown]
# Three things to read from the figure and the printout. The sigmoid's derivative is at most 0.25, so
# every sigmoid multiplies the gradient flowing back through it by 0.25 or less; through many
# sigmoids the gradient tends to become tiny, which is called the **vanishing gradient**. That is one
# reason deep networks moved to ReLU, whose derivative is exactly 1 for every positive input. For large
# $|x|$ the sigmoid and tanh flatten out, they **saturate**: at $x = 4$ their derivatives are already
# below 0.02, so almost no gradient passes. And the binary step's derivative, as drawn, is 0 at every
# point, which is the subject of the next section.

# %% [markdown]
# ## Why the binary step can't be trained
#
# The step is constant on both sides of 0, so its derivative is 0 everywhere except at 0, where
# it does not exist. PyTorch shows this in two ways: a comparison such as `z > 0` cuts the autograd
# graph (the result has no `grad_fn`, the link to the operation that made it, so `backward()`
# fails), and a formula built from ops autograd has a derivative rule for, such as the `sign`
# version above, gives a gradient of exactly zero.

# %%
z = torch.tensor([-1.5, -0.2, 0.3, 2.0], requires_grad=True)
step = (z > 0).float()
print("step:", step, "| requires_grad:", step.requires_grad, "| grad_fn:", step.grad_fn)
try:
    step.sum().backward()
except RuntimeError as err:
    print(type(err).__name__ + ":", err)

for name in ["binary step", "sigmoid", "ReLU"]:
    (grad,) = torch.autograd.grad(activations[name](z).sum(), z)
    print(f"{name:>12} gradient: {grad}")

# %% [markdown]
# A gradient descent step updates a weight by $w \leftarrow w - \eta \, \partial L / \partial w$, where
# $L$ is the loss, the number training makes small ([lesson 07](07_training_basics.ipynb)),
# $\partial L / \partial w$ is the gradient of $L$ with respect to $w$, and $\eta$ is the learning rate,
# a small positive number. With the step function that gradient is zero for every weight in front of
# it, so the weights never move: the network cannot learn. The sigmoid is a smooth stand-in for the
# step, and in exact arithmetic its derivative is positive everywhere, which is why it replaced the step
# in early neural networks. In float32 the gradient autograd computes does reach exactly 0 far from 0,
# where the sigmoid has saturated completely: at $x = -100$ and $x = 20$, for example.

# %%
far = torch.tensor([-100.0, 20.0], requires_grad=True)
(grad,) = torch.autograd.grad(torch.sigmoid(far).sum(), far)
print("sigmoid gradient at x = -100 and x = 20:", grad)
assert torch.equal(grad, torch.zeros(2))  # float32 on the CPU: exactly 0 at both points

# %% [markdown]
# ## Why nonlinearity: two linear layers are one linear layer
#
# Without an activation between them, two linear layers collapse into one:
# $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$. We build that single `nn.Linear`, writing
# its parameters inside `torch.no_grad()` as in [lesson 01](01_neural_networks.ipynb) (outside it
# PyTorch refuses the in-place write), and check that it gives the same outputs as the two layers.

# %%
layer1 = nn.Linear(4, 8).to(device)
layer2 = nn.Linear(8, 3).to(device)
W1, b1 = layer1.weight, layer1.bias  # (8, 4), (8,)
W2, b2 = layer2.weight, layer2.bias  # (3, 8), (3,)

merged = nn.Linear(4, 3).to(device)
with torch.no_grad():  # required for in-place writes into parameters
    merged.weight.copy_(W2 @ W1)  # (3, 8) @ (8, 4) -> (3, 4)
    merged.bias.copy_(W2 @ b1 + b2)  # (3,)

X = torch.randn(5, 4).to(device)  # a minibatch of 5 samples
two_layers = layer2(layer1(X))  # (5, 4) -> (5, 8) -> (5, 3)
print("layer2(layer1(X))[0]:", [round(v, 4) for v in two_layers[0].tolist()])
print("merged(X)[0]        :", [round(v, 4) for v in merged(X)[0].tolist()])
assert torch.allclose(two_layers, merged(X), atol=1e-6)
print("two Linear layers == one Linear layer: True")

# %% [markdown]
# Put a ReLU between the same two layers and the result is no longer a linear map of `X` (one matrix
# product plus one vector): the merged layer now disagrees with it.

# %%
with_relu = layer2(F.relu(layer1(X)))  # same weights, plus a ReLU
diff = (with_relu - merged(X)).abs().max().item()
print(f"max |with_relu - merged(X)| = {diff:.3f}")

# %% [markdown]
# The same thing in a picture: the function computed by a network with one input feature, 16 hidden
# neurons and one output, with the **same** random weights each time. Without an activation the result
# is a straight line however many neurons we use; with ReLU it is a line with bends, with tanh a smooth
# curve. More neurons allow more bends and curves, which is what lets a network approximate
# complicated functions.

# %%
layer1, layer2 = nn.Linear(1, 16), nn.Linear(16, 1)
x = torch.linspace(-3, 3, 200).unsqueeze(1)  # (200,) -> (200, 1): 200 samples, 1 feature
fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
# no_grad: no autograd record, which a plot does not need and matplotlib refuses
with torch.no_grad():
    for ax, (title, act) in zip(axes, [("no activation / 활성화 없음", nn.Identity()),  # Identity returns its input
                                       ("ReLU", nn.ReLU()), ("tanh", nn.Tanh())]):
        ax.plot(x, layer2(act(layer1(x))))  # (200, 1) -> (200, 16) -> (200, 1)
        ax.set_title(title)
        ax.set_xlabel("x")
        ax.grid(alpha=0.3)
fig.suptitle("Linear(1, 16) -> ? -> Linear(16, 1)")
fig.tight_layout()
show(fig)

# %% [markdown]
# ## Softmax turns logits into probabilities
#
# A classifier's last layer outputs one raw score per class, a **logit**. Softmax maps a vector of
# logits to probabilities: $\mathrm{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}$. For a minibatch of
# shape `(samples, classes)` we want each **row** to sum to 1, so we use `dim=1` (the class
# dimension); `dim=0` would instead make each column — one class across the samples — sum to 1.

# %%
logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.5, 0.0]])  # (2 samples, 3 classes)
p_rows = F.softmax(logits, dim=1)
p_cols = F.softmax(logits, dim=0)
print("dim=1:\n", p_rows, "\n  row sums:", p_rows.sum(dim=1))
print("dim=0:\n", p_cols, "\n  row sums:", p_cols.sum(dim=1), " column sums:", p_cols.sum(dim=0))

# %% [markdown] tags=["pitfall"]
# **Pitfall: softmax over the wrong dimension**
#
# With `dim=0` the code runs without complaint, but each sample's "probabilities" no longer sum
# to 1, and they depend on which other samples share the minibatch. In the extreme case of a
# minibatch of one, every class gets probability 1.

# %% tags=["pitfall"]
wrong = nn.Softmax(dim=0)
print("batch of 2, dim=0, row sums:", wrong(logits).sum(dim=1))
print("batch of 1, dim=0:", wrong(logits[:1]))

# %% [markdown] tags=["pitfall"]
# **The fix:** normalise over the class dimension, `dim=1` — or `dim=-1`, the last dimension, which
# stays right even if extra leading dimensions appear. The result for a sample no longer depends
# on its batch mates.

# %% tags=["pitfall"]
right = nn.Softmax(dim=1)
print("batch of 2, dim=1, row sums:", right(logits).sum(dim=1))
assert torch.allclose(right(logits[:1]), right(logits)[:1])
print("batch of 1, dim=1:", right(logits[:1]))

# %% [markdown]
# ## Numerically stable softmax
#
# Taken literally, the formula overflows: the largest float32 is about $3.4 \cdot 10^{38}$, and a larger
# result becomes `inf` (infinity). $e^{88.72}$ is already about that large, so $e^{z}$ is `inf` once $z$
# passes about 88.72; numerator and denominator are then both `inf`, and `inf / inf` is `nan` ("not a
# number"). Subtracting the largest logit $m$ from every logit first gives mathematically the same result, because the factor $e^{-m}$ cancels:
# $$\mathrm{softmax}(z)_i = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}},$$
# but now every exponent is $\le 0$, so no term exceeds 1, and the denominator contains the term
# $e^0 = 1$, so it cannot be 0 either: neither overflow nor `nan` can occur.

# %%
def naive_softmax(z):
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


def stable_softmax(z):
    # .max(dim=-1, keepdim=True) gives (values, indices); .values: each row's maximum, shape (rows, 1)
    z = z - z.max(dim=-1, keepdim=True).values  # the largest entry becomes 0
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


print("largest float32:", torch.finfo(torch.float32).max)
print("exp([88.72, 88.73]):", torch.exp(torch.tensor([88.72, 88.73])))

big = torch.tensor([[1000.0, 1001.0, 1002.0]])
print("exp(big)      :", torch.exp(big))
print("naive_softmax :", naive_softmax(big))
print("stable_softmax:", stable_softmax(big))
assert torch.allclose(stable_softmax(big), torch.softmax(big, dim=-1))
assert torch.allclose(stable_softmax(logits), torch.softmax(logits, dim=-1))
print("stable_softmax == torch.softmax: True")

# %% [markdown]
# PyTorch's own `torch.softmax` (which computes the same as `F.softmax`) does this for you, so in
# practice you never write softmax by hand.
#
# ## `log_softmax`: better than `log(softmax(...))`
#
# The loss that trains a classifier works with the **log** of its probabilities. Computing `softmax`
# first and then `log` fails when a probability underflows to 0: its log becomes `-inf`. `log_softmax`
# computes $z_i - m - \log \sum_j e^{z_j - m}$ directly and stays finite.

# %%
z = torch.tensor([[0.0, -50.0, -200.0]])
print("softmax         :", torch.softmax(z, dim=1))
print("log(softmax)    :", torch.log(torch.softmax(z, dim=1)))
print("log_softmax     :", F.log_softmax(z, dim=1))
assert torch.allclose(F.log_softmax(z, dim=1), z - torch.logsumexp(z, dim=1, keepdim=True))
print("log_softmax == z - logsumexp(z): True")

# %% [markdown]
# This is also why `nn.CrossEntropyLoss` takes raw logits, not probabilities: it applies
# `log_softmax` itself, followed by `nn.NLLLoss` (the negative log-likelihood), which negates the
# log-probability of the correct class; for a minibatch it returns, by default, the mean over the
# samples. You will train with it in [lesson 09](09_train_and_evaluate.ipynb).

# %% [markdown]
# ## `nn.ReLU()` vs `F.relu` vs `torch.relu`
#
# The same operation comes in three spellings. `nn.ReLU()` is a module: like `nn.Linear` in lesson 01,
# an object you create once and then call, but one that owns no parameters. Models are built from
# modules ([lesson 03](03_building_models.ipynb) builds one, [lesson 04](04_layers.ipynb) chains
# modules with `nn.Sequential`). `F.relu` (from `torch.nn.functional`) is a plain function, handy
# inside the `forward` method that lesson 03 introduces, and it calls `torch.relu`. All three give
# identical results.

# %%
x = torch.randn(2, 5).to(device)
a = nn.ReLU()(x)
b = F.relu(x)
c = torch.relu(x)
print(x.cpu())
print(a.cpu())  # every negative entry is now 0
print("identical:", torch.equal(a, b) and torch.equal(b, c))
print("nn.ReLU() parameters:", list(nn.ReLU().parameters()))

# %% [markdown]
# ## Summary
#
# - An activation function is applied element by element to $z$, the weighted sum plus the bias.
#   Without one, any stack of `nn.Linear` layers is a single linear map ($W = W_2 W_1$,
#   $b = W_2 b_1 + b_2$).
# - Without `grad_outputs` (for `torch.autograd.grad(y, x)`) or `gradient` (for `y.backward()`), both
#   need a single-element `y`; for an element-wise function, the gradient of `f(x).sum()` is $f'(x)$.
# - Training needs derivatives that are neither zero nor tiny: the binary step's derivative is zero
#   almost everywhere; sigmoid and tanh saturate (flat for large $|x|$; sigmoid's derivative is at
#   most 0.25); ReLU and its smooth relatives (GELU, SiLU) are the usual choices today.
# - Softmax turns logits into probabilities along `dim` — the class dimension, `dim=1` for a
#   `(samples, classes)` minibatch. Stable implementations subtract the maximum first;
#   `log_softmax` is the stable way to get log-probabilities.
# - `nn.ReLU()`, `F.relu` and `torch.relu` compute the same thing; the module form is the one you
#   put into containers, such as `nn.Sequential`, that chain modules in order (lesson 04).

# %% [markdown]
# ## Exercises
#
# **1.** Use autograd to check that the sigmoid's derivative is $\sigma(x)\,(1 - \sigma(x))$ on
# `torch.linspace(-6, 6, 101)`, and find where it is largest.

# %% tags=["solution"]
x = torch.linspace(-6, 6, 101, requires_grad=True)
s = torch.sigmoid(x)
(ds,) = torch.autograd.grad(s.sum(), x)
assert torch.allclose(ds, (s * (1 - s)).detach())  # .detach(): compare values only
i = ds.argmax()
print(f"max derivative {ds[i]:.4f} at x = {x[i]:.2f}")

# %% [markdown]
# **2.** Softmax does not change when you add the same number to every logit, but it does change
# when you multiply them. Show both with `logits = torch.tensor([[2.0, 1.0, 0.1]])`.

# %% tags=["solution"]
logits = torch.tensor([[2.0, 1.0, 0.1]])
p = torch.softmax(logits, dim=1)
print("softmax(z)    :", p)
print("softmax(z + 5):", torch.softmax(logits + 5, dim=1))
print("softmax(3 * z):", torch.softmax(3 * logits, dim=1))  # sharper: the largest logit wins more
assert torch.allclose(p, torch.softmax(logits + 5, dim=1))

# %% [markdown]
# **3.** Three linear layers `nn.Linear(6, 5)`, `nn.Linear(5, 4)`, `nn.Linear(4, 2)` in a row,
# without activations: build the single equivalent `nn.Linear(6, 2)` and check it with
# `torch.allclose`.

# %% tags=["solution"]
l1, l2, l3 = nn.Linear(6, 5), nn.Linear(5, 4), nn.Linear(4, 2)
single = nn.Linear(6, 2)
with torch.no_grad():
    single.weight.copy_(l3.weight @ l2.weight @ l1.weight)  # (2, 4) @ (4, 5) @ (5, 6) -> (2, 6)
    single.bias.copy_(l3.weight @ (l2.weight @ l1.bias + l2.bias) + l3.bias)
X = torch.randn(10, 6)
assert torch.allclose(l3(l2(l1(X))), single(X), atol=1e-6)
print("three Linear layers == one Linear layer: True")

# %% [markdown]
# ## Further reading
#
# - Activation modules: [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sigmoid.html),
#   [`nn.Tanh`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Tanh.html),
#   [`nn.LeakyReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LeakyReLU.html),
#   [`nn.ELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ELU.html),
#   [`nn.GELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GELU.html),
#   [`nn.SiLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.SiLU.html),
#   [`nn.Identity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Identity.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html);
#   the [list of all activations](https://docs.pytorch.org/docs/stable/nn.html#non-linear-activations-weighted-sum-nonlinearity).
# - Functions: [`F.relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.relu.html),
#   [`F.leaky_relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.leaky_relu.html),
#   [`F.elu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.elu.html),
#   [`F.gelu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.gelu.html),
#   [`F.silu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.silu.html),
#   [`F.softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html)
#   (`torch.softmax` computes the same),
#   [`F.log_softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.log_softmax.html),
#   [`torch.sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.sigmoid.html),
#   [`torch.tanh`](https://docs.pytorch.org/docs/stable/generated/torch.tanh.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`torch.sign`](https://docs.pytorch.org/docs/stable/generated/torch.sign.html),
#   [`torch.logsumexp`](https://docs.pytorch.org/docs/stable/generated/torch.logsumexp.html),
#   [`torch.finfo`](https://docs.pytorch.org/docs/stable/type_info.html#torch.finfo).
# - Layers and losses: [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`nn.NLLLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.NLLLoss.html).
# - Autograd: the tutorial [Automatic differentiation with `torch.autograd`](https://docs.pytorch.org/tutorials/beginner/basics/autogradqs_tutorial.html),
#   [`torch.autograd.grad`](https://docs.pytorch.org/docs/stable/generated/torch.autograd.grad.html),
#   [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`Tensor.detach`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.detach.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html).
