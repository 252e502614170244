# %% [markdown]
# # Layers
#
# A network is built from layers, and in PyTorch every layer is a module (`nn.Module`).
# This lesson passes one small minibatch through the kinds of layers the FashionMNIST model of
# lesson 03 is made of, one layer at a time, to see what each layer does, and then looks at the
# ways of putting layers together.
#
# **What you will learn**
#
# - what `nn.Flatten`, `nn.Linear`, `nn.ReLU`, `nn.Sequential` and `nn.Softmax` do to a minibatch,
#   shape by shape;
# - how to name the layers of an `nn.Sequential` with an `OrderedDict`;
# - how `nn.ModuleList` differs from `nn.Sequential`, and why a plain Python list of layers is a bug;
# - how to reuse a block of your own inside a larger model ("model in a model");
# - which layers own parameters and which own none.
#
# **Prerequisites:** lessons 01–03 (neurons and `nn.Linear`; ReLU, softmax and the `grad_fn` that
# autograd attaches to a result; a model as a subclass of `nn.Module`, moved with `.to(device)`).
#
# The first cell prints the device that `get_device()` chose. This page was built on a computer
# without a GPU, so it says `cpu`; with an NVIDIA GPU it says `cuda`, on an Apple-silicon Mac `mps`.

# %%
from collections import OrderedDict

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()
print("device:", device)

# %% [markdown]
# ## A minibatch of three images
#
# To see what each layer does, we make a minibatch of 3 random "images" of 28×28 pixels — the
# size of a FashionMNIST image. The first dimension is the batch: `X[0]`, `X[1]` and `X[2]` are one
# image each.

# %%
X = torch.rand(3, 28, 28)  # 3 images, 28×28 pixels, values in [0, 1)
print("X:", X.shape)

fig, axes = plt.subplots(1, 3, figsize=(7, 2.6))
for i, ax in enumerate(axes):
    ax.imshow(X[i], cmap="gray", vmin=0, vmax=1)
    ax.set_title(f"X[{i}]")
    ax.axis("off")
fig.suptitle("3 random 28×28 inputs / 무작위 입력 3개")
show(fig)

# %% [markdown]
# ## `nn.Flatten`
#
# `nn.Flatten` turns each 28×28 image into a row of 784 pixel values. It starts flattening at
# dimension 1 (`start_dim=1`), so the batch dimension is kept: 3 images in, 3 rows out.
# Compare `torch.flatten(X)`, which by default (`start_dim=0`) flattens the batch too.

# %%
flatten = nn.Flatten()
flat_image = flatten(X)  # (3, 28, 28) -> (3, 784)
print("nn.Flatten()(X):  ", flat_image.shape)
print("torch.flatten(X): ", torch.flatten(X).shape)  # batch dimension gone

# %% [markdown]
# ## `nn.Linear`
#
# A linear layer applies $y = xW^T + b$ with the weight and bias it stores. `nn.Linear(784, 20)`
# maps each row of 784 numbers to 20 numbers, the row's features.

# %%
layer1 = nn.Linear(in_features=28 * 28, out_features=20)
hidden1 = layer1(flat_image)  # (3, 784) -> (3, 20)
print("weight:", layer1.weight.shape, " bias:", layer1.bias.shape)
print("hidden1:", hidden1.shape)

# %% [markdown]
# ## `nn.ReLU`
#
# ReLU keeps positive values and replaces negative ones with 0, elementwise, so the shape does
# not change. Below are the first 6 of the 20 features of the first image, before and after.
# (The `grad_fn=` at the end of these printed tensors is autograd's record of the last operation
# that made them, as in lesson 02: here the slice `[0, :6]`, hence `SliceBackward0`. The layer's
# weight requires gradients, so everything computed from it is recorded.
# [Lesson 05](05_model_parameters.ipynb) comes back to that.)

# %%
relu = nn.ReLU()
hidden1_relu = relu(hidden1)  # (3, 20) -> (3, 20)
print("before:", hidden1[0, :6])
print("after: ", hidden1_relu[0, :6])
print("negative before:", (hidden1 < 0).sum().item(), "of", hidden1.numel())
print("zero after:     ", (hidden1_relu == 0).sum().item(), "of", hidden1_relu.numel())

