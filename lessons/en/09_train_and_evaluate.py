# %% [markdown]
# # Train and evaluate
#
# Everything from the earlier lessons comes together here: we load FashionMNIST, feed it to the
# lesson-03 network in minibatches, train it for a few epochs, measure it on images it has never
# seen, keep the best checkpoint, and look closely at what it gets wrong.
#
# **What you will learn**
#
# - how `torchvision.datasets` and `DataLoader` deliver shuffled minibatches, reproducibly;
# - how to write `train(...)` with `model.train()` and `evaluate(...)` with `model.eval()` and
#   `torch.no_grad()`, returning average loss and accuracy;
# - why `nn.Dropout` behaves differently in training and evaluation mode;
# - how to train the 784-512-512-10 network to about 0.89 test accuracy in a few epochs, plot its
#   curves, read a confusion matrix and inspect misclassified images;
# - how to keep the best checkpoint and compare the result with published figures;
# - a faster path: the whole data set as tensors on the device.
#
# **Prerequisites:** lessons 03 (the `NeuralNetwork` class), 07 (the training loop) and 08 (saving
# a `state_dict`, writing checkpoints safely).

# %%
import itertools
import math
import os
import time

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from course_lib import (
    as_tensors,
    class_names,
    describe_device,
    get_device,
    load_fashion_mnist,
    output_dir,
    seed_everything,
    show,
)

generator = seed_everything(0)  # seeds torch and returns a generator for DataLoader shuffling
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## The data: FashionMNIST
#
# FashionMNIST holds 70,000 grayscale 28×28 images of clothing in 10 classes: 60,000 for training
# and 10,000 for testing. `load_fashion_mnist()` returns the two `torchvision.datasets.FashionMNIST`
# splits (looked for on disk first, downloaded only if missing) with the `ToTensor()` transform:
# each item is an image tensor of shape `(1, 28, 28)` with values in $[0, 1]$ and an integer label.

# %%
train_set, test_set = load_fashion_mnist()
names = class_names()  # "T-shirt/top / 티셔츠/상의", ...
image, label = train_set[0]
print(len(train_set), len(test_set))
print(image.shape, image.dtype, image.min().item(), image.max().item())
print(label, names[label])

# %% [markdown]
# ## A look at the images
#
# One image of each class, titled in both languages with `class_names()`.

# %%
first_of_class = [(train_set.targets == c).nonzero()[0].item() for c in range(10)]
fig, axes = plt.subplots(2, 5, figsize=(11, 5))
for ax, i in zip(axes.flat, first_of_class):
    image, label = train_set[i]
    ax.imshow(image.squeeze(0), cmap="gray_r")  # (1, 28, 28) -> (28, 28)
    ax.set_title(names[label], fontsize=9)
    ax.axis("off")
fig.suptitle("FashionMNIST: one image per class / 클래스별 이미지 한 장")
show(fig, "samples")

# %% [markdown]
# ## Minibatches with `DataLoader`
#
# A `DataLoader` groups dataset items into minibatches. For training we shuffle, so every epoch
# sees the images in a new order; passing `generator=` makes that order the same on every run.
# `num_workers=0` loads in the main process: the simplest and reproducible choice.

# %%
batch_size = 128
image_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=generator, num_workers=0)

X, y = next(iter(image_loader))
print(X.shape, X.dtype)  # (128, 1, 28, 28)
print(y.shape, y.dtype)  # (128,)
print(len(image_loader), "batches,", len(image_loader.dataset), "images")

# %% [markdown]
# `len(loader)` is the number of minibatches, 469 (60000 / 128 = 468.75, rounded up: the last one
# holds only 96 images); `len(loader.dataset)` is the number of images. Keep the two apart — a
# pitfall below depends on it.
#
# ## Converting once: `as_tensors` and `TensorDataset`
#
# To build one batch, this loader asks the dataset for 128 items one by one, and each item goes
# through PIL and `ToTensor()`. On a small CPU that per-image work costs about as much as the
# training arithmetic itself (measured at the end of the lesson). FashionMNIST is small enough to
# convert once: `as_tensors` returns the same values as two tensors, and `TensorDataset` turns them
# back into a dataset that a `DataLoader` serves. The test set is not shuffled, and since evaluation
# needs no gradients we can afford larger batches there.

