# %% [markdown]
# # Training basics
#
# So far the weights of our models were random or set by hand. Training adjusts the weights, and the
# other values a model learns, a little at a time so that its outputs match the data. This lesson trains
# on eleven pairs of numbers — small enough to see every step.
#
# **What you will learn**
#
# - what `nn.Linear(1, 1)` holds (`weight`, `bias`) and how `parameters()` lists it;
# - a loss function (`nn.MSELoss`) and an optimizer (`torch.optim.SGD`);
# - the training loop, written out: forward → loss → `zero_grad` → `backward` → `step`;
# - why `zero_grad` is needed (gradients accumulate), and why inputs should be normalised;
# - a small nonlinear model, `nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))`, its
#   `named_parameters()` and `state_dict()`.
#
# **Prerequisites:** `nn.Linear` and `torch.no_grad()` (lesson 01), autograd's `backward()` and
# `.grad` (lessons 02 and 05), `nn.Sequential` (lesson 04), `parameters()` and `state_dict()`
# (lesson 05).

# %%
import math
import warnings

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # the generator it returns is not needed here
# Eleven pairs of numbers and models with at most 40 parameters: far too little work for a GPU to help,
# so the whole lesson runs on the CPU, whatever the machine has.

# %% [markdown]
# ## The data: eleven temperature readings
#
# Two thermometers read the same eleven moments. `X` holds the readings of a thermometer in degrees
# Celsius; `y` holds the readings of a second thermometer whose unit we don't know. The data comes from
# the book *Deep Learning with PyTorch* by Stevens, Antiga and Viehmann (see Further reading), which
# calls them `t_c` and `t_u`. Can a model learn to predict the second thermometer's reading from the
# Celsius one? Each measurement is one sample, and each sample has a single feature (the Celsius value),
# so `X` and `y` both have shape `(11, 1)`: 11 samples × 1 value.

