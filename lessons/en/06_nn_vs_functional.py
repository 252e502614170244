# %% [markdown]
# # nn vs nn.functional
#
# PyTorch offers most operations twice: as a **module** in `torch.nn` (`nn.Conv2d`, `nn.Linear`,
# `nn.ReLU`) and as a **function** in `torch.nn.functional` (`F.conv2d`, `F.linear`, `F.relu`).
# They compute the same thing; the difference is where the state lives — the values that must outlast
# a single call. A module holds its weights, and every module also records whether it is training or
# being evaluated; a function is handed everything it needs on every call. Only a few layers behave
# differently in training and in evaluation, and a section below looks at them.
#
# **What you will learn**
#
# - how to compute a convolution with `F.conv2d` and a filter you pass in, and what gradient reaches the input;
# - how `nn.Conv2d` owns its weight and bias, and why, when the filter fits the input exactly once,
#   the input's gradient equals the filter;
# - two habits to drop: the old `torch.autograd.Variable` API, and the slip of writing `out.backward` without `()`;
# - when a function is fine (`F.relu`) and when you need a module: dropout and batch norm, which
#   behave differently in training and in evaluation;
# - a short tour of the module families in `torch.nn`, each with one example that runs.
#
# **Prerequisites:** lessons 01–05 (`nn.Linear`, `nn.Module`, parameters and buffers); the autograd
# of lessons 02 and 05 (`requires_grad`, `backward()`, `.grad`).

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # the generator it returns is not needed here
# Every example here is tiny, so the whole lesson runs on the CPU.

# %% [markdown]
# ## A convolution with a filter you pass in
#
# `F.conv2d(input, weight)` computes a 2-D convolution: it slides a small filter over the input one
# position at a time and, at each position, multiplies the overlapping elements and adds the products
# up. Strictly speaking, PyTorch computes a cross-correlation: the filter is not flipped first, as it
# is in the mathematical definition of convolution. The input has shape `(N, C_in, H, W)`: N images
# in the minibatch, C_in input channels (1 for a grayscale image, 3 for a colour one), height H and
# width W. The filter, also called the kernel, has shape `(C_out, C_in, kH, kW)`: C_out output
# channels, and a filter height kH and width kW. The function keeps nothing: you create the filter and
# hand it over on each call. A 3×3 filter of ones on a 3×3 input of ones fits in one position only, one
# window; the nine overlapping products 1×1 add up to 9.

# %%
X = torch.ones(1, 1, 3, 3)  # (N, C_in, H, W)
weight = torch.ones(1, 1, 3, 3)  # (C_out, C_in, kH, kW)
out = F.conv2d(X, weight)  # (1, 1, 3, 3) -> (1, 1, 1, 1)
print("out:", out)
print("shape:", tuple(out.shape))

# %% [markdown]
# ## The gradient that reaches the input
#
# Give the input `requires_grad=True` and autograd also tracks it. On a 5×5 input of ones the filter
# fits in 3×3 = 9 positions, so the output is 3×3 (every value 9). Called without a `gradient` argument,
# `backward()` needs an output with a single element, so we sum the output. Raising any one output
# value by 1 raises the sum by 1, so each output value gets gradient 1.

# %%
X = torch.ones(1, 1, 5, 5, requires_grad=True)
out = F.conv2d(X, weight)  # (1, 1, 5, 5) -> (1, 1, 3, 3)
print("out shape:", tuple(out.shape), "| every value 9:", bool((out == 9).all()))
print("grad_fn:", type(out.grad_fn).__name__)
out.sum().backward()
print("X.grad:")
print(X.grad.squeeze())

# %% [markdown]
# In general $\partial\,\text{sum}(\text{out}) / \partial x_{ij}$ adds up, over the windows that
# cover $x_{ij}$, the filter value that touches $x_{ij}$. Here every filter value is 1, so each input
# pixel's gradient equals **the number of windows that cover it**. A corner pixel is covered by one
# window only; the centre pixel by all nine; an edge-centre pixel by three.

# %%
windows_per_row = torch.tensor([1.0, 2.0, 3.0, 2.0, 1.0])  # windows covering each column (or row)
counts = torch.outer(windows_per_row, windows_per_row)  # (5,) x (5,) -> (5, 5)
assert torch.allclose(X.grad.squeeze(), counts)
print("gradient == window counts:", torch.allclose(X.grad.squeeze(), counts))