# %%
X_train, y_train = as_tensors(train_set)  # (60000, 1, 28, 28) float32 in [0, 1], (60000,) int64
X_test, y_test = as_tensors(test_set)  # (10000, 1, 28, 28), (10000,)
assert torch.equal(X_train[0], train_set[0][0])  # the same values as ToTensor

train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True,
                          generator=generator, num_workers=0)
test_loader = DataLoader(TensorDataset(X_test, y_test), batch_size=1000, shuffle=False, num_workers=0)
X, y = next(iter(train_loader))
print(X.shape, y.shape)  # (128, 1, 28, 28), (128,)
print(len(train_loader), "train batches,", len(test_loader), "test batches")

# %% [markdown]
# ## The model from lesson 03
#
# The same network as in lesson 03: flatten the image, two hidden layers of 512 units with ReLU, and
# a last `nn.Linear` that outputs 10 **logits** — with no ReLU after it, so logits can be negative.

# %%
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),  # the logits: no activation here
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 1, 28, 28) -> (N, 784)
        return self.linear_relu_stack(x)  # (N, 784) -> (N, 10)


model = NeuralNetwork().to(device)
print(sum(p.numel() for p in model.parameters()), "parameters")
print(model(X.to(device)).shape)  # (128, 1, 28, 28) -> (128, 10)

# %% [markdown]
# ## Training mode and evaluation mode
#
# Some layers behave differently while training. `nn.Dropout(p)` zeroes each value with probability
# `p` in training mode and scales the survivors by $1/(1-p)$, so the expected value stays the same;
# in evaluation mode it passes its input through unchanged.

# %%
dropout = nn.Dropout(p=0.5)
x = torch.ones(2, 8)
dropout.train()
print(dropout(x))  # each value is 0 with probability 0.5, else 1 / (1 - 0.5) = 2
big = dropout(torch.ones(100_000))
print(f"zeros: {(big == 0).float().mean().item():.3f}, mean: {big.mean().item():.3f}")
dropout.eval()
print(dropout(x))  # unchanged

# %% [markdown]
# `model.train()` and `model.eval()` set the `training` flag of the module *and every submodule*;
# `nn.Dropout` and `nn.BatchNorm1d` read it. Our network has neither, so here the mode changes no
# number — but calling them is the habit that keeps a model correct once it has such layers.

# %%
model.eval()
print(model.training, model.linear_relu_stack[0].training)
model.train()
print(model.training, model.linear_relu_stack[0].training)

# %% [markdown]
# ## One epoch of training: `train`
#
# `train` runs the loop of lesson 07 once over the whole loader — forward, loss, `zero_grad`,
# `backward`, `step` — and returns the average loss per batch. It takes the device from the model's
# parameters, so it uses nothing but its arguments.

# %%
def train(dataloader, model, loss_fn, optimizer):
    """One epoch over `dataloader`; returns the average loss per batch."""
    device = next(model.parameters()).device  # work where the model lives
    model.train()
    total_loss = 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)  # (B, 1, 28, 28), (B,)
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss / len(dataloader)

# %% [markdown]
# ## Measuring: `evaluate`
#
# `evaluate` switches to evaluation mode and turns off gradient tracking with `torch.no_grad()`
# (faster, and no graph is kept in memory). It returns the loss averaged over the $B$ batches *of the
# loader it received*, and the accuracy over its $N$ images:
#
# $$\text{loss} = \frac{1}{B}\sum_{b=1}^{B} L_b, \qquad \text{accuracy} = \frac{\text{correct}}{N}$$

# %%
def evaluate(dataloader, model, loss_fn):
    """Average loss per batch and accuracy of `model` over `dataloader`."""
    device = next(model.parameters()).device
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            logits = model(X)  # (B, 10)
            total_loss += loss_fn(logits, y).item()
            correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(dataloader), correct / len(dataloader.dataset)

# %% [markdown]
# An untrained model guesses: its accuracy is near $1/10$, and its cross-entropy loss near
# $\ln 10 \approx 2.30$, the loss of a uniform guess over 10 classes.

