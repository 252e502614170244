# %% [markdown]
# # Validate and tune
#
# Lesson 09 showed that the training loop works, with settings picked by hand and a look at the test
# set after every epoch. This lesson chooses those settings with data: it sets a validation set
# apart, compares three optimizers on it, adds a learning-rate schedule, picks the best epoch, and only
# then measures the test set — once.
#
# **What you will learn**
#
# - what hyperparameters are, and which ones this lesson chooses;
# - how to split a validation set off the training data with `random_split` and a seeded generator,
#   and why the test set is used only once, at the end;
# - how SGD, SGD with momentum and Adam update the weights — one formula each — and how they compare;
# - what a cosine learning-rate schedule changes;
# - how to choose the epoch on validation accuracy, save that checkpoint safely and reload it;
# - how to read the result: curves, per-class accuracy, a confusion matrix, misclassified images and
#   published figures;
# - a faster path: the whole data set as tensors on the device.
#
# **Prerequisites:** lesson 03 (the `NeuralNetwork` class), lesson 07 (the training loop and
# `torch.optim.SGD`), [lesson 08](08_save_and_load.ipynb) (saving a `state_dict` atomically with a
# temporary file and `os.replace`, `torch.load` with `weights_only=True` and `map_location`) and
# [lesson 09](09_train_and_evaluate.ipynb) (FashionMNIST, `DataLoader`, `train`/`evaluate`,
# `model.train()`/`model.eval()`).

# %%
import itertools
import math
import os
import time

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

from course_lib import (
    class_names,
    describe_device,
    get_device,
    load_fashion_mnist,
    output_dir,
    seed_everything,
    show,
)

generator = seed_everything(0)  # seeds torch; the returned generator shuffles the training data
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## Hyperparameters
#
# The weights and biases are **parameters**: the optimizer learns them from the data. Everything you
# set *before* training is a **hyperparameter**: the number of epochs, the batch size, the learning
# rate, which optimizer and its settings, the learning-rate schedule (explained below), even the width of the hidden layers. Lesson 09
# picked them by hand. An optimizer shows its own hyperparameters in `param_groups`; here are those of
# lesson 09's plain SGD.

# %%
class NeuralNetwork(nn.Module):
    def __init__(self, hidden=512):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, 10),  # the logits: no activation here
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 1, 28, 28) -> (N, 784)
        return self.linear_relu_stack(x)  # (N, 784) -> (N, 10)


sgd = torch.optim.SGD(NeuralNetwork().parameters(), lr=0.1)
print({k: sgd.param_groups[0][k] for k in ("lr", "momentum", "dampening", "weight_decay", "nesterov")})

# %% [markdown]
# The hidden width is one of them. Lesson 03's network has 512 neurons per hidden layer; this lesson
# uses 256. Each element of a `nn.Linear` weight costs one multiply and one add per image, so an epoch
# of the narrower network needs about 40 % of the arithmetic of the 512-wide one, and the same time buys more epochs: this
# lesson trains 20 of them.

# %%
hidden = 256
counts = {h: sum(p.numel() for p in NeuralNetwork(h).parameters()) for h in (512, hidden)}
share = counts[hidden] / counts[512]
assert 0.39 < share < 0.41
print(counts, f"share: {share:.2f}")

# %% [markdown]
# ## A validation set
#
# Every choice made by looking at a data set's score fits the model a little to *that* data set. So
# the score used for choosing cannot also be the final, honest one. `random_split` takes 5,000 of the
# 60,000 training images as a **validation set**: we train on the other 55,000, choose everything on
# the validation set, and measure the test set once, at the very end. Its own seeded generator makes
# the split the same on every run, whatever other random numbers the program draws before it.

# %%
train_set, test_set = load_fashion_mnist()
names = class_names()  # "T-shirt/top / 티셔츠/상의", ...
train_part, val_part = random_split(train_set, [55_000, 5_000], generator=torch.Generator().manual_seed(0))
assert not set(train_part.indices) & set(val_part.indices)  # no image in both
print(type(train_part).__name__, len(train_part), len(val_part), len(test_set))
val_counts = torch.bincount(train_set.targets[val_part.indices])  # images per class
assert (torch.bincount(train_set.targets) == 6000).all() and 450 < val_counts.min() <= val_counts.max() < 550
print("validation images per class:", val_counts.tolist())