# %% [markdown] tags=["pitfall"]
# **Pitfall: wrapping a tensor in `torch.autograd.Variable`**
#
# Old tutorials wrap a tensor in `Variable` so that autograd tracks it. That class has been
# deprecated since PyTorch 0.4, when tensors began to carry `requires_grad` themselves:
# `Variable(x, requires_grad=True)` still runs, but it simply returns a plain `Tensor`.

# %% tags=["pitfall"]
from torch.autograd import Variable

v = Variable(torch.ones(2), requires_grad=True)  # old style: still runs, but adds nothing
print("Variable(...) gives:", type(v).__name__, "| requires_grad:", v.requires_grad)

# %% [markdown] tags=["pitfall"]
# **The fix:** drop the wrapper and create the tensor with `requires_grad=True`, as the cells above do.

# %% tags=["pitfall"]
t = torch.ones(2, requires_grad=True)  # the same kind of Tensor, no wrapper
print("torch.ones(..., requires_grad=True):", type(t).__name__, "| requires_grad:", t.requires_grad)

# %% [markdown]
# ## `nn.Conv2d` owns its weight and bias
#
# When you create `nn.Conv2d(1, 1, 3)` (1 input channel, 1 output channel, a 3×3 filter), the module
# registers a random 3×3 filter as its weight (`weight`) and a bias (`bias`) as parameters, and applies
# them on every call. You no longer pass the filter in.

# %%
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3)
for name, param in conv.named_parameters():
    print(name, tuple(param.shape), "requires_grad:", param.requires_grad)

# %% [markdown]
# On a 3×3 input of ones the filter fits exactly once, so the output is one number: every weight times
# 1, added up, plus the bias — $\text{out} = \sum w + b$. The filter is not flipped, so $w_{ij}$ sits
# on $x_{ij}$, and since $\partial\,\text{out}/\partial x_{ij} = w_{ij}$, the gradient that reaches
# the input **is the filter itself**. This `out` has a single element, so `backward()` can be called
# on it directly.

# %%
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)  # (1, 1, 3, 3) -> (1, 1, 1, 1)
expected = conv.weight.sum() + conv.bias
print(f"out: {out.item():.4f} | weight.sum() + bias: {expected.item():.4f}")
assert torch.allclose(out.flatten(), expected)

out.backward()
assert torch.allclose(X.grad, conv.weight)
print("X.grad == conv.weight:", torch.allclose(X.grad, conv.weight))

# %% [markdown]
# `F.conv2d` with the module's own tensors gives the same result — the module is the function plus
# the state it keeps for you.

# %%
same = F.conv2d(X, conv.weight, conv.bias)
print("F.conv2d(X, conv.weight, conv.bias) == conv(X):", torch.allclose(same, conv(X)))

# %% [markdown] tags=["pitfall"]
# **Pitfall: `out.backward` without parentheses**
#
# `out.backward` only looks the method up; without `()` it is never called. Python raises no error,
# but no gradient is computed and `X.grad` stays `None`.

# %% tags=["pitfall"]
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)
out.backward  # no call: looks the method up and throws it away
print("after out.backward   ->", X.grad)

# %% [markdown] tags=["pitfall"]
# **The fix:** call it — `out.backward()`.

# %% tags=["pitfall"]
out.backward()  # called this time
print("after out.backward() ->", X.grad.flatten()[:3], "...")

# %% [markdown]
# ## An edge-detection filter on a small image
#
# With a filter that subtracts the left column from the right column (weighted 1, 2, 1 from top to
# bottom: the Sobel filter), a convolution tells at each position how much brightness changes from
# left to right, and whether it gets brighter or darker. On a bright square it lights up the left
# edge (+) and the right edge (−) and stays 0 elsewhere. `padding=1` adds a border of zeros, one
# pixel wide, around the input, so the output has the same shape as the input.

# %%
image = torch.zeros(1, 1, 16, 16)
image[..., 4:12, 4:12] = 1.0  # a bright square
edge = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]).reshape(1, 1, 3, 3)
edges = F.conv2d(image, edge, padding=1)  # (1, 1, 16, 16) -> (1, 1, 16, 16)
print("output shape:", tuple(edges.shape), "| min:", edges.min().item(), "| max:", edges.max().item())

fig, axes = plt.subplots(1, 3, figsize=(11, 3))
panels = [(image, "input / 입력", "gray"), (edge, "filter / 필터", "RdBu_r"), (edges, "output / 출력", "RdBu_r")]
for ax, (t, title, cmap) in zip(axes, panels):
    limit = t.abs().max().item()
    im = ax.imshow(t.squeeze(), cmap=cmap, vmin=-limit if t.min() < 0 else 0, vmax=limit)
    ax.set_title(title)
    ax.set_xticks([]), ax.set_yticks([])
    fig.colorbar(im, ax=ax, shrink=0.8)