# %% [markdown]
# The same thing as a picture: each row is one image, each column one of the 20 features. Every
# negative (blue) cell in the top panel becomes 0 (white) in the bottom one; positive cells are
# untouched.

# %%
fig, axes = plt.subplots(2, 1, figsize=(8, 3.8), sharex=True, layout="constrained")
lim = hidden1.abs().max().item()
for ax, values, title in zip(
    axes, (hidden1, hidden1_relu), ("before ReLU / ReLU 전", "after ReLU / ReLU 후")
):
    im = ax.imshow(values.detach(), cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
    ax.set_title(title)
    ax.set_ylabel("image / 이미지")
    ax.set_yticks(range(3))
    ax.set_xticks(range(20))
axes[1].set_xlabel("feature / 특성 (0–19)")
fig.colorbar(im, ax=axes)
show(fig)

# %% [markdown]
# ## `nn.Sequential`
#
# `nn.Sequential` is an ordered container of modules: calling it passes the input through each
# module in turn. Looping over its modules by hand gives the same result and lets us print the
# shape after each one.

# %%
seq_modules = nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10))
logits = seq_modules(X)  # (3, 28, 28) -> (3, 10)

out = X
for layer in seq_modules:
    out = layer(out)
    print(f"{type(layer).__name__:<8} -> {tuple(out.shape)}")
assert torch.allclose(out, logits)
print("loop == seq_modules(X):", torch.allclose(out, logits))

# %% [markdown]
# ## `nn.Softmax`
#
# The last linear layer returns logits: raw scores anywhere in $(-\infty, \infty)$.
# `nn.Softmax(dim=1)` turns each row into probabilities in $[0, 1]$; `dim=1` is the dimension
# that sums to 1 — one probability per class, for each image.

# %%
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)  # (3, 10) -> (3, 10)
print("shape:", pred_probab.shape)
print("row sums:", pred_probab.sum(dim=1))
print("predicted class per image:", pred_probab.argmax(dim=1))

# %% [markdown]
# ## Named layers: `nn.Sequential` with an `OrderedDict`
#
# Passing an `OrderedDict` (a Python dictionary that remembers the order of its entries) gives
# each layer a name. `print(model)` shows the names, and a layer
# can be reached as an attribute (`model.hidden`) as well as by position (`model[1]`).

# %%
model = nn.Sequential(OrderedDict([
    ("flatten", nn.Flatten()),
    ("hidden", nn.Linear(784, 20)),
    ("relu", nn.ReLU()),
    ("output", nn.Linear(20, 10)),
]))
print(model)
print("model.hidden:", model.hidden)
print("model.hidden is model[1]:", model.hidden is model[1])
print("output:", model(X).shape)  # (3, 28, 28) -> (3, 10)

# %% [markdown]
# ## `nn.ModuleList`: registered, but not run for you
#
# `nn.ModuleList` holds modules like a Python list and registers them, so a model that keeps the
# list as an attribute owns their parameters. Unlike `nn.Sequential` it has no `forward`: calling
# it is an error, and you loop over it yourself.

# %%
layers = nn.ModuleList([nn.Linear(20, 20) for _ in range(3)])
h = torch.rand(3, 20)
try:
    layers(h)
except NotImplementedError as err:
    print(type(err).__name__ + ":", err)

for layer in layers:  # you write the loop (and decide what happens between layers)
    h = torch.relu(layer(h))
print("after the loop:", h.shape)

# %% [markdown]
# So when do you need `nn.ModuleList`, and the loop that comes with it? Not to choose the depth
# (the number of layers): build the list of layers in a loop and unpack it with
# `nn.Sequential(*layers)`, and the depth of an `nn.Sequential` is an argument too (`make_mlp`
# below).
#
# `nn.ModuleList` only registers the layers; *your* `forward` decides how they are used, with any
# control flow Python allows (`if` statements, loops) — for example a skip connection, where each
# layer's output is added to its input, `x = x + f(x)`. Calling an `nn.Sequential` can only chain
# `x = layer(x)`, so it can't express that.
#
# Your `forward` could loop over a registered `nn.Sequential` just as well; `nn.ModuleList` simply
# makes clear that running these layers is your `forward`'s job.