# %%
loss_fn = nn.CrossEntropyLoss()
test_loss, test_acc = evaluate(test_loader, model, loss_fn)
print(f"untrained: test loss {test_loss:.4f} (ln 10 = {math.log(10):.4f}), test accuracy {test_acc:.4f}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: dividing by another loader's length**
#
# One of the notes this course grew from has an `evaluate(model, test_loader, ...)` that ends with
# `return running_loss / len(train_loader)` — a name the function never receives. In a fresh
# script that is a `NameError`. Worse, in a notebook where a global `train_loader` exists, Python
# quietly uses it: the sum of 10 test-batch losses is divided by 469 training batches.

# %% tags=["pitfall"]
def evaluate_wrong(model, test_loader, loss_fn):  # the notes' version, shortened
    device = next(model.parameters()).device
    model.eval()
    running_loss = 0.0
    with torch.no_grad():
        for X, y in test_loader:
            running_loss += loss_fn(model(X.to(device)), y.to(device)).item()
    return running_loss / len(train_loader)  # BUG: the global train_loader


wrong_loss = evaluate_wrong(model, test_loader, loss_fn)
print(f"wrong: test loss {wrong_loss:.4f}  (sum / {len(train_loader)} train batches)")

# %% [markdown] tags=["pitfall"]
# The untrained model now looks almost perfect — no error, just a number 47 times too small. The fix
# is `len(dataloader)` of the loader the function was given, as in our `evaluate`; more generally, a
# function should use only its arguments.

# %% tags=["pitfall"]
print(f"right: test loss {test_loss:.4f}  (sum / {len(test_loader)} test batches)")
print(f"ratio: {test_loss / wrong_loss:.1f} = {len(train_loader)} / {len(test_loader)}")

# %% [markdown]
# ## Training for a few epochs
#
# We use `nn.CrossEntropyLoss` (it takes logits), `torch.optim.Adam` with learning rate $10^{-3}$,
# and a cosine schedule that lowers the learning rate smoothly towards 0 over the run: big steps
# early, small ones at the end to settle. (With a constant learning rate, the test accuracy of this
# network kept wobbling just under 0.89 in our trials.) Whenever the test accuracy beats the best so
# far, the `state_dict` is saved — to a temporary file first, then `os.replace`d into place, as in
# lesson 08.

# %%
num_epochs = 8
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)

checkpoint_dir = output_dir() / "checkpoints"
checkpoint_dir.mkdir(parents=True, exist_ok=True)
best_path = checkpoint_dir / "09_best_model.pt"