# %%
X = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]).reshape(-1, 1)  # t_c: (11,) -> (11, 1)
y = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]).reshape(-1, 1)  # t_u: (11, 1)
print("X:", tuple(X.shape), "y:", tuple(y.shape))
print(f"X from {X.min().item():.1f} to {X.max().item():.1f} | y from {y.min().item():.1f} to {y.max().item():.1f}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: `torch.tensor(t)` on something that is already a tensor**
#
# `torch.tensor` is for building a tensor from Python lists and numbers. Given a tensor it still makes a
# copy, detached from the autograd graph, but it warns and asks you to write such a copy explicitly.

# %% tags=["pitfall"]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    X_copy = torch.tensor(X)  # works, but warns
for w in caught:
    print(w.category.__name__ + ":", w.message)

# %% [markdown] tags=["pitfall"]
# **The fix:** use the tensor as it is, or copy it explicitly with `t.detach().clone()`.

# %% tags=["pitfall"]
X_copy = X.detach().clone()  # an explicit copy, no warning
print("equal values:", torch.equal(X_copy, X), "| separate memory:", X_copy.data_ptr() != X.data_ptr())

# %% [markdown]
# ## The simplest model: `nn.Linear(1, 1)`
#
# One input $x$, one prediction $\hat y = w x + b$. Here $w$ is the weight and $b$ the bias; the layer
# sets both to random values when it is created, and both are trainable parameters. `parameters()` yields
# them in order, weight first. Called on all eleven samples at once, it returns one prediction per
# sample.

# %%
model = nn.Linear(1, 1)
print("weight:", model.weight)
print("bias:  ", model.bias)
print("parameters:", [tuple(p.shape) for p in model.parameters()])
pred = model(X)  # (11, 1) -> (11, 1)
print("pred:", tuple(pred.shape), [round(v, 4) for v in pred[:3, 0].tolist()])

# %% [markdown]
# ## Loss function and optimizer
#
# A loss function says, as one number, how far the predictions are from the targets `y`. For regression,
# predicting a number as here, the usual choice is the mean squared error (MSE),
# $\frac{1}{N}\sum_i (\hat y_i - y_i)^2$, where $N$ is the number of samples — that is `nn.MSELoss`.

# %%
loss_fn = nn.MSELoss()
loss = loss_fn(pred, y)
by_hand = ((pred - y) ** 2).mean()
assert torch.allclose(loss, by_hand)
print(f"MSE loss: {loss.item():.2f} | by hand: {by_hand.item():.2f}")

# %% [markdown]
# An optimizer updates the parameters it was given. Gradient descent moves each parameter against its
# gradient, and the step it takes is the gradient times the **learning rate** `lr`:
# $w \leftarrow w - \text{lr}\cdot\partial L/\partial w$, the same rule as in
# [lesson 02](02_activation_functions.ipynb). Here $L$ is the loss and $\partial L/\partial w$ is the
# gradient of $w$: how fast the loss changes when $w$ changes a little. `backward()` fills in `.grad`;
# `optimizer.step()` then uses it to update the parameters once. One such update is called a step.
#
# `torch.optim.SGD` is named after *stochastic* gradient descent: usually each step computes the
# gradient on a random minibatch (a few samples) of the data, a noisy estimate of the gradient on all
# of it. [Lesson 09](09_train_and_evaluate.ipynb) trains on minibatches. In this lesson every step uses
# all eleven samples, so what runs is full-batch gradient descent — the same update rule.

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
before = model.weight.detach().clone()
loss.backward()  # fills model.weight.grad and model.bias.grad
optimizer.step()  # w <- w - lr * grad
expected = before - 1e-3 * model.weight.grad
assert torch.allclose(model.weight, expected)
print(f"weight {before.item():.4f} -> {model.weight.item():.4f} (grad {model.weight.grad.item():.1f})")

# %% [markdown]
# ## Gradients accumulate
#
# `backward()` *adds* the new gradient to whatever `.grad` already holds; it never overwrites it. That is
# useful when you mean it — summing the gradients of several minibatches before one step — but in an
# ordinary loop that does not clear them, last step's gradient would leak into this step. Two forward and
# backward passes on the same data, with no `zero_grad()` (and no step) in between, leave twice the
# gradient; `optimizer.zero_grad()` clears it (by default it sets `.grad` to `None`).

# %%
optimizer.zero_grad()
loss_fn(model(X), y).backward()
once = model.weight.grad.clone()
loss_fn(model(X), y).backward()  # a second forward + backward, no zero_grad in between
print(f"after one pass: {once.item():.2f} | after two: {model.weight.grad.item():.2f}")
assert torch.allclose(model.weight.grad, 2 * once)
optimizer.zero_grad()
print("after zero_grad():", model.weight.grad)

# %% [markdown]
# Each pass above computes a new loss. Calling `backward()` twice on the *same* loss is another
# matter. This loss, like almost any real one, is made of operations for which autograd saves
# intermediate values for the backward pass. The first call frees those values, so the second one
# raises an error (unless the first was given `retain_graph=True`, which keeps them).

# %%
loss = loss_fn(model(X), y)
loss.backward()
try:
    loss.backward()  # the same loss a second time
except RuntimeError as err:
    print("RuntimeError:", str(err).split(" (")[0])
optimizer.zero_grad()

# %% [markdown]
# ## The training loop
#
# Training repeats five steps: forward pass, loss, clear old gradients, backpropagation, parameter
# update. In general they run once per minibatch, and one pass over the whole training set is an
# **epoch**. Here the whole data set is a single batch of eleven samples, so each epoch is exactly
# one step. The function records the loss of every epoch and prints it at the first epoch and at
# each quarter of the run.

# %%
def training_loop(n_epochs, optimizer, model, loss_fn, X, y):
    losses = []
    for epoch in range(1, n_epochs + 1):
        pred = model(X)  # 1. forward pass
        loss = loss_fn(pred, y)  # 2. loss
        optimizer.zero_grad()  # 3. clear the previous gradients
        loss.backward()  # 4. backpropagation: fill .grad
        optimizer.step()  # 5. update the parameters
        losses.append(loss.item())
        if epoch == 1 or epoch % max(1, n_epochs // 4) == 0:
            print(f"epoch {epoch:4d}  loss {loss.item():.4g}")
    return losses

# %% [markdown] tags=["pitfall"]
# **Pitfall: a call with an argument missing**
#
# A function with six positional arguments is easy to call with one left out. Python does not fill in a
# missing argument for you: the call fails with a `TypeError` before the first epoch starts.

# %% tags=["pitfall"]
try:
    training_loop(100, optimizer, model, loss_fn, X)  # y is missing
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **The fix:** pass every argument by keyword (`n_epochs=...`). A missing one is then easy to spot. The
# call below passes all six, so it runs (here for 4 epochs, as a quick check).

# %% tags=["pitfall"]
_ = training_loop(n_epochs=4, optimizer=optimizer, model=model, loss_fn=loss_fn, X=X, y=y)

# %% [markdown]
# ## Raw inputs and normalised inputs
#
# Time to train. From here on, what decides the outcome is the scale of the inputs: how large the
# numbers fed to the model are.

# %% [markdown] tags=["pitfall"]
# **Pitfall: raw, unnormalised inputs**
#
# Train a fresh `nn.Linear(1, 1)` for 300 epochs with learning rate 0.05, feeding it the Celsius
# readings `X` as they are:

# %% tags=["pitfall"]
seed_everything(0)
lr, n_epochs = 0.05, 300
model_raw = nn.Linear(1, 1)
losses_raw = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_raw.parameters(), lr=lr),
    model=model_raw, loss_fn=loss_fn, X=X, y=y,
)
print("epochs 1-6:", [f"{v:.3g}" for v in losses_raw[:6]])
print("first inf at epoch", losses_raw.index(math.inf) + 1, "| last loss:", losses_raw[-1])
curvature = 2 * (X ** 2).mean().item()  # how much the weight's gradient changes when the weight moves by 1
print(f"2 * mean(x^2) = {curvature:.0f} | 1 - lr * 2 * mean(x^2) = {1 - lr * curvature:.1f}"
      f" | loss ratio, epoch 3 / epoch 2: {losses_raw[2] / losses_raw[1]:.0f}")