# %%
def make_mlp(width, depth):  # the depth as an argument: nn.Sequential is enough for that
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), nn.ReLU()]
    return nn.Sequential(*layers)  # * passes the list's items as separate arguments


class ResidualMLP(nn.Module):  # a skip connection: this needs a forward of your own
    def __init__(self, width, depth):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])

    def forward(self, x):
        for layer in self.layers:
            x = x + torch.relu(layer(x))  # keep x, add the layer's output
        return x

# %% [markdown]
# Both take the depth as an argument and own the same number of parameters; the only difference
# is the computation. Below, one `Linear` layer is used to build a model with a skip connection
# and a plainly chained one, and both get the same input `h`. Subtracting the second output from
# the first leaves `h` (up to rounding).

# %%
for depth in (1, 2, 4):
    n_seq = sum(p.numel() for p in make_mlp(20, depth).parameters())
    n_res = sum(p.numel() for p in ResidualMLP(20, depth).parameters())
    print(f"depth {depth}: Sequential {n_seq:>4} parameters, ResidualMLP {n_res:>4}")

res = ResidualMLP(20, depth=1)
chained = nn.Sequential(res.layers[0], nn.ReLU())  # the same Linear, chained without a skip
print("ResidualMLP(h) - chained(h) == h:", torch.allclose(res(h) - chained(h), h))

# %% [markdown] tags=["pitfall"]
# **Pitfall: layers kept in a plain Python list**
#
# A model registers a layer when you assign it to one of its attributes
# (`self.fc = nn.Linear(...)`) or put it in a container module such as `nn.ModuleList` or
# `nn.Sequential`. A plain Python `list` is not a module, so the layers inside it stay invisible to
# the model. They still compute in `forward`, so nothing looks wrong. But `parameters()` does not
# list them, `print(model)` does not show them, and `.to(...)` changes neither their device nor
# their dtype.
#
# An optimizer (it updates the parameters during training, [lesson 07](07_training_basics.ipynb))
# only updates what `model.parameters()` returns, so those layers never learn. Here the list
# holds every layer, so the model has no parameters at all and `torch.optim.SGD` refuses to start;
# in a model that also has registered layers, the listed ones would silently stay untrained.

# %% tags=["pitfall"]
class ListMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(20, 20), nn.Linear(20, 20)]  # a plain list: NOT registered

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x

# %% tags=["pitfall"]
bad = ListMLP()
print("forward works:", bad(torch.rand(3, 20)).shape)
print("print(bad):", bad)
print("parameter tensors:", len(list(bad.parameters())))
try:
    torch.optim.SGD(bad.parameters(), lr=0.1)
except ValueError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# `.to(...)` only reaches registered modules. We move the model to `device` and convert it to
# `float16` (16-bit floats; CPU, CUDA and MPS all support them, so this example runs on any
# device): the unregistered layer stays `float32`, on the CPU.
#
# This page was built on a CPU, so this line and the fixed model's line further down both say
# `cpu`; on a GPU the list's layer would still say `cpu`, while the fixed model's layer would say
# `cuda:0` (`mps:0` on a Mac), and calling `bad` on an input on the GPU would fail with a
# device-mismatch error.

# %% tags=["pitfall"]
bad.to(device=device, dtype=torch.float16)
print("layer in the list:", bad.layers[0].weight.dtype, bad.layers[0].weight.device)

# %% [markdown] tags=["pitfall"]
# **The fix:** store the layers in an `nn.ModuleList` (or an `nn.Sequential`, when they simply run
# one after the other). Now all four parameter tensors (a weight and a bias per layer) are
# registered and `.to(...)` reaches them.