# %% [markdown]
# `random_split` returns two `Subset`s: views that keep the original data set and a list of indices
# (`train_part.indices`). The classes stay roughly balanced — about 500 validation images each, out of
# 6,000 per class in the training data — because the split is random over balanced data.
#
# ## A faster path: the data as tensors on the device
#
# We are going to train several models, and a `DataLoader` over `train_set` turns every image into a
# tensor again in every epoch: torchvision first makes each item an image of PIL (Python's usual
# imaging library), then `ToTensor()` turns that into a tensor. FashionMNIST is small enough to
# convert once, without PIL: the dataset keeps all its images in one `uint8` tensor, `train_set.data`,
# of shape (60000, 28, 28), and its labels in `train_set.targets`. Adding the channel dimension with
# `unsqueeze(1)` and dividing by 255 gives exactly the values `ToTensor()` gives (the cell checks
# it), and the indices of the split select our training and validation images. Then everything moves to the device
# once: $60000 \times 784 \times 4$ bytes ≈ 188 MB as `float32`.

# %%
X_all = train_set.data.unsqueeze(1).float() / 255  # uint8 (60000, 28, 28) -> float32 (60000, 1, 28, 28), in [0, 1]
y_all = train_set.targets  # (60000,) int64
assert torch.equal(X_all[0], train_set[0][0])  # the same values as ToTensor
train_idx, val_idx = torch.tensor(train_part.indices), torch.tensor(val_part.indices)
X_train, y_train = X_all[train_idx].to(device), y_all[train_idx].to(device)  # (55000, 1, 28, 28), (55000,)
X_val, y_val = X_all[val_idx].to(device), y_all[val_idx].to(device)  # (5000, 1, 28, 28), (5000,)
print(f"{X_all.nelement() * X_all.element_size() / 1e6:.1f} MB;", X_train.device, X_train.shape, X_val.shape)

# %% [markdown]
# A minibatch is now one indexing operation with a shuffled index: `torch.randperm` with the seeded
# generator gives a new, reproducible order every epoch. `train_epoch` is lesson 09's `train` on
# tensors; it also counts correct answers, so it returns the loss and accuracy averaged over the
# epoch. `evaluate` works in slices of 1,000 images and averages over images. The batch size stays
# lesson 09's 128: 430 minibatches per epoch of 55,000 images.

# %%
def train_epoch(X, y, model, loss_fn, optimizer, batch_size, generator):
    """One epoch over tensors `X`, `y` in shuffled minibatches; returns (average loss per batch, accuracy)."""
    model.train()
    perm = torch.randperm(len(X), generator=generator).to(X.device)  # a new order every epoch
    total_loss, correct, num_batches = 0.0, 0, 0
    for start in range(0, len(X), batch_size):
        idx = perm[start:start + batch_size]  # (B,) indices
        logits = model(X[idx])  # (B, 1, 28, 28) -> (B, 10)
        loss = loss_fn(logits, y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        correct += (logits.argmax(dim=1) == y[idx]).sum().item()
        num_batches += 1
    return total_loss / num_batches, correct / len(X)


def evaluate(X, y, model, loss_fn, batch_size=1000):
    """Average loss per image and accuracy of `model` on tensors `X`, `y`."""
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(X), batch_size):
            logits = model(X[start:start + batch_size])  # (B, 10)
            total_loss += loss_fn(logits, y[start:start + batch_size]).item() * len(logits)
            correct += (logits.argmax(dim=1) == y[start:start + batch_size]).sum().item()
    return total_loss / len(X), correct / len(X)


batch_size = 128
loss_fn = nn.CrossEntropyLoss()
num_batches = math.ceil(len(X_train) / batch_size)
print(num_batches, "minibatches of", batch_size, "per epoch")

# %% [markdown]
# How much does it save? The cell below trains 100 minibatches of 128 images three ways — a
# `DataLoader` over the PIL images, a `DataLoader` over a `TensorDataset` of the converted tensors (a
# dataset whose item `i` is `(X[i], y[i])`), and the tensors on the device — and scales each time to a whole epoch. Timings depend on the machine
# and on whatever else it is running, so this cell prints different numbers on every run. Every other
# cell prints the same numbers on every run on the same machine with the same number of CPU threads
# (the lesson's first output line shows it). With another thread count, or on a GPU, the last digits
# of losses and accuracies differ from this page; on a GPU they can even change from run to run,
# because some operations add numbers in a different order each time unless deterministic
# algorithms are switched on (`torch.use_deterministic_algorithms(True)`). The checks allow for such
# small differences, except the one that names the chosen optimizer (explained where it stands).