show(fig)

# %% [markdown]
# ## Stateless functions, stateful modules
#
# A function in `torch.nn.functional` only computes: every tensor it needs is an argument. A module
# keeps its tensors as attributes, so `parameters()`, `state_dict()`, `.to(device)` and the optimizer
# ([lesson 07](07_training_basics.ipynb)) all find them. Passing an `nn.Linear`'s weight and bias to
# `F.linear` gives the same result as calling the module.

# %%
linear = nn.Linear(4, 2)
x = torch.randn(3, 4)
by_module = linear(x)  # (3, 4) -> (3, 2)
by_function = F.linear(x, linear.weight, linear.bias)  # you carry weight and bias yourself
print("same result:", torch.allclose(by_module, by_function))
print("parameters the module registered:", [n for n, _ in linear.named_parameters()])

# %% [markdown]
# So a common style is: layers with parameters are modules, created in `__init__`; operations without
# state are functions, called in `forward`. `F.relu` there is perfectly fine — it has nothing to
# store and behaves the same in training and in evaluation.

# %%
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))  # F.relu: no state, no mode


model = SmallNet()
print(model)
print("output shape:", tuple(model(x).shape))

# %% [markdown]
# ## Layers that depend on the mode
#
# Two common layers behave differently while a model is trained and when it is evaluated.
# **Dropout** sets each value of its input to zero with probability `p` during training, so that the
# network cannot lean on any single value. It multiplies the values it keeps by $1/(1-p)$, so that the
# average output stays what it is in evaluation, where dropout passes its input through unchanged
# ([lesson 09](09_train_and_evaluate.ipynb) shows `nn.Dropout` in training and evaluation mode).
# **Batch norm** (batch normalization) normalises each feature: it subtracts a mean and divides by a
# standard deviation, which brings the values to a common scale. During training it uses the mean and
# variance of the current minibatch; in evaluation, its running mean and running variance, the
# buffers of lesson 05.
#
# A module keeps its mode in the attribute `training`. It is `True`, training mode, when the module is
# created; `model.eval()` sets it to `False`, evaluation mode, on the model and all its submodules,
# and `model.train()` sets it back.

# %%
print("new model:     training =", model.training)
model.eval()
print("after eval():  training =", model.training, "| fc1.training =", model.fc1.training)
model.train()
print("after train(): training =", model.training)

# %% [markdown] tags=["pitfall"]
# **Pitfall: `F.dropout` in `forward` does not follow `model.eval()`**
#
# `model.eval()` only sets `training` to `False` on the model and its submodules. A function called
# inside `forward` is not a submodule, so it never sees that setting. `F.dropout(x)` has its own
# argument `training`, and its default is `True`, so it keeps dropping values in evaluation mode.

# %% tags=["pitfall"]
class FunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5)  # training=True by default, whatever the mode


class ModuleDropout(nn.Module):
    def __init__(self):
        super().__init__()
        self.drop = nn.Dropout(p=0.5)  # a submodule: model.eval() switches its mode

    def forward(self, x):
        return self.drop(x)


ones = torch.ones(1, 8)
for model in (FunctionalDropout(), ModuleDropout()):
    model.eval()
    print(f"{type(model).__name__:17} eval:", model(ones))

# %% [markdown] tags=["pitfall"]
# In evaluation mode the functional version still zeroes values at random and doubles the rest
# ($1/(1-p)$ with `p=0.5`); `nn.Dropout` passes the input through unchanged.
#
# **The fix:** use the module, or pass the mode on yourself with
# `F.dropout(x, p=0.5, training=self.training)`.

# %% tags=["pitfall"]
class FixedFunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5, training=self.training)  # follows train() / eval()


model = FixedFunctionalDropout().eval()
print("fixed, eval:", model(ones))

# %% [markdown]
# Batch norm has the same problem, with more state to manage. `nn.BatchNorm1d` keeps its running
# statistics as buffers and follows the mode. `F.batch_norm` keeps nothing: to keep running statistics
# you create the running mean and variance yourself and pass them in on every call.
#
# With `training=True` you may pass `None` for both and use only the minibatch's statistics. Pass the
# two tensors with `training=True` and `F.batch_norm` updates them in place. But that argument
# defaults to `False`, the opposite of `F.dropout`: called without it, `F.batch_norm`
# behaves as in evaluation, normalising with the running statistics and never updating them. In a
# `forward`, pass `training=self.training`.