# %% tags=["pitfall"]
class ModuleListMLP(ListMLP):  # same forward as ListMLP
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(20, 20), nn.Linear(20, 20)])  # registered


good = ModuleListMLP().to(device=device, dtype=torch.float16)
print("layer in the ModuleList:", good.layers[0].weight.dtype, good.layers[0].weight.device)
print("parameter tensors:", len(list(good.parameters())))
optimizer = torch.optim.SGD(good.parameters(), lr=0.1)  # no error now

# %% [markdown]
# ## A model in a model
#
# A module can contain modules of your own. Here a small block, `LinearReLU` (a linear layer
# followed by ReLU), is written once and used three times inside a larger network; `print(model)`
# shows the nesting.

# %%
class LinearReLU(nn.Module):  # a reusable block: a linear layer followed by ReLU
    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features)
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.relu(self.linear(x))

# %%
class BlockNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.blocks = nn.Sequential(LinearReLU(784, 64), LinearReLU(64, 32), LinearReLU(32, 16))
        self.output = nn.Linear(16, 10)

    def forward(self, x):
        return self.output(self.blocks(self.flatten(x)))  # (N, 28, 28) -> (N, 10)


model = BlockNet()
print(model)
print("output:", model(X).shape)

# %% [markdown]
# `named_parameters()` lists each parameter together with its name
# ([lesson 05](05_model_parameters.ipynb) looks at it closely). The name is the path of attribute
# names, joined by dots, from the outer module down to the tensor: `blocks.0.linear.weight`, for
# example, is the `weight` of the `linear` layer in block 0 (the first block) of `blocks`. Each
# block has its own weights and biases: three instances of one class, three sets of parameters.

# %%
for name, param in model.named_parameters():
    print(f"{name:<22} {tuple(param.shape)}")

# %% [markdown]
# ## Parametric and non-parametric layers
#
# Some layers own parameters, which the optimizer updates during training (parametric layers);
# others have nothing to learn (non-parametric layers). The table below is printed from the layers
# themselves; convolution, pooling, batch normalization and dropout are shown at work in
# [lesson 06](06_nn_vs_functional.ipynb).

# %%
layer_zoo = {
    "Linear(784, 20)": nn.Linear(784, 20),
    "Conv2d(1, 8, 3)": nn.Conv2d(1, 8, kernel_size=3),
    "BatchNorm1d(20)": nn.BatchNorm1d(20),
    "ReLU()": nn.ReLU(),
    "Flatten()": nn.Flatten(),
    "Softmax(dim=1)": nn.Softmax(dim=1),
    "MaxPool2d(2)": nn.MaxPool2d(2),
    "Dropout(0.5)": nn.Dropout(0.5),
}
print(f"{'layer':<16}{'params':>7}  tensors")
for label, layer in layer_zoo.items():
    n_params = sum(p.numel() for p in layer.parameters())
    tensors = ", ".join(f"{name} {tuple(p.shape)}" for name, p in layer.named_parameters())
    print(f"{label:<16}{n_params:>7}  {tensors or '-'}")

# %% [markdown]
# To count by hand, multiply out the shape of each parameter tensor and add the results:
# `Linear(784, 20)` has $784 \cdot 20 + 20 = 15700$, `Conv2d(1, 8, 3)`, whose weight has shape
# `(8, 1, 3, 3)`, has $8 \cdot 1 \cdot 3 \cdot 3 + 8 = 80$, and `BatchNorm1d(20)` has a scale
# (`weight`) and a shift (`bias`) per feature, $20 + 20 = 40$.
#
# `BatchNorm1d` also keeps running statistics. They change during training too, but the layer
# updates them itself in the forward pass, not the optimizer: they are buffers, not parameters
# ([lesson 05](05_model_parameters.ipynb)). A layer without parameters can still have behaviour to
# think about: `Dropout` owns nothing, yet acts differently in training and evaluation mode
# ([lesson 09](09_train_and_evaluate.ipynb)).