# %% [markdown] tags=["pitfall"]
# The loss grows instead of shrinking, overflows to `inf` (infinity) and ends as `nan` (not a number).
# Why? The weight's gradient changes as the weight moves: for this loss, moving the weight by 1 changes
# its gradient by $2\cdot\text{mean}(x^2)$, which grows with the *square* of the inputs — 375 here,
# where the inputs reach 28. At its best value (the one with the smallest loss) the gradient is 0, so a
# weight that is $d$ away from it has a gradient of about $375\,d$. One step moves the weight toward its
# best value by $0.05 \cdot 375\,d$, so the offset goes from $d$ to about
# $(1 - 0.05 \cdot 375)\,d \approx -18\,d$. The minus sign means the weight jumps past its best value to
# the other side, and it lands about 18 times as far away. The loss grows with the square of that
# offset, so each epoch multiplies it by about 300 (the printed ratio).
#
# A learning rate small enough for the raw scale does not blow up (diverge), but it crawls: with
# `lr = 0.001` the loss is still far from its minimum after 300 epochs.

# %% tags=["pitfall"]
seed_everything(0)
model_slow = nn.Linear(1, 1)
losses_slow = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_slow.parameters(), lr=1e-3),
    model=model_slow, loss_fn=loss_fn, X=X, y=y,
)

