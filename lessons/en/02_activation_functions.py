# %% [markdown]
# # Activation functions
#
# A neuron computes a weighted sum $z = w \cdot x + b$ and then passes it through an
# **activation function**. This lesson shows why that second step matters and which functions
# people use.
#
# **What you will learn**
#
# - the classic activations (binary step, sigmoid, tanh, ReLU) and modern ones (LeakyReLU, ELU,
#   GELU, SiLU), each with its derivative computed by autograd;
# - why a network needs a nonlinearity: two linear layers in a row are just one linear layer;
# - why the binary step cannot be trained with gradients;
# - softmax: which `dim`, the numerically stable form, and `log_softmax`;
# - `nn.ReLU()`, `F.relu` and `torch.relu`: three spellings of the same operation.
#
# **Prerequisites:** lesson 01 (a neuron, `nn.Linear`). From autograd you only need this: a tensor
# created with `requires_grad=True` records the operations done on it, and
# `torch.autograd.grad(y, x)` (or `y.backward()`) computes the gradient of `y` with respect to `x`.

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()

# %% [markdown]
# ## Eight activation functions
#
# Each function acts on every element separately. The binary step outputs 1 for a positive input
# and 0 for a negative one (the version below, built from `sign`, gives 0.5 at exactly 0); sigmoid
# $\sigma(x) = 1 / (1 + e^{-x})$ squashes into $(0, 1)$; tanh into $(-1, 1)$; ReLU is $\max(0, x)$.
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
# To train a network, gradient descent needs the derivative of every activation. Autograd computes
# it for us: since output $i$ depends only on input $i$, the gradient of `f(x).sum()` is exactly
# $f'(x_i)$ at every point. The dashed lines below come from autograd, not from a formula.

# %%
x = torch.linspace(-4, 4, 801, requires_grad=True)
fig, axes = plt.subplots(2, 4, figsize=(14, 6), sharex=True)
for ax, (name, f) in zip(axes.flat, activations.items()):
    y = f(x)
    (dy,) = torch.autograd.grad(y.sum(), x)  # dy[i] = f'(x[i])
    ax.plot(x.detach(), y.detach(), label="f(x)")
    ax.plot(x.detach(), dy, "--", label="f'(x)  (autograd)")
    ax.axhline(0, color="gray", lw=0.5)
    ax.set_title(name)
    ax.grid(alpha=0.3)
    print(f"{name:>15}  max f'(x) = {dy.max():.3f}")
axes[0, 0].legend(loc="upper left")
fig.suptitle("activation functions and their derivatives / 활성화 함수와 도함수")
fig.tight_layout()
show(fig)

# %% [markdown]
# Two things to read from the figure. The sigmoid's derivative is at most 0.25, so every sigmoid
# multiplies the gradient flowing back through it by 0.25 or less — one reason deep networks moved
# to ReLU, whose derivative is exactly 1 for every positive input. And the binary
# step's derivative is flat zero, which is the subject of the next section.

# %% [markdown]
# ## Why the binary step can't be trained
#
# The step is constant on both sides of 0, so its derivative is 0 everywhere except at 0, where
# it does not exist. PyTorch shows this in two ways: a comparison such as `z > 0` cuts the autograd
# graph (the result has no `grad_fn`, so `backward()` fails), and a differentiable formula such as
# the `sign` version above gives a gradient of exactly zero.

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
# A gradient step updates a weight by $w \leftarrow w - \eta \, \partial L / \partial w$. With the
# step function that gradient is zero for every weight in front of it, so the weights never move:
# the network cannot learn. The sigmoid is a smooth stand-in for the step and gives a nonzero
# gradient everywhere, which is why it replaced the step in early neural networks.

# %% [markdown]
# ## Why nonlinearity: two linear layers are one linear layer
#
# Without an activation between them, two linear layers collapse into one:
# $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$. We build that single `nn.Linear` and
# check that it gives the same outputs as the stack.

# %%
stack = nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 3)).to(device)
W1, b1 = stack[0].weight, stack[0].bias  # (8, 4), (8,)
W2, b2 = stack[1].weight, stack[1].bias  # (3, 8), (3,)

merged = nn.Linear(4, 3).to(device)
with torch.no_grad():  # we set parameters by hand; autograd need not record it
    merged.weight.copy_(W2 @ W1)  # (3, 8) @ (8, 4) -> (3, 4)
    merged.bias.copy_(W2 @ b1 + b2)  # (3,)

X = torch.randn(5, 4).to(device)  # a minibatch of 5 samples
print("stack(X)[0] :", [round(v, 4) for v in stack(X)[0].tolist()])
print("merged(X)[0]:", [round(v, 4) for v in merged(X)[0].tolist()])
assert torch.allclose(stack(X), merged(X), atol=1e-6)
print("two Linear layers == one Linear layer: True")