# %% [markdown]
# ## Summary
#
# - `nn.Flatten` keeps the batch dimension: `(3, 28, 28)` → `(3, 784)`; `nn.Linear(784, 20)` gives
#   `(3, 20)`; `nn.ReLU` zeroes the negatives without changing the shape; `nn.Softmax(dim=1)` turns
#   each row of logits into probabilities that sum to 1.
# - `nn.Sequential` runs its modules in order; with an `OrderedDict` the layers get names.
# - `nn.ModuleList` only registers modules and has no `forward`, so you write the loop yourself.
#   The model's `forward` decides how the layers are used, so it can build structures such as a
#   skip connection, which merely calling an `nn.Sequential` can't express.
# - The depth alone needs no `nn.ModuleList`: build the list of layers in a loop and unpack it into
#   `nn.Sequential(*layers)`.
# - Layers kept in a plain Python list are not registered: they are neither trained nor moved by
#   `.to(...)`.
# - Modules nest: a block of your own can be reused inside a bigger model, and parameter names
#   follow the nesting (`blocks.0.linear.weight`).
# - `Linear`, `Conv2d` and `BatchNorm1d` own parameters; `ReLU`, `Flatten`, `Softmax`, `MaxPool2d`
#   and `Dropout` own none.

# %% [markdown]
# ## Exercises
#
# **1.** Build an `nn.Sequential` from an `OrderedDict` with the layers `flatten`, `hidden`
# (784 → 128), `relu` and `output` (128 → 10). Check that it maps `X` to shape `(3, 10)` and that
# its `hidden.weight` has shape `(128, 784)`.

# %% tags=["solution"]
ex_model = nn.Sequential(OrderedDict([
    ("flatten", nn.Flatten()),
    ("hidden", nn.Linear(784, 128)),
    ("relu", nn.ReLU()),
    ("output", nn.Linear(128, 10)),
]))
assert ex_model(X).shape == (3, 10)
assert ex_model.hidden.weight.shape == (128, 784)
print(ex_model(X).shape, ex_model.hidden.weight.shape)

# %% [markdown]
# **2.** Work out by hand how many parameters `nn.Linear(100, 30)` and `nn.Conv2d(3, 16, 5)` have,
# then check with `sum(p.numel() for p in layer.parameters())`.

# %% tags=["solution"]
# Linear: weight (30, 100) + bias (30)            = 3000 + 30  = 3030
# Conv2d: weight (16, 3, 5, 5) + bias (16)        = 1200 + 16  = 1216
for layer, by_hand in ((nn.Linear(100, 30), 3030), (nn.Conv2d(3, 16, 5), 1216)):
    counted = sum(p.numel() for p in layer.parameters())
    assert counted == by_hand
    print(layer, counted)

# %% [markdown]
# **3.** Write a module `DeepMLP(depth)` that stacks `depth` copies of `LinearReLU(20, 20)` in an
# `nn.ModuleList` and applies them in a loop. Check that the number of parameters is
# `depth * (20 * 20 + 20)` for depths 1, 3 and 5, and that `nn.Sequential(*net.blocks)` gives the
# same output. If it does, a loop that only chains the blocks adds nothing over `nn.Sequential`.

# %% tags=["solution"]
class DeepMLP(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.blocks = nn.ModuleList([LinearReLU(20, 20) for _ in range(depth)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


for depth in (1, 3, 5):
    net = DeepMLP(depth)
    n_params = sum(p.numel() for p in net.parameters())
    assert n_params == depth * (20 * 20 + 20)
    assert torch.allclose(net(h), nn.Sequential(*net.blocks)(h))  # the same blocks, chained
    print(f"depth {depth}: {n_params} parameters, same output as nn.Sequential")

# %% [markdown]
# ## Further reading
#
# - [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`torch.flatten`](https://docs.pytorch.org/docs/stable/generated/torch.flatten.html)
# - [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html)
# - [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.ModuleList`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleList.html),
#   [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html)
#   (`parameters`, `named_parameters`, `to`)
# - [`nn.Conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html),
#   [`nn.MaxPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html),
#   [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html)
# - [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html)
# - The PyTorch tutorial [Build the Neural Network](https://docs.pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html)