# %% [markdown] tags=["pitfall"]
# **The fix:** bring the inputs near 1. Multiplying by 0.1 is enough here. The general recipe is
# standardising: subtract the mean $\bar x$ and divide by the standard deviation $s$, $(x - \bar x)/s$;
# exercise 1 tries it. Same model, same learning rate 0.05, same epochs:

# %% tags=["pitfall"]
X_n = X * 0.1  # normalised inputs, between -0.4 and 2.8
seed_everything(0)
model = nn.Linear(1, 1)
losses = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model.parameters(), lr=lr),
    model=model, loss_fn=loss_fn, X=X_n, y=y,
)
assert losses[-1] < 10 < 250 < losses_slow[-1]  # normalised: below 10; raw with lr=0.001: above 250
curvature_n = 2 * (X_n ** 2).mean().item()
print(f"2 * mean(x^2) = {curvature_n:.2f} | 1 - lr * 2 * mean(x^2) = {1 - lr * curvature_n:.2f}")

# %% [markdown] tags=["pitfall"]
# Multiplying the inputs by 0.1 divides $2\cdot\text{mean}(x^2)$ by 100, to 3.75, so one step now
# multiplies the weight's offset from its best value by about 0.81, as long as the bias stays put. The
# bias moves too, and because these inputs are not centred on 0, weight and bias pull on each other, so
# the loss settles more slowly than that (it is still falling at epoch 75); standardising, as in
# exercise 1, removes that coupling. Either way, every step now brings the model closer. After 300
# epochs the model trained on normalised inputs has a loss below 10, while the one trained on raw inputs
# with `lr = 0.001` is still above 250. The figure shows the loss curves of all three runs; the raw run
# with `lr = 0.05` has a loss that goes through `inf` to `nan`, so on the right it is off the chart.

# %% tags=["pitfall"]
epochs = range(1, n_epochs + 1)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
for ax, last in zip(axes, (20, n_epochs)):
    ax.plot(epochs[:last], losses_raw[:last], label=f"raw X, lr = {lr} / 원본 입력")
    ax.plot(epochs[:last], losses_slow[:last], label="raw X, lr = 0.001 / 원본 입력")
    ax.plot(epochs[:last], losses[:last], label=f"X * 0.1, lr = {lr} / 정규화한 입력")
    ax.set_yscale("log")
    ax.set_title(f"epochs 1-{last} / 에폭 1-{last}")
    ax.set_xlabel("epoch / 에폭")
axes[0].set_ylabel("MSE loss / 손실 (로그 눈금)")
axes[1].set_ylim(1, 1e4)  # the raw curve with lr = 0.05 is off the chart here: inf, then nan
axes[0].legend()
fig.suptitle("Raw vs normalised inputs / 원본 입력과 정규화한 입력")
show(fig)

# %% [markdown]
# ## What the linear model learned
#
# The model saw `X * 0.1`, so one unit of its input is 10 °C and its weight is the change in `y` per
# 10 °C; multiplied by 0.1 it is per degree. Linear regression also has an exact answer that needs no
# training, the least-squares solution (the line with the smallest squared error), and training got
# within 0.01 of it. The result, $y \approx 1.79\,x + 33.0$, is close to Fahrenheit's $1.8\,x + 32$:
# the unknown thermometer is probably a Fahrenheit one with a little noise in its readings.

# %%
slope = model.weight.item() * 0.1  # per degree Celsius
intercept = model.bias.item()
print(f"trained:       y = {slope:.4f} * x + {intercept:.4f}")
A = torch.cat([X, torch.ones_like(X)], dim=1)  # (11, 2): columns x and 1
exact = torch.linalg.lstsq(A, y).solution.flatten()  # minimises the same squared error
print(f"least squares: y = {exact[0].item():.4f} * x + {exact[1].item():.4f}")
assert torch.allclose(torch.tensor([slope, intercept]), exact, atol=0.01)