def save_atomic(state_dict, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(state_dict, tmp)  # a crash here leaves the old file untouched
    os.replace(tmp, path)  # then swap it in, in one step

# %% [markdown]
# Each epoch trains once over `train_loader`, steps the scheduler, and evaluates on `test_loader`.

# %%
history = {"train_loss": [], "test_loss": [], "test_acc": []}
best_acc, best_epoch, epoch_seconds = 0.0, 0, []
for epoch in range(1, num_epochs + 1):
    start = time.perf_counter()
    train_loss = train(train_loader, model, loss_fn, optimizer)
    epoch_seconds.append(time.perf_counter() - start)  # printed only in the timing cell below
    scheduler.step()
    test_loss, test_acc = evaluate(test_loader, model, loss_fn)
    for key, value in zip(history, (train_loss, test_loss, test_acc)):
        history[key].append(value)
    saved = test_acc > best_acc
    if saved:
        best_acc, best_epoch = test_acc, epoch
        save_atomic(model.state_dict(), best_path)
    print(f"epoch {epoch}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  "
          f"test acc {test_acc:.4f}" + ("  saved" if saved else ""))

# %% [markdown]
# ## Loss and accuracy curves
#
# The training loss keeps falling; the test loss falls more slowly and levels off. The widening gap
# is the start of **overfitting**: the model fits the training images better than it generalises.
# (The training loss is averaged *during* each epoch while the weights still change, so it lags a
# little behind the model at the end of the epoch.)

# %%
epochs = range(1, num_epochs + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ax1.plot(epochs, history["train_loss"], "o-", label="train / 학습")
ax1.plot(epochs, history["test_loss"], "o-", label="test / 테스트")
ax1.set(xlabel="epoch / 에폭", ylabel="loss / 손실", title="Loss / 손실")
ax1.legend()
ax2.plot(epochs, history["test_acc"], "o-", color="tab:green", label="test / 테스트")
ax2.axhline(0.89, color="gray", ls="--", label="0.89")
ax2.set(xlabel="epoch / 에폭", ylabel="accuracy / 정확도", title="Test accuracy / 테스트 정확도")
ax2.legend()
show(fig, "curves")

# %% [markdown]
# ## Reloading the best checkpoint
#
# A fresh model loads the saved `state_dict` (`weights_only=True`, `map_location=device`, as in
# lesson 08) and must reach exactly the accuracy recorded when it was saved.

# %%
best_model = NeuralNetwork().to(device)
best_model.load_state_dict(torch.load(best_path, map_location=device, weights_only=True))
test_loss, test_acc = evaluate(test_loader, best_model, loss_fn)
assert test_acc == best_acc  # same weights, same data, same predictions
print("best epoch:", best_epoch)
print(f"test accuracy: {test_acc:.4f}")

# %% [markdown]
# One honest caveat: we picked the epoch by its *test* accuracy, so this number is a little
# optimistic. A real project splits a validation set off the training data (for example with
# `torch.utils.data.random_split`), chooses epochs and settings on it, and touches the test set once
# at the very end.
#
# ## Which classes get confused?
#
# A **confusion matrix** counts, for each true class (row), how often each class was predicted
# (column); the diagonal holds the correct answers. `torch.bincount` builds it in one call.

# %%
def predict(dataloader, model):
    """Predicted class of every item in `dataloader`, in order, as a CPU tensor."""
    device = next(model.parameters()).device
    model.eval()
    with torch.no_grad():
        return torch.cat([model(X.to(device)).argmax(dim=1).cpu() for X, _ in dataloader])


pred = predict(test_loader, best_model)  # (10000,)
true = y_test  # (10000,), same order: test_loader does not shuffle
confusion = torch.bincount(true * 10 + pred, minlength=100).reshape(10, 10)  # rows: true, columns: predicted
per_class = confusion.diag() / confusion.sum(dim=1)
for name, acc in zip(names, per_class.tolist()):
    print(f"{acc:.3f}  {name}")
print(f"overall: {confusion.diag().sum().item() / len(true):.4f}")

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
# Trousers, bags, sandals and sneakers are easy. The hard class is "Shirt", which the model mixes
# up with T-shirts, pullovers and coats; pullovers and coats are also confused with each other —
# upper-body garments look alike at 28×28 pixels. (Even the "Shirt" in the sample grid above could
# pass for a pullover.)
#
# ## Misclassified images
#
# Looking at the mistakes themselves is often the fastest way to understand a model. Here are the
# first twelve test images it gets wrong.

# %%
wrong = (pred != true).nonzero().squeeze(1)  # indices of the mistakes
print(len(wrong), "of", len(true), "test images are misclassified")
fig, axes = plt.subplots(2, 6, figsize=(14, 5.5))
for ax, i in zip(axes.flat, wrong[:12].tolist()):
    ax.imshow(X_test[i, 0], cmap="gray_r")  # (28, 28)
    ax.set_title(f"true: {names[true[i]]}\npred: {names[pred[i]]}", fontsize=7.5)
    ax.axis("off")
fig.suptitle("Misclassified test images / 잘못 분류한 테스트 이미지")
show(fig, "misclassified")

# %% [markdown]
# Many of these are hard even for a person — which leads to the next comparison.
#
# ## Comparing with published results
#
# The [Fashion-MNIST repository](https://github.com/zalandoresearch/fashion-mnist) keeps a
# benchmark table. Two rows fit our model: a multilayer perceptron with hidden layers of 256, 128
# and 100 units scores 0.8833, and crowd-sourced human labelling (people with no fashion expertise,
# 1,000 random test images, majority of three labels) scores 0.835.

# %%
results = [
    (best_acc, "this lesson: MLP 784-512-512-10"),
    (0.8833, "benchmark: MLP 256-128-100"),
    (0.835, "benchmark: human performance"),
]
for acc, what in results:
    print(f"{acc:.4f}  {what}")

# %% [markdown]
# A few epochs of a plain fully connected network already match the published MLP and beat the
# non-expert human baseline. The setups differ (and our epoch was chosen on the test set), so read it as
# "same league", not as a ranking. Convolutional networks reach well above 0.9 on the same table.
#
# ## An even faster path: tensors on the device
#
# `train_loader` still picks 128 items one at a time, stacks them into a batch, and `train` copies
# every batch to the device. When the whole data set fits on the device ($60000 \times 784 \times 4$
# bytes ≈ 188 MB as `float32` here), we can move it there once and skip the `DataLoader`.

# %%
X_train_dev, y_train_dev = X_train.to(device), y_train.to(device)  # (60000, 1, 28, 28), (60000,)
X_test_dev, y_test_dev = X_test.to(device), y_test.to(device)  # (10000, 1, 28, 28), (10000,)
print(X_train_dev.device, X_train_dev.shape, y_train_dev.shape)

# %% [markdown]
# A minibatch is then one indexing operation on a shuffled index: `torch.randperm` with the seeded
# generator gives a new, reproducible order every epoch.

# %%
def train_tensors(X, y, model, loss_fn, optimizer, batch_size, generator):
    """One epoch over tensors `X`, `y` in shuffled minibatches; returns the average loss per batch."""
    model.train()
    perm = torch.randperm(len(X), generator=generator).to(X.device)  # a new order every epoch
    total_loss, num_batches = 0.0, 0
    for start in range(0, len(X), batch_size):
        idx = perm[start:start + batch_size]  # (batch_size,) indices
        loss = loss_fn(model(X[idx]), y[idx])  # (B, 1, 28, 28) -> (B, 10)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        num_batches += 1
    return total_loss / num_batches

# %% [markdown]
# Now the three ways, timed: loading PIL images through `image_loader` (loading alone, estimated
# from 50 batches), a training epoch with `train_loader` (the median of the epochs above), and a
# training epoch from tensors on the device. Timings depend on the machine and its load, so this
# cell's output is the only one that changes from run to run.

# %% tags=["variable"]
fast_model = NeuralNetwork().to(device)
fast_optimizer = torch.optim.Adam(fast_model.parameters(), lr=1e-3)
start = time.perf_counter()
fast_loss = train_tensors(X_train_dev, y_train_dev, fast_model, loss_fn, fast_optimizer, batch_size, generator)
tensor_seconds = time.perf_counter() - start
start = time.perf_counter()
for _ in itertools.islice(image_loader, 50):  # loading only, no training
    pass
image_seconds = (time.perf_counter() - start) * len(image_loader) / 50
print(f"PIL images + ToTensor, loading alone: {image_seconds:5.2f} s per epoch")
print(f"train_loader (TensorDataset), train:  {sorted(epoch_seconds)[num_epochs // 2]:5.2f} s per epoch")
print(f"tensors on the device, train:         {tensor_seconds:5.2f} s per epoch")

# %% [markdown]
# On a CPU the arithmetic is most of a training epoch, so skipping the `DataLoader` saves only part
# of it, while loading the PIL images alone costs about as much as a whole epoch of training, or more.
# On a GPU the arithmetic is fast, so the work around it (per-item indexing, copies to the device)
# weighs more, and keeping the tensors on the device pays off more. The epoch from tensors is an
# ordinary training epoch: after it, a fresh model is already far above chance.

# %%
fast_model.eval()
with torch.no_grad():
    fast_acc = (fast_model(X_test_dev).argmax(dim=1) == y_test_dev).float().mean().item()
print(f"after 1 epoch from tensors: train loss {fast_loss:.4f}, test accuracy {fast_acc:.4f}")

# %% [markdown]
# The `DataLoader` remains the general tool: it handles data sets larger than memory, random
# augmentation per image, and loading in parallel worker processes. Holding tensors on the device
# pays off when the whole data set fits, as here.
#
# ## Summary
#
# - `DataLoader(dataset, batch_size=..., shuffle=True, generator=g)` gives shuffled minibatches in
#   a reproducible order; `len(loader)` counts batches, `len(loader.dataset)` counts items.
# - A small data set can be converted once (`as_tensors`) and served from a `TensorDataset`,
#   skipping the per-image PIL → `ToTensor()` work in every epoch.
# - `train` calls `model.train()` and runs forward → loss → `zero_grad` → `backward` → `step` per
#   batch; `evaluate` calls `model.eval()`, works under `torch.no_grad()`, and returns the loss
#   averaged over *its own* loader's batches and the accuracy over *its own* dataset.
# - `nn.Dropout` zeroes and rescales values only in training mode; `model.eval()` turns it off.
# - The 784-512-512-10 network reaches about 0.89 test accuracy in 8 epochs with Adam and a cosine
#   learning-rate schedule, on par with the published MLP and above the human baseline.
# - Keep the best `state_dict` with an atomic save, reload it and check it; select epochs on a
#   validation split in real work.
# - When the data set fits on the device, indexing tensors there with `torch.randperm` minibatches
#   skips the `DataLoader`'s per-item work and the copies; it pays off most on a GPU.
#
# ## Exercises
#
# **1.** Which pair of classes does the best model confuse most often? Find the largest
# off-diagonal entry of `confusion` and print the true and predicted class names.

# %% tags=["solution"]
off_diagonal = confusion.clone()
off_diagonal.fill_diagonal_(0)
i, j = divmod(off_diagonal.argmax().item(), 10)  # flat index -> (row, column)
print(f"{off_diagonal[i, j].item()} images of {names[i]} predicted as {names[j]}")

# %% [markdown]
# **2.** Build a variant of `NeuralNetwork` with `nn.Dropout(0.2)` after each ReLU. Pass the same
# batch through it twice in training mode and twice in evaluation mode: which pairs of outputs are
# equal? What would that mean for an `evaluate` that forgot `model.eval()`?

# %% tags=["solution"]
dropout_model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 10),
).to(device)
X_batch = X_test_dev[:8]  # (8, 1, 28, 28)
with torch.no_grad():
    dropout_model.train()
    print("train mode, equal:", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
    dropout_model.eval()
    print("eval mode, equal: ", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
# In training mode each call drops different units, so an evaluate without model.eval()
# would report a noisy accuracy that changes from run to run (and is usually lower).

# %% [markdown]
# **3.** Top-2 accuracy counts a prediction as right when the true class is among the model's two
# highest logits. Compute it for `best_model` on `X_test_dev`, `y_test_dev` with `torch.topk`. How much
# higher than the top-1 accuracy is it?

# %% tags=["solution"]
best_model.eval()
with torch.no_grad():
    top2 = best_model(X_test_dev).topk(2, dim=1).indices  # (10000, 10) -> (10000, 2)
top2_acc = (top2 == y_test_dev[:, None]).any(dim=1).float().mean().item()
print(f"top-1 {best_acc:.4f}, top-2 {top2_acc:.4f}")

# %% [markdown]
# ## Further reading
#
# - [Optimizing model parameters](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (the official tutorial's train and test loops)
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset),
#   [`random_split`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.random_split)
# - [`torchvision.datasets.FashionMNIST`](https://docs.pytorch.org/vision/stable/generated/torchvision.datasets.FashionMNIST.html),
#   [`transforms.ToTensor`](https://docs.pytorch.org/vision/stable/generated/torchvision.transforms.ToTensor.html)
# - [`Module.train`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html)
# - [`torch.optim.Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html),
#   [`lr_scheduler.CosineAnnealingLR`](https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict),
#   [`os.replace`](https://docs.python.org/3/library/os.html#os.replace)
# - [`torch.randperm`](https://docs.pytorch.org/docs/stable/generated/torch.randperm.html),
#   [`torch.bincount`](https://docs.pytorch.org/docs/stable/generated/torch.bincount.html),
#   [`torch.topk`](https://docs.pytorch.org/docs/stable/generated/torch.topk.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - [Reproducibility](https://docs.pytorch.org/docs/stable/notes/randomness.html) (seeds, `DataLoader` generators)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) (data set and benchmark table)