# %% tags=["variable"]
timed = 100  # minibatches timed per way
ways = {
    "DataLoader, PIL images + ToTensor": DataLoader(train_part, batch_size=batch_size, shuffle=True,
                                                    generator=torch.Generator().manual_seed(0)),
    "DataLoader, TensorDataset": DataLoader(TensorDataset(X_all[train_idx], y_all[train_idx]), batch_size=batch_size,
                                            shuffle=True, generator=torch.Generator().manual_seed(0)),
}
for name, loader in ways.items():
    model = NeuralNetwork(hidden).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    start = time.perf_counter()
    for X, y in itertools.islice(loader, timed):
        loss = loss_fn(model(X.to(device)), y.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"{name:36} {(time.perf_counter() - start) * num_batches / timed:5.2f} s per epoch")
model = NeuralNetwork(hidden).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
start = time.perf_counter()
train_epoch(X_train[:timed * batch_size], y_train[:timed * batch_size], model, loss_fn, optimizer, batch_size,
            torch.Generator().manual_seed(0))
print(f"{'tensors on the device':36} {(time.perf_counter() - start) * num_batches / timed:5.2f} s per epoch")

# %% [markdown]
# Read the three lines of your own run (on a busy machine the noise can be as large as these gaps:
# run the cell again to see how much the numbers move). The gap between the first two is the
# per-image conversion (PIL → tensor), paid again in every epoch; the gap between the last two is the
# `DataLoader`'s per-item indexing and stacking, plus — on a GPU — the copy of every batch to the
# device. The rest is the training arithmetic. On a CPU that arithmetic is slow, so it is a large part
# of each line; on a GPU it is fast, so the work around it weighs more and keeping the data on the
# device pays off more. The `DataLoader` remains the general tool: it handles data sets larger than memory, random
# changes to each image, and loading in parallel worker processes.
#
# ## Three optimizers
#
# With $\theta$ a parameter, $g$ its gradient for the current minibatch and $\eta$ the learning rate:
#
# - **SGD** steps against the gradient: $\theta \leftarrow \theta - \eta\, g$.
# - **SGD with momentum** keeps a running sum $v$ of past gradients, each older one weighted by $\mu$
#   once more, and steps along it: $v \leftarrow \mu v + g$, $\theta \leftarrow \theta - \eta\, v$.
#   Where gradients keep pointing the same way the step grows, up to $1/(1-\mu) = 10$ times for
#   $\mu = 0.9$; where they flip sign from step to step, they largely cancel, and the step shrinks to
#   about $1/(1+\mu) \approx 0.53$ times the plain one.
# - **Adam** keeps exponentially weighted averages (older values count less and less) of the gradient
#   and of its square, $m \leftarrow \beta_1 m + (1-\beta_1) g$
#   and $s \leftarrow \beta_2 s + (1-\beta_2) g^2$, corrects their start at zero
#   ($\hat m = m / (1-\beta_1^t)$, $\hat s = s / (1-\beta_2^t)$ at step $t$), and steps
#   $\theta \leftarrow \theta - \eta\, \hat m / (\sqrt{\hat s} + \epsilon)$: every parameter gets its own
#   step size, of the order of $\eta$ whatever the scale of its gradient. PyTorch's defaults are
#   $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$.
#
# The formulas are what PyTorch computes: two steps by hand on a tensor of three elements, each of
# them one parameter, give the same values as two `optimizer.step()` calls.

# %%
def two_steps(make_optimizer, grads):
    w = torch.zeros(3, requires_grad=True)
    optimizer = make_optimizer([w])
    for g in grads:
        w.grad = g.clone()
        optimizer.step()
    return w.detach()


g1, g2 = torch.tensor([1.0, -2.0, 0.001]), torch.tensor([1.0, 2.0, 0.001])
lr, mu, b1, b2, eps = 0.1, 0.9, 0.9, 0.999, 1e-8
sgd_w = -lr * g1 - lr * g2
momentum_w = -lr * g1 - lr * (mu * g1 + g2)
m1, s1 = (1 - b1) * g1, (1 - b2) * g1**2
m2, s2 = b1 * m1 + (1 - b1) * g2, b2 * s1 + (1 - b2) * g2**2
adam_w = (-lr * (m1 / (1 - b1)) / ((s1 / (1 - b2)).sqrt() + eps)
          - lr * (m2 / (1 - b1**2)) / ((s2 / (1 - b2**2)).sqrt() + eps))
for name, make, by_hand in [
    ("SGD", lambda p: torch.optim.SGD(p, lr=lr), sgd_w),
    ("SGD, momentum 0.9", lambda p: torch.optim.SGD(p, lr=lr, momentum=mu), momentum_w),
    ("Adam", lambda p: torch.optim.Adam(p, lr=lr), adam_w),
]:
    w = two_steps(make, [g1, g2])
    assert torch.allclose(w, by_hand)
    print(f"{name:18} {[round(v, 4) for v in w.tolist()]}")