# %% [markdown]
# Put a ReLU between the same two layers and no single linear layer can do the same job any more:
# the merged layer now disagrees with the network.

# %%
with_relu = nn.Sequential(stack[0], nn.ReLU(), stack[1])  # same weights, plus a ReLU
diff = (with_relu(X) - merged(X)).abs().max().item()
print(f"max |with_relu(X) - merged(X)| = {diff:.3f}")

# %% [markdown]
# The same thing in a picture: one input, 16 hidden units, one output, with the **same** random
# weights each time. Without an activation the result is a straight line however many units we
# use; with ReLU it is a line with bends, with tanh a smooth curve. Stacking such bends is what
# lets a network fit complicated functions.

# %%
layer1, layer2 = nn.Linear(1, 16), nn.Linear(16, 1)
x = torch.linspace(-3, 3, 200).unsqueeze(1)  # (200,) -> (200, 1): 200 samples, 1 feature
fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
with torch.no_grad():
    for ax, (title, act) in zip(axes, [("no activation / 활성화 없음", nn.Identity()),
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
# dimension); `dim=0` would normalise each column across samples instead.

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
# The fix: normalise over the class dimension, `dim=1` — or `dim=-1`, the last dimension, which
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
# Taken literally, the formula overflows: in float32, $e^{z}$ is `inf` once $z > 88.7$, and
# `inf / inf` is `nan`. Subtracting the largest logit $m$ first changes nothing mathematically,
# because the factor $e^{-m}$ cancels:
# $$\mathrm{softmax}(z)_i = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}},$$
# but now every exponent is $\le 0$ and the largest term is exactly $e^0 = 1$.

# %%
def naive_softmax(z):
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


def stable_softmax(z):
    z = z - z.max(dim=-1, keepdim=True).values  # the largest entry becomes 0
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


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
# Losses for classification need the **log** of the probabilities. Computing `softmax` first and
# then `log` fails when a probability underflows to 0: its log becomes `-inf`. `log_softmax`
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
# `log_softmax` itself (followed by `nn.NLLLoss`). You will use it in the training lessons.

# %% [markdown]
# ## `nn.ReLU()` vs `F.relu` vs `torch.relu`
#
# The same operation comes in three spellings. `nn.ReLU()` is a module: it fits in an
# `nn.Sequential` and shows up in `print(model)`. `F.relu` (from `torch.nn.functional`) is a plain
# function, handy inside a `forward` method, and it calls `torch.relu`. All three give identical
# results, and the module owns no parameters.

# %%
x = torch.randn(2, 5).to(device)
a = nn.ReLU()(x)
b = F.relu(x)
c = torch.relu(x)
print(a)
print("identical:", torch.equal(a, b) and torch.equal(b, c))
print("nn.ReLU() parameters:", list(nn.ReLU().parameters()))

# %% [markdown]
# ## Summary
#
# - An activation function is applied element by element after the weighted sum. Without one,
#   any stack of `nn.Linear` layers is a single linear map ($W = W_2 W_1$, $b = W_2 b_1 + b_2$).
# - Training needs useful derivatives: the binary step has zero gradient almost everywhere;
#   sigmoid and tanh saturate (sigmoid's derivative is at most 0.25); ReLU and its smooth
#   relatives (GELU, SiLU) are the usual choices today.
# - Softmax turns logits into probabilities along `dim` — the class dimension, `dim=1` for a
#   `(samples, classes)` minibatch. Stable implementations subtract the maximum first;
#   `log_softmax` is the stable way to get log-probabilities.
# - `nn.ReLU()`, `F.relu` and `torch.relu` compute the same thing; the module form is for
#   containers like `nn.Sequential`.

# %% [markdown]
# ## Exercises
#
# **1.** Use autograd to check that the sigmoid's derivative is $\sigma(x)\,(1 - \sigma(x))$ on
# `torch.linspace(-6, 6, 101)`, and find where it is largest.

# %% tags=["solution"]
x = torch.linspace(-6, 6, 101, requires_grad=True)
s = torch.sigmoid(x)
(ds,) = torch.autograd.grad(s.sum(), x)
assert torch.allclose(ds, (s * (1 - s)).detach())
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
#   [`torch.sign`](https://docs.pytorch.org/docs/stable/generated/torch.sign.html),
#   [`torch.logsumexp`](https://docs.pytorch.org/docs/stable/generated/torch.logsumexp.html).
# - Layers and losses: [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`nn.NLLLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.NLLLoss.html).
# - Autograd: [`torch.autograd.grad`](https://docs.pytorch.org/docs/stable/generated/torch.autograd.grad.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html).