# %%
bn = nn.BatchNorm1d(3)
print("parameters:", [n for n, _ in bn.named_parameters()])
print("buffers:   ", [n for n, _ in bn.named_buffers()])

running_mean, running_var = torch.zeros(3), torch.ones(3)  # yours to create and keep
acts = torch.randn(8, 3)  # a minibatch of 8, 3 features
F.batch_norm(acts, running_mean, running_var)  # training=False: uses them, updates nothing
print("after training=False:", running_mean)
F.batch_norm(acts, running_mean, running_var, training=True)  # updates them in place
print("after training=True: ", running_mean)
assert torch.allclose(running_mean, 0.1 * acts.mean(dim=0))  # momentum=0.1, as in lesson 05

# %% [markdown]
# ## A short tour of `torch.nn`
#
# The `torch.nn` API documentation groups its modules into families. Here is one small, runnable
# example of each. Most modules also have a function in `torch.nn.functional` that does the same.
#
# ### Containers
#
# Containers hold other modules: `nn.Sequential` calls them in order, `nn.ModuleList` and
# `nn.ModuleDict` only register them (you call them yourself in `forward`).

# %%
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])
heads = nn.ModuleDict({"cls": nn.Linear(4, 10), "box": nn.Linear(4, 4)})
x = torch.randn(3, 4)
print("Sequential:", tuple(seq(x).shape))  # (3, 4) -> (3, 2)
print("ModuleList:", len(blocks), "blocks,", sum(p.numel() for p in blocks.parameters()), "parameters")
print("ModuleDict:", {k: tuple(m(x).shape) for k, m in heads.items()})

# %% [markdown]
# ### Convolution, pooling, padding
#
# Convolution layers slide filters over the input. Pooling layers keep one value per small region
# (for example the maximum), which shrinks the height and width; padding layers add values around
# the edges of the input, such as zeros or a mirror image of the edge.

# %%
images = torch.randn(2, 3, 32, 32)  # (N, C, H, W)
feat = nn.Conv2d(3, 8, kernel_size=3, padding=1)(images)  # (2, 3, 32, 32) -> (2, 8, 32, 32)
print("Conv2d:           ", tuple(feat.shape))
print("MaxPool2d(2):     ", tuple(nn.MaxPool2d(2)(feat).shape))  # -> (2, 8, 16, 16)
print("AdaptiveAvgPool2d:", tuple(nn.AdaptiveAvgPool2d(1)(feat).shape))  # -> (2, 8, 1, 1)
print("ZeroPad2d(1):     ", tuple(nn.ZeroPad2d(1)(images).shape))  # -> (2, 3, 34, 34)
print(nn.ReflectionPad1d(2)(torch.arange(4.0).reshape(1, 1, 4)))  # mirrors the edges

# %% [markdown]
# ### Activations and normalization
#
# Activation modules apply a nonlinearity element by element (except `nn.Softmax`, which rescales the
# values along `dim` so that they sum to 1). Normalization layers rescale activations, the
# intermediate values that layers pass on: `nn.LayerNorm` subtracts each row's mean and divides by its
# standard deviation, which brings the row to mean 0 and variance 1, then multiplies by a learned
# weight and adds a learned bias. Those start at 1 and 0, so a fresh `LayerNorm` gives mean 0 and
# variance 1, up to the small `eps` it adds to the variance when computing the standard deviation (the
# variance printed below is 0.999996); once training has changed the weight and bias, it no longer
# does.

# %%
z = torch.tensor([[-2.0, -0.5, 0.0, 1.0, 3.0]])
print("ReLU:   ", nn.ReLU()(z))
print("GELU:   ", nn.GELU()(z))
print("Softmax:", nn.Softmax(dim=1)(z), "sum:", nn.Softmax(dim=1)(z).sum().item())
layer_norm = nn.LayerNorm(5)  # weight starts at 1, bias at 0
normed = layer_norm(z)
mean, var = normed.mean().item(), normed.var(correction=0).item()  # correction=0: divide by n
print("LayerNorm mean:", round(mean, 4), "variance:", round(var, 6))  # eps keeps it just under 1
assert abs(mean) < 1e-5 and 0.99999 < var < 1
print("BatchNorm2d:", tuple(nn.BatchNorm2d(8)(feat).shape))  # per-channel statistics