# %% [markdown]
# Three things to see. SGD moved the third parameter, whose gradient is tiny, by almost nothing, while
# Adam moved it as far as the first: two steps of about $\eta = 0.1$ each. The gradient of the second
# parameter flipped sign: SGD went back to 0, momentum kept most of its first step, and Adam stepped
# back only a little. And with momentum, the first parameter, whose gradient kept its sign, moved
# further than with SGD.
#
# Now a short comparison on the real task: each optimizer trains a fresh network (same initial
# weights) for 2 epochs, and we record the validation accuracy after each. SGD gets lesson 09's
# learning rate 0.1, momentum 0.9 is added with the same learning rate, and Adam uses its usual
# default $10^{-3}$: a learning rate suits one optimizer, not all three.

# %%
candidates = {
    "SGD, lr 0.1": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD, momentum 0.9, lr 0.1": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "Adam, lr 0.001": lambda p: torch.optim.Adam(p, lr=1e-3),
}
val_accs = {}
for name, make_optimizer in candidates.items():
    torch.manual_seed(0)  # the same initial weights for each
    model = NeuralNetwork(hidden).to(device)
    optimizer = make_optimizer(model.parameters())
    data_order = torch.Generator().manual_seed(0)  # and the same minibatches
    val_accs[name] = []
    for epoch in range(2):
        train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, data_order)
        val_accs[name].append(evaluate(X_val, y_val, model, loss_fn)[1])
    print(f"{name:26} validation accuracy after epochs 1, 2: {val_accs[name]}")

# %% [markdown]
# Momentum beats plain SGD after each epoch, and here Adam is ahead of both at the end, so the final
# run uses the optimizer with the best validation accuracy after two epochs: Adam. Two epochs
# are a short test — a longer one could change the order, and a search over each optimizer's learning
# rate would be fairer — but it is the kind of decision a validation set is for. The lead is small,
# though, and the cell prints how small next to the sampling noise: an accuracy $p$ measured on 5,000
# images has a standard error of $\sqrt{p(1-p)/5000}$, about half a point. A lead of a point or so,
# about two standard errors, could still come from which images happen to be in the validation set:
# Adam's lead here is weak evidence, and picking momentum would be reasonable too. The assert names the choice, so that a
# run where the order flips (another machine, another thread count) stops here instead of silently
# training with another optimizer.

# %%
assert all(a < b for a, b in zip(val_accs["SGD, lr 0.1"], val_accs["SGD, momentum 0.9, lr 0.1"]))
best_optimizer = max(val_accs, key=lambda name: val_accs[name][-1])  # best after the last epoch
final = sorted((accs[-1] for accs in val_accs.values()), reverse=True)
lead = final[0] - final[1]  # ahead of the runner-up
noise = math.sqrt(final[0] * (1 - final[0]) / len(X_val))  # standard error of an accuracy measured on 5,000 images
print("chosen:", best_optimizer, f"| lead {lead:.4f}, sampling noise about {noise:.4f}")
assert best_optimizer == "Adam, lr 0.001" and lead < 0.015 and 0.004 < noise < 0.006

# %% [markdown]
# ## A learning-rate schedule
#
# A constant learning rate is a compromise: large steps make fast progress early, but near a minimum
# they keep the weights bouncing around it, since every minibatch's gradient is a noisy estimate. A
# **schedule** changes the learning rate as training goes on. `CosineAnnealingLR` lowers it along half
# a cosine, from $\eta_0$ at the start to 0 after $T$ calls of `scheduler.step()` ($T$ is the `T_max` argument):
#
# $$\eta_t = \frac{\eta_0}{2}\left(1 + \cos\frac{\pi t}{T}\right)$$
#
# Calling `scheduler.step()` once per epoch, with $T$ the number of epochs, gives big steps early and
# small ones at the end, where the weights can settle.

# %%
num_epochs = 20
lr = 1e-3
dummy = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=lr)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(dummy, T_max=num_epochs)
lrs = []
for epoch in range(num_epochs):
    lrs.append(scheduler.get_last_lr()[0])  # the learning rate used in this epoch
    dummy.step()
    scheduler.step()