# %% [markdown]
# ## A nonlinear model
#
# Replace the single layer by a small network: 1 input → 13 hidden units with `nn.Tanh` → 1 output.
# `named_parameters()` names each tensor after its position in the `nn.Sequential`; `nn.Tanh` at index 1
# has no parameters, so it is not in the list, and the names jump from `0.` to `2.`.

# %%
seed_everything(0)
seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))
print(seq_model)
for name, param in seq_model.named_parameters():
    print(f"{name:9} {tuple(param.shape)}")
print("parameters in total:", sum(p.numel() for p in seq_model.parameters()))

# %% [markdown]
# `state_dict()` holds the same tensors under the same names: not copies, but tensors that share memory
# with the parameters (plus buffers, which this model has none of). It is what gets saved to disk in
# [lesson 08](08_save_and_load.ipynb).

# %%
state = seq_model.state_dict()
print("state_dict keys:", list(state.keys()))
print("shares memory with 2.weight:", state["2.weight"].data_ptr() == seq_model[2].weight.data_ptr())

# %% [markdown]
# The same `training_loop` trains it on the normalised inputs. The network's prediction can bend where
# a straight line cannot, so its loss ends lower than the linear model's.

# %%
seq_losses = training_loop(
    n_epochs=1000, optimizer=torch.optim.SGD(seq_model.parameters(), lr=1e-2),
    model=seq_model, loss_fn=loss_fn, X=X_n, y=y,
)
print(f"final loss: linear {losses[-1]:.2f} | nn {seq_losses[-1]:.2f}")
assert seq_losses[-1] < losses[-1]

# %% [markdown]
# ## Observed vs predicted
#
# The figure shows the data, the linear fit, and the network's prediction over a dense range of
# temperatures. Both models are fed normalised inputs (`* 0.1`), exactly as in training. Plotting needs
# no gradients, so the predictions are made inside `torch.no_grad()`, where autograd records no
# operations (builds no graph).

# %%
X_dense = torch.linspace(-8, 32, 200).reshape(-1, 1)  # (200, 1), in degrees Celsius
with torch.no_grad():
    y_linear = model(X_dense * 0.1)
    y_seq = seq_model(X_dense * 0.1)

fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X, y, color="black", zorder=3, label="observed / 관측값")
ax.plot(X_dense, y_linear, label="nn.Linear(1, 1) / 선형 모델")
ax.plot(X_dense, y_seq, label="Linear-Tanh-Linear / 신경망")
ax.set_xlabel("X: Celsius / 섭씨")
ax.set_ylabel("y: unknown unit / 단위 모름")
ax.legend()
fig.suptitle("Observed vs predicted / 관측값과 예측값")
show(fig)

# %% [markdown]
# The straight line follows only the overall trend; the network's curve bends to pass closer to
# individual points, which gives it a lower training loss. With eleven noisy points that bending is
# likely fitting the noise: overfitting, where a model follows its training data so closely that it
# does worse on new data. And outside the data the tanh units flatten out — exercise 3 looks at that.

# %% [markdown]
# ## Summary
#
# - `nn.Linear(1, 1)` holds a `weight` of shape `(1, 1)` and a `bias` of shape `(1,)`;
#   `parameters()` yields them for the optimizer.
# - A loss function (`nn.MSELoss`) says as one number how far predictions are from targets; an optimizer
#   (`torch.optim.SGD`) uses their `.grad` to move parameters against the gradient, by `lr` times the
#   gradient.
# - One training step: forward → loss → `optimizer.zero_grad()` → `loss.backward()` →
#   `optimizer.step()`, once per minibatch (here the data set is one batch, so once per epoch).
#   Without `zero_grad`, gradients add up across steps.
# - Normalise inputs: on raw readings up to 28, the learning rate that works for `X * 0.1` makes the
#   loss explode, and one small enough to be stable learns slowly.
# - `named_parameters()` and `state_dict()` name tensors by their position in `nn.Sequential`
#   (`0.weight`, `0.bias`, `2.weight`, `2.bias`).
#
# ## Exercises
#
# **1.** Standardise the inputs instead, `(X - X.mean()) / X.std()`, train a fresh `nn.Linear(1, 1)` with
# the same learning rate, and turn its weight and bias into a line for raw °C input, $y = a x + c$. Do
# you get the same line as the least-squares answer above?