# %% [markdown]
# ### Recurrent, linear, dropout
#
# Recurrent layers process a sequence, ordered data such as a sentence or a time series, one time
# step after another (with `batch_first=True` the input has shape `(N, L, H_in)`: number of sequences,
# sequence length, number of features). A recurrent layer carries what it has processed so far to
# the next time step in a tensor called the hidden state. Despite the name, this is not state that
# the module keeps: the hidden state is computed afresh on every call. Besides its output at every
# time step, `nn.LSTM` returns the hidden state `h` and the cell state `c` after the last time step;
# the cell state is a second state that an LSTM carries to the next time step alongside the hidden
# state. `batch_first=True` does not apply to `h` and `c`, so `h` has shape (number of LSTM layers,
# number of sequences, hidden size); with one layer here, its first dimension is 1.
#
# Linear layers map features; dropout zeroes random values during training only. `nn.Identity` is a
# module that returns its input unchanged; it fills the place of a layer you want to take out.

# %%
seqs = torch.randn(2, 5, 10)  # (N, L, H_in)
output, (h, c) = nn.LSTM(input_size=10, hidden_size=20, batch_first=True)(seqs)
print("LSTM output:", tuple(output.shape), "h:", tuple(h.shape))  # (2, 5, 20), (1, 2, 20)
print("GRU output: ", tuple(nn.GRU(10, 20, batch_first=True)(seqs)[0].shape))
print("Linear:     ", tuple(nn.Linear(10, 4)(seqs).shape))  # acts on the last dimension
print("Identity:   ", tuple(nn.Identity()(seqs).shape))
dropped = nn.Dropout(p=0.5)(torch.ones(1000))  # a fresh module is in training mode
print("Dropout: zeros", int((dropped == 0).sum()), "of 1000; kept values are", dropped.max().item())

# %% [markdown]
# ### Embedding and distance
#
# `nn.Embedding` is a lookup table (the API documentation files it under "Sparse Layers"): integer
# indices in, one learned vector per index out. Distance modules compare two tensors row by row and
# compute a distance or a similarity.

# %%
embedding = nn.Embedding(num_embeddings=10, embedding_dim=3)
ids = torch.tensor([[1, 2, 4], [4, 3, 9]])  # (2, 3) integer indices
print("Embedding:", tuple(ids.shape), "->", tuple(embedding(ids).shape))  # (2, 3) -> (2, 3, 3)
a = torch.tensor([[1.0, 0.0], [0.0, 0.0]])
b = torch.tensor([[1.0, 1.0], [3.0, 4.0]])
print("CosineSimilarity:", nn.CosineSimilarity(dim=1)(a, b))  # cos 45° = 0.7071, then 0
print("PairwiseDistance:", nn.PairwiseDistance()(a, b))  # Euclidean: 1, then 5

# %% [markdown]
# ### Loss functions
#
# A loss module turns predictions and targets into one number to minimise;
# [lesson 07](07_training_basics.ipynb) trains a model with one. `nn.MSELoss` (mean squared error) is
# for regression, predicting a number such as a house price. `nn.CrossEntropyLoss` is for
# classification: it takes raw logits and the true class indices. It applies `log_softmax` internally,
# so do not pass it values that have already been through a softmax.

# %%
pred, target = torch.tensor([2.0, 4.0]), torch.tensor([1.0, 1.0])
print("MSELoss:", nn.MSELoss()(pred, target).item())  # ((1)^2 + (3)^2) / 2 = 5
logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # (N=2, classes=3)
labels = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss()(logits, labels)
print("CrossEntropyLoss:", round(loss.item(), 4))  # (0.2395 + ln 3) / 2
first, second = torch.log(1 + 2 * torch.exp(torch.tensor(-2.0))), torch.log(torch.tensor(3.0))
assert torch.allclose(loss, (first + second) / 2)  # -log softmax of the true class, averaged
print("same as F.cross_entropy:", torch.allclose(loss, F.cross_entropy(logits, labels)))