formula = [lr / 2 * (1 + math.cos(math.pi * t / num_epochs)) for t in range(num_epochs)]
assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(lrs, formula))
print("learning rate per epoch:", [f"{v:.2e}" for v in lrs[::4]], "...", f"{lrs[-1]:.2e}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: stepping an epoch schedule after every minibatch**
#
# `scheduler.step()` moves the schedule one step, whenever it is called. A loop that calls it after
# every minibatch, with `T_max` still set to the number of epochs, reaches a learning rate of 0 after
# 20 minibatches — and a cosine does not stop there: the learning rate climbs back up to its start.

# %% tags=["pitfall"]
dummy = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=lr)
wrong = torch.optim.lr_scheduler.CosineAnnealingLR(dummy, T_max=num_epochs)  # meant: 20 epochs
wrong_lrs = []
for step in range(2 * num_epochs + 1):  # but stepped once per minibatch
    wrong_lrs.append(wrong.get_last_lr()[0])
    dummy.step()
    wrong.step()
print("learning rate after minibatches 0, 10, 20, 30, 40:", [f"{wrong_lrs[i]:.1e}" for i in range(0, 41, 10)])

# %% [markdown] tags=["pitfall"]
# Over one epoch of 430 minibatches, the learning rate would go down to 0 and back up more than 10 times.
#
# **The fix:** call `scheduler.step()` once per epoch, after the epoch's training, as below — or, if you
# step it per minibatch, set `T_max` to the number of minibatches in the whole run,
# `num_epochs * num_batches`.

# %% tags=["pitfall"]
assert wrong_lrs[num_epochs] < 1e-12 and math.isclose(wrong_lrs[2 * num_epochs], lr)
print(f"one epoch: {num_batches} minibatches = {num_batches / (2 * num_epochs):.1f} times down and up")
print(f"per minibatch, T_max = {num_epochs} * {num_batches} = {num_epochs * num_batches} steps")

# %% [markdown]
# ## The final run: choosing the epoch on validation
#
# The hyperparameters: hidden width 256 (chosen for time), batch size 128 (kept from lesson 09), the optimizer chosen on
# validation above (Adam with learning rate $10^{-3}$), and a cosine schedule over 20 epochs. After
# every epoch we measure the validation set; whenever its accuracy beats the best so far, the
# `state_dict` is saved as in lesson 08: written to a temporary file, then swapped in with
# `os.replace`, so a crash never leaves a half-written checkpoint behind (surviving a power cut also
# needs `os.fsync`, as lesson 08 explains).

# %%
checkpoint_dir = output_dir() / "checkpoints"
checkpoint_dir.mkdir(parents=True, exist_ok=True)
best_path = checkpoint_dir / "10_best_model.pt"


def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # a crash here leaves the old file untouched
    os.replace(tmp, path)  # then swap it in, in one step


torch.manual_seed(0)
model = NeuralNetwork(hidden).to(device)
optimizer = candidates[best_optimizer](model.parameters())
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)

# %% [markdown]
# The loop: train an epoch, step the scheduler, evaluate on the validation set, save if it is the best
# so far. The test set is not used.

# %%
history = {"train_loss": [], "train_acc": [], "val_loss": [], "val_acc": []}
best_acc, best_epoch = 0.0, 0
for epoch in range(1, num_epochs + 1):
    train_loss, train_acc = train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, generator)
    scheduler.step()
    val_loss, val_acc = evaluate(X_val, y_val, model, loss_fn)
    for key, value in zip(history, (train_loss, train_acc, val_loss, val_acc)):
        history[key].append(value)
    saved = val_acc > best_acc
    if saved:
        best_acc, best_epoch = val_acc, epoch
        save_atomic({"epoch": epoch, "model": model.state_dict(), "val_acc": val_acc}, best_path)
    print(f"epoch {epoch:2}  train loss {train_loss:.4f}  val loss {val_loss:.4f}  "
          f"val acc {val_acc:.4f}" + ("  saved" if saved else ""))

# %% [markdown]
# ## Loss and accuracy curves
#
# Loss and accuracy side by side, each with its training and validation curve. (The training numbers are averaged *during* each epoch, while
# the weights still change, so they lag a little behind the model at the end of the epoch.)