# %% tags=["solution"]
mean, std = X.mean(), X.std()
seed_everything(0)
model_s = nn.Linear(1, 1)
_ = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_s.parameters(), lr=lr),
    model=model_s, loss_fn=loss_fn, X=(X - mean) / std, y=y,
)
# y = w * (x - mean) / std + b = (w / std) * x + (b - w * mean / std)
w, b = model_s.weight.item(), model_s.bias.item()
a, c = w / std.item(), b - w * mean.item() / std.item()
print(f"y = {a:.4f} * x + {c:.4f}")
assert torch.allclose(torch.tensor([a, c]), exact, atol=0.01)  # yes: the least-squares line from above

# %% [markdown]
# **2.** Replace `optimizer.step()` and `optimizer.zero_grad()` by your own update under `torch.no_grad()`
# (`p -= lr * p.grad`, then `p.grad = None`). Make two models with the same initial values, update one
# this way and the other with SGD, train both for 20 epochs, and check that both end with the same
# parameters.

# %% tags=["solution"]
seed_everything(0)
by_hand = nn.Linear(1, 1)
seed_everything(0)
by_sgd = nn.Linear(1, 1)  # same seed, so the same starting weight and bias
sgd = torch.optim.SGD(by_sgd.parameters(), lr=lr)
for epoch in range(20):
    loss_fn(by_hand(X_n), y).backward()
    with torch.no_grad():
        for p in by_hand.parameters():
            p -= lr * p.grad
            p.grad = None
    sgd.zero_grad()
    loss_fn(by_sgd(X_n), y).backward()
    sgd.step()
print("same parameters:", all(torch.allclose(a, b) for a, b in zip(by_hand.parameters(), by_sgd.parameters())))

# %% [markdown]
# **3.** With both trained models, predict the second thermometer's reading at 100 °C (water boils). A
# Fahrenheit thermometer would read 212. Which model can you trust there, and why?

# %% tags=["solution"]
boiling = torch.tensor([[100.0]]) * 0.1  # normalised like the training inputs
with torch.no_grad():
    print(f"linear: {model(boiling).item():.1f} | nn: {seq_model(boiling).item():.1f}")
# The line keeps its slope (about 1.79 per degree) and lands near 212. The network's tanh units
# saturate far from the data, so its output levels off (88.7 here): as an extrapolation, it is worthless.

# %% [markdown]
# ## Further reading
#
# - [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.Tanh`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Tanh.html)
# - [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html),
#   [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`Optimizer.zero_grad`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Optimizer.zero_grad.html)
# - [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.tensor`](https://docs.pytorch.org/docs/stable/generated/torch.tensor.html),
#   [`Tensor.detach`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.detach.html),
#   [`Tensor.clone`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.clone.html)
# - [`Module.parameters`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.parameters),
#   [`Module.named_parameters`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.named_parameters),
#   [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict)
# - [`torch.linalg.lstsq`](https://docs.pytorch.org/docs/stable/generated/torch.linalg.lstsq.html),
#   [`torch.linspace`](https://docs.pytorch.org/docs/stable/generated/torch.linspace.html)
# - [Autograd mechanics](https://docs.pytorch.org/docs/stable/notes/autograd.html) (how the graph is
#   recorded and freed)
# - Python's [`warnings.catch_warnings`](https://docs.python.org/3/library/warnings.html#warnings.catch_warnings)
# - Eli Stevens, Luca Antiga and Thomas Viehmann, *Deep Learning with PyTorch* (Manning, 2020),
#   chapters 5 and 6: the thermometer data, a training loop, and the same small `nn.Sequential`