# %% [markdown]
# ## Summary
#
# - `torch.nn.functional` holds **stateless functions**: you must pass every tensor, including the
#   weights, on each call. `torch.nn` holds **modules** that create, register and keep their
#   parameters and buffers.
# - `F.conv2d(X, weight)` with a 3×3 filter of ones on ones gives 9; the input's gradient counts how
#   many windows cover each pixel. For `nn.Conv2d` on a 3×3 input of ones, `out = weight.sum() + bias`
#   and the input's gradient equals the filter.
# - Don't use `torch.autograd.Variable` (tensors carry `requires_grad`); call `backward()` with
#   parentheses, on a single-element output.
# - Use functions for stateless operations such as `F.relu`; use modules for layers with parameters
#   and for anything that depends on the mode (`nn.Dropout`, `nn.BatchNorm1d`), so that
#   `model.eval()` and `model.train()` switch its mode too. If you do use `F.dropout` or
#   `F.batch_norm`, pass `training=self.training`.
#
# ## Exercises
#
# **1.** Take a 4×6 input of ones and a 3×3 filter of twos. Predict the shape of `F.conv2d`'s output and
# the gradient that `out.sum().backward()` leaves on the input, then check both.

# %% tags=["solution"]
X = torch.ones(1, 1, 4, 6, requires_grad=True)
out = F.conv2d(X, torch.full((1, 1, 3, 3), 2.0))  # (1, 1, 4, 6) -> (1, 1, 2, 4)
print("out shape:", tuple(out.shape), "| values:", out.unique().tolist())  # 9 * 2 = 18
out.sum().backward()
expected = 2.0 * torch.outer(torch.tensor([1.0, 2.0, 2.0, 1.0]), torch.tensor([1.0, 2.0, 3.0, 3.0, 2.0, 1.0]))
print(X.grad.squeeze())
print("2 x window counts:", torch.allclose(X.grad.squeeze(), expected))

# %% [markdown]
# **2.** Build `nn.Conv2d(1, 1, 3, bias=False)` and call it on a 3×3 input of ones that requires grad.
# Show that `F.conv2d` with the module's weight gives the same output, and that the input's
# gradient equals the weight.

# %% tags=["solution"]
conv = nn.Conv2d(1, 1, 3, bias=False)
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)
print("same output:", torch.allclose(out, F.conv2d(X, conv.weight)))
print("bias:", conv.bias)
out.backward()
print("X.grad == weight:", torch.allclose(X.grad, conv.weight))

# %% [markdown]
# **3.** Write a module whose `forward` uses `F.dropout` correctly, and show that its output differs
# between training mode (`train()`) and evaluation mode (`eval()`), and that in evaluation mode it
# equals the same layer without dropout.

# %% tags=["solution"]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5, training=self.training)


net, x = Net(), torch.randn(2, 4)
print("train:", net.train()(x))
print("eval: ", net.eval()(x))
print("eval == no dropout:", torch.allclose(net(x), net.fc(x)))

# %% [markdown]
# ## Further reading
#
# - [`torch.nn`](https://docs.pytorch.org/docs/stable/nn.html) — every module family used in the tour
# - [`torch.nn.functional`](https://docs.pytorch.org/docs/stable/nn.functional.html)
# - [`F.conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.conv2d.html),
#   [`nn.Conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html),
#   [`F.linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.linear.html)
# - [Autograd mechanics](https://docs.pytorch.org/docs/stable/notes/autograd.html),
#   [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [Variable (deprecated)](https://docs.pytorch.org/docs/stable/autograd.html#variable-deprecated)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`F.dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.dropout.html),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html),
#   [`F.batch_norm`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.batch_norm.html)
# - Containers: [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.ModuleList`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleList.html),
#   [`nn.ModuleDict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleDict.html)
# - Pooling and padding: [`nn.MaxPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html),
#   [`nn.AdaptiveAvgPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.AdaptiveAvgPool2d.html),
#   [`nn.ZeroPad2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ZeroPad2d.html),
#   [`nn.ReflectionPad1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReflectionPad1d.html)
# - Activations and normalization: [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.GELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GELU.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [`nn.LayerNorm`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LayerNorm.html),
#   [`Tensor.var`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.var.html),
#   [`nn.BatchNorm2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html)
# - Recurrent and linear: [`nn.LSTM`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LSTM.html),
#   [`nn.GRU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GRU.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Identity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Identity.html)
# - Embedding and distance: [`nn.Embedding`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Embedding.html),
#   [`nn.CosineSimilarity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CosineSimilarity.html),
#   [`nn.PairwiseDistance`](https://docs.pytorch.org/docs/stable/generated/torch.nn.PairwiseDistance.html)
# - Loss: [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.cross_entropy`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html)
# - [What is `torch.nn` really?](https://docs.pytorch.org/tutorials/beginner/nn_tutorial.html): a tutorial
#   that rewrites a network built from plain tensor operations with `torch.nn.functional`, then `nn.Module`