# %%
epochs = range(1, num_epochs + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ax1.plot(epochs, history["train_loss"], "o-", label="train / 학습")
ax1.plot(epochs, history["val_loss"], "o-", label="validation / 검증")
ax1.set(xlabel="epoch / 에폭", ylabel="loss / 손실", title="Loss / 손실")
ax1.legend()
ax2.plot(epochs, history["train_acc"], "o-", label="train / 학습")
ax2.plot(epochs, history["val_acc"], "o-", label="validation / 검증")
ax2.axvline(best_epoch, color="gray", ls=":", label=f"best epoch / 최고 에폭 ({best_epoch})")
ax2.set(xlabel="epoch / 에폭", ylabel="accuracy / 정확도", title="Accuracy / 정확도")
ax2.legend()
show(fig, "curves")

# %% [markdown]
# The training loss falls in every epoch. The validation loss falls quickly at first, then levels off in
# the last epochs, where the schedule has made the steps small. The gap between the two grows: the
# model fits the images it trains on better than new ones. As long as the validation loss still falls,
# that is a **generalization gap**, not yet overfitting — the model is still getting better on new
# images. **Overfitting** begins where the validation loss turns upwards while the training loss keeps
# falling. The cell below measures both: how far the validation loss of the last epochs is above the
# lowest one, and the gap at the start, middle and end.

# %%
val_losses, train_losses = history["val_loss"], history["train_loss"]
lowest_val = min(range(num_epochs), key=val_losses.__getitem__) + 1
gaps = [v - t for t, v in zip(train_losses, val_losses)]
print(f"lowest validation loss {min(val_losses):.4f} at epoch {lowest_val}; "
      f"highest of the last 5 epochs: {max(val_losses[-5:]):.4f}")
print(f"gap (validation - train loss) at epochs 1, {num_epochs // 2}, {num_epochs}: "
      f"{gaps[0]:.4f}, {gaps[num_epochs // 2 - 1]:.4f}, {gaps[-1]:.4f}")
assert val_losses[-1] < val_losses[0] - 0.05 and max(val_losses[-5:]) - min(val_losses) < 0.01  # levelled off
assert lowest_val > num_epochs // 2  # the lowest validation loss comes late
assert all(a > b for a, b in zip(train_losses, train_losses[1:]))  # training loss falls every epoch
assert gaps[0] < gaps[num_epochs // 2 - 1] < gaps[-1]  # the gap grows

# %% [markdown]
# The gap grows, but the validation loss shows no clear upturn: over the last 5 epochs it stays within 0.01 of
# its lowest value. In 20 epochs this model has a generalization gap and does not yet overfit. (The gap
# starts negative because the training loss of epoch 1 averages the high losses of its first
# minibatches.)
#
# The curves also fit what the schedule is meant to do. While the learning rate is large, the
# validation accuracy still changes a lot from one epoch to the next; in the last epochs, with small
# steps, it barely moves and creeps up — which is why the best epoch comes late, in the second half of
# the run. (This run has no fixed learning rate to compare with, so it cannot tell the schedule's share
# from what any training that converges would show.)

# %%
jumps = [abs(b - a) for a, b in zip(history["val_acc"], history["val_acc"][1:])]  # change from epoch to epoch
early, late = max(jumps[1:9]), max(jumps[-5:])
assert early > 3 * late and best_epoch > num_epochs // 2
print(f"largest change of validation accuracy, epochs 2-10: {early:.4f}; last 5 epochs: {late:.4f}")

# %% [markdown]
# ## The test set, once
#
# A fresh model loads the best checkpoint (`weights_only=True`, `map_location=device`, as in lesson 08)
# and must reach exactly the validation accuracy recorded when it was saved. Then — for the first and
# only time — the test set: its images are converted and moved to the device, and one pass gives the
# test loss, the test accuracy and every prediction that the rest of the lesson looks at.

# %%
checkpoint = torch.load(best_path, map_location=device, weights_only=True)
best_model = NeuralNetwork(hidden).to(device)
best_model.load_state_dict(checkpoint["model"])
assert evaluate(X_val, y_val, best_model, loss_fn)[1] == checkpoint["val_acc"] == best_acc
print("best epoch:", checkpoint["epoch"], f"| validation accuracy {checkpoint['val_acc']:.4f}")

X_test = (test_set.data.unsqueeze(1).float() / 255).to(device)  # (10000, 1, 28, 28)
y_test = test_set.targets.to(device)  # (10000,)
best_model.eval()
with torch.no_grad():
    test_logits = best_model(X_test)  # (10000, 10)
test_loss = loss_fn(test_logits, y_test).item()
pred = test_logits.argmax(dim=1).cpu()  # (10000,)
true = y_test.cpu()
test_acc = (pred == true).float().mean().item()
print(f"test loss: {test_loss:.4f}")
print(f"test accuracy: {test_acc:.4f}")
assert abs(test_acc - best_acc) < 0.02  # close to the chosen epoch's validation accuracy

# %% [markdown]
# The test accuracy is close to the validation accuracy of the chosen epoch, and a little below it here.
# Some drop is to be expected: that epoch was chosen *because* it scored best on the validation images,
# so its validation score is slightly optimistic, and the test images are others. The test number is
# the one to report, because nothing was chosen on it.
#
# ## Which classes get confused?
#
# Per-class accuracy, and a **confusion matrix** that counts, for each true class (row), how often each
# class was predicted (column); the diagonal holds the correct answers. `true * 10 + pred` numbers each (true, predicted) pair
# from 0 to 99, so one `torch.bincount` call counts every pair, and a reshape to 10×10 gives the
# matrix.

# %%
confusion = torch.bincount(true * 10 + pred, minlength=100).reshape(10, 10)  # rows: true, columns: predicted
per_class = confusion.diag() / confusion.sum(dim=1)
for name, acc in zip(names, per_class.tolist()):
    print(f"{acc:.3f}  {name}")
hardest = per_class.argmin().item()
mistaken_for = confusion[hardest].clone()
mistaken_for[hardest] = 0
top3 = mistaken_for.topk(3).indices.tolist()  # the three most frequent wrong predictions
print(f"{names[hardest]} taken for:", ", ".join(f"{names[j]} {mistaken_for[j].item()}" for j in top3))
print("Pullover -> Coat:", confusion[2, 4].item(), "| Coat -> Pullover:", confusion[4, 2].item())
assert set(per_class.topk(5).indices.tolist()) == {1, 5, 7, 8, 9}  # trousers, sandals, sneakers, bags, boots
assert hardest == 6 and set(top3) == {0, 2, 4}  # shirts taken for T-shirts, pullovers, coats

# %%
fig, ax = plt.subplots(figsize=(8.5, 7.5))
ax.imshow(confusion, cmap="Blues")
ax.set_xticks(range(10), names, rotation=60, ha="right", fontsize=8)
ax.set_yticks(range(10), names, fontsize=8)
for i in range(10):
    for j in range(10):
        count = confusion[i, j].item()
        ax.text(j, i, count, ha="center", va="center", fontsize=7,
                color="white" if count > confusion.max().item() / 2 else "black")
ax.set(xlabel="predicted / 예측", ylabel="true / 정답", title="Confusion matrix / 혼동 행렬")
show(fig, "confusion_matrix")

# %% [markdown]
# Trousers, bags, sandals, sneakers and ankle boots are the easy classes. The hard one is "Shirt": the
# model takes shirts for T-shirts, pullovers and coats, and pullovers and coats are often confused with
# each other — upper-body garments look alike at 28×28 pixels.
#
# ## Misclassified images
#
# Looking at the mistakes themselves is often the fastest way to understand a model. Here are the
# first twelve test images it gets wrong.

# %%
wrong_idx = (pred != true).nonzero().squeeze(1)  # indices of the mistakes
print(len(wrong_idx), "of", len(true), "test images are misclassified")
fig, axes = plt.subplots(2, 6, figsize=(14, 5.5))
for ax, i in zip(axes.flat, wrong_idx[:12].tolist()):
    ax.imshow(X_test[i, 0].cpu(), cmap="gray_r")  # (28, 28)
    ax.set_title(f"true: {names[true[i]]}\npred: {names[pred[i]]}", fontsize=7.5)
    ax.axis("off")
fig.suptitle("Misclassified test images / 잘못 분류한 테스트 이미지")
show(fig, "misclassified")

# %% [markdown]
# Several of these are hard to name even for a person, at 28×28 pixels.
#
# ## Beside the benchmark table
#
# The [Fashion-MNIST repository](https://github.com/zalandoresearch/fashion-mnist) keeps a benchmark
# table. Four of its rows help to place our number: a multilayer perceptron with hidden layers of 256,
# 128 and 100 neurons, two convolutional networks (a small one with two convolution layers, and VGG16),
# and people: crowd-sourced labelling by people
# with no fashion expertise, on 1,000 random test images, the majority of three labels per image.

# %%
results = [
    (0.935, "benchmark: VGG16, a convolutional network, 26M parameters"),
    (0.925, "benchmark: 2 convolution layers, <100K parameters"),
    (test_acc, f"this lesson: MLP 784-{hidden}-{hidden}-10, {counts[hidden]:,} parameters"),
    (0.8833, "benchmark: MLP 256-128-100"),
    (0.835, "benchmark: human performance (1,000 test images)"),
]
for acc, what in sorted(results, reverse=True):
    print(f"{acc:.4f}  {what}")
assert 0.89 <= test_acc < 0.935

# %% [markdown]
# Our network lands above the benchmark's MLP and the non-expert people, and below the convolutional
# network. Read the order with care. The table lists no training settings for the MLP row (only a link to its code), and that
# network is a little smaller than ours, so it shows what a similar network reached, not a rival we
# beat. The
# human figure comes from 1,000 test images, not all 10,000, labelled by people without fashion
# expertise: a rough reference, not a ceiling. The clearest hint is in the convolutional rows.
# VGG16's lead alone would prove little, since it has 26M parameters, far more than ours; but the small
# convolutional network, with fewer than 100K parameters, fewer than ours, reports 0.925. That fits what
# is widely seen: a model that looks at neighbouring pixels together, as the convolutions of lesson 06
# do, tends to do better on images than one that sees a flat list of 784 numbers, even with fewer
# parameters. Read the table as a hint, not a measurement: its rows are submissions that the repository
# says it has not tested, and its other rows with two convolution layers range from 0.876 to 0.939.
#
# ## Summary
#
# - Parameters are learned; hyperparameters (epochs, batch size, learning rate, optimizer and its
#   settings, schedule, width) are chosen — on a validation set split off the training data with
#   `random_split` and a seeded generator. The test set is measured once, at the end.
# - SGD steps along $-g$; momentum along a running sum of past gradients; Adam scales each parameter's
#   step by its own gradient history, so its steps are of the order of $\eta$.
# - A cosine schedule takes the learning rate from $\eta_0$ to 0 over the run, so the weights settle at
#   the end; step it once per epoch when `T_max` counts epochs.
# - A gap between training and validation loss that grows while the validation loss still falls is a
#   generalization gap; overfitting starts when the validation loss turns upwards.
# - Choose the epoch on validation accuracy, save that checkpoint atomically (temporary file +
#   `os.replace`), reload it and check it before the one test measurement.
# - When the data set fits on the device, convert it once and index tensors there with `torch.randperm`
#   minibatches: no per-image conversion, no per-item `DataLoader` work, no per-batch copies to the device.
#
# ## Exercises
#
# **1.** Which pair of classes does the best model confuse most often? Find the largest off-diagonal
# entry of `confusion` and print the true and predicted class names.

# %% tags=["solution"]
off_diagonal = confusion.clone()
off_diagonal.fill_diagonal_(0)
i, j = divmod(off_diagonal.argmax().item(), 10)  # flat index -> (row, column)
print(f"{off_diagonal[i, j].item()} images of {names[i]} predicted as {names[j]}")

# %% [markdown]
# **2.** Momentum sums past gradients, so its steps grow up to $1/(1-\mu)$ times the plain step. Train
# SGD with momentum 0.9 and learning rate 0.01 for 2 epochs, exactly as in the comparison, and compare
# its validation accuracy with plain SGD at learning rate 0.1.

# %% tags=["solution"]
torch.manual_seed(0)
model = NeuralNetwork(hidden).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
data_order = torch.Generator().manual_seed(0)
accs = []
for epoch in range(2):
    train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, data_order)
    accs.append(evaluate(X_val, y_val, model, loss_fn)[1])
print("SGD, momentum 0.9, lr 0.01:", accs)
print("SGD, lr 0.1:               ", val_accs["SGD, lr 0.1"])
# With momentum 0.9 the steps build up to about 10 x 0.01 = 0.1 times the gradient:
# close to plain SGD with lr 0.1 once the first few steps are past.

# %% [markdown]
# **3.** Top-2 accuracy counts a prediction as right when the true class is among the model's two
# highest logits. Compute it for `best_model` on the *validation* set with `torch.topk` (the test set
# has had its one look). How much higher than the top-1 accuracy is it?

# %% tags=["solution"]
best_model.eval()
with torch.no_grad():
    top2 = best_model(X_val).topk(2, dim=1).indices  # (5000, 10) -> (5000, 2)
top2_acc = (top2 == y_val[:, None]).any(dim=1).float().mean().item()
print(f"validation top-1 {best_acc:.4f}, top-2 {top2_acc:.4f}")

# %% [markdown]
# ## Further reading
#
# - [Optimizing model parameters](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (the official tutorial's section on hyperparameters and the optimization loop)
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`random_split`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.random_split),
#   [`Subset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.Subset),
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html) (optimizers and schedulers, and how
#   to order `optimizer.step()` and `scheduler.step()`):
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html) (its momentum formula),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html) (the full algorithm),
#   [`lr_scheduler.CosineAnnealingLR`](https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html)
# - D. P. Kingma, J. Ba, [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) (2014)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html),
#   [`os.replace`](https://docs.python.org/3/library/os.html#os.replace)
# - [`torch.randperm`](https://docs.pytorch.org/docs/stable/generated/torch.randperm.html),
#   [`torch.bincount`](https://docs.pytorch.org/docs/stable/generated/torch.bincount.html),
#   [`torch.topk`](https://docs.pytorch.org/docs/stable/generated/torch.topk.html)
# - [Reproducibility](https://docs.pytorch.org/docs/stable/notes/randomness.html)
#   (`torch.use_deterministic_algorithms`, seeds, generators)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) (data set and benchmark table)
