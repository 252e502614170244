# %% [markdown]
# # Train and evaluate
#
# Lesson 07 trained a tiny model on 11 temperature readings. This lesson trains the lesson-03 network
# on real images: FashionMNIST, served in shuffled minibatches by a `DataLoader`, with one function
# that trains for an epoch and one that measures the model on images it never trained on. The goal is
# a loop you can trust, not a record score.
#
# **What you will learn**
#
# - how `torchvision.datasets` and `DataLoader` deliver shuffled minibatches, in the same order on
#   every run;
# - how to write `train(...)` with `model.train()` and `evaluate(...)` with `model.eval()` and
#   `torch.no_grad()`, returning average loss and accuracy;
# - why `nn.Dropout` behaves differently in training and evaluation mode;
# - a common mistake in `evaluate` that gives a wrong loss without any error;
# - how to check that training works: over a few epochs of plain SGD the loss falls and the accuracy
#   rises.
#
# **Prerequisites:** lesson 03 (the `NeuralNetwork` class, choosing a device, logits and `argmax`),
# lesson 06 (`nn.CrossEntropyLoss` takes logits and class indices) and lesson 07 (the training loop with
# `torch.optim.SGD`, `torch.no_grad()`).

# %%
import math

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader

from course_lib import class_names, describe_device, get_device, load_fashion_mnist, seed_everything, show

generator = seed_everything(0)  # seeds torch and returns a generator for DataLoader shuffling
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## The data: FashionMNIST
#
# FashionMNIST holds 70,000 grayscale 28×28 images of clothing in 10 classes: 60,000 for training
# and 10,000 for testing. `load_fashion_mnist()` returns the two `torchvision.datasets.FashionMNIST`
# splits (looked for on disk first, downloaded only if missing) with the `ToTensor()` transform,
# which turns each stored image into a tensor of shape `(1, 28, 28)` with values in $[0, 1]$. An item
# is a pair: that image tensor and an integer label from 0 to 9.

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
# A `DataLoader` asks the dataset for items and stacks them into minibatches. For training we
# shuffle, so every epoch sees the images in a new order. The test set is not shuffled, and since
# measuring needs no gradients it can go in larger batches. `num_workers=0` (the default) loads in
# the main process, the simplest choice; the order comes from the loader's generator either way.

# %%
batch_size = 128
train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=generator, num_workers=0)
test_loader = DataLoader(test_set, batch_size=1000, shuffle=False, num_workers=0)

X, y = next(iter(train_loader))
print(X.shape, X.dtype)  # (128, 1, 28, 28)
print(y.shape, y.dtype)  # (128,)
print(len(train_loader), "train batches,", len(train_loader.dataset), "train images")
print(len(test_loader), "test batches,", len(test_loader.dataset), "test images")

# %% [markdown]
# `len(loader)` is the number of minibatches: 469 for training, since 60000 / 128 = 468.75 is rounded
# up and the last minibatch holds only the 96 images left over. `len(loader.dataset)` is the number of
# images. Keep the two apart — the pitfall below depends on it.

# %%
last_batch = len(train_set) - (len(train_loader) - 1) * batch_size
assert len(train_loader) == math.ceil(len(train_set) / batch_size) == 469 and last_batch == 96
print("images in the last batch:", last_batch)

# %% [markdown]
# ## Shuffling you can repeat
#
# With `shuffle=True` the loader draws a new order each time you iterate over it, from the generator
# passed as `generator=`. Two generators seeded alike give the same orders; one loader gives a
# different order in each epoch. Without `generator=`, the loader would draw from PyTorch's global
# generator, so its order would also change whenever code before it draws a random number (a new
# layer's initial weights, for example). Its own generator keeps the data order apart from the rest.

# %%
def first_labels(loader):
    return next(iter(loader))[1][:8].tolist()  # labels of the first 8 images of an epoch


loader_a = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1))
loader_b = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1))
print("a, epoch 1:", first_labels(loader_a))
print("b, epoch 1:", first_labels(loader_b))
print("a, epoch 2:", first_labels(loader_a))

# %% [markdown]
# ## The model from lesson 03
#
# The same network as in lesson 03: flatten the image, two hidden layers of 512 neurons with ReLU,
# and a last `nn.Linear` that outputs 10 **logits** — with no ReLU after it, so logits can be negative.

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
# in evaluation mode it passes its input through unchanged. Zeroing random values forces the network
# not to rely on any single one, which often helps it generalise — but when we *measure* the model we
# want the whole network, and the same answer every time.

# %%
dropout = nn.Dropout(p=0.5)
x = torch.ones(2, 8)
dropout.train()
print(dropout(x))  # each value is 0 with probability 0.5, else 1 / (1 - 0.5) = 2
big = dropout(torch.ones(100_000))
share_zero = (big == 0).float().mean().item()
assert 0.49 < share_zero < 0.51 and 0.98 < big.mean().item() < 1.02
print(f"zeros: {share_zero:.3f}, mean: {big.mean().item():.3f}")
dropout.eval()
print(dropout(x))  # unchanged

# %% [markdown]
# `model.train()` and `model.eval()` set the `training` flag of the module *and every submodule*;
# `nn.Dropout` and `nn.BatchNorm1d` read it, for example, as do the other dropout layers and the other
# batch-norm layers (`nn.BatchNorm2d`, ...); `nn.LayerNorm` behaves the same in both modes. Our network
# has neither dropout nor batch norm, so here the mode changes no
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
# `backward`, `step`, once per minibatch — and returns the average loss per batch. It takes the device
# from the model's parameters, so it uses nothing but its arguments.

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
# `evaluate` switches to evaluation mode and stops autograd from recording operations with
# `torch.no_grad()` (faster, and no graph is kept in memory). It returns the loss averaged over the
# $K$ batches *of the loader it received*, and the accuracy over its $N$ images:
#
# $$\text{loss} = \frac{1}{K}\sum_{k=1}^{K} L_k, \qquad \text{accuracy} = \frac{\text{correct}}{N}$$
#
# This equals the average over images when all batches have the same size, as in `test_loader`
# (10 batches of 1,000); [lesson 10](10_validate_and_tune.ipynb) weights each batch by its size to
# make it exact.

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
# $\ln 10 \approx 2.30$, the loss of a model that gives each of the 10 classes probability $1/10$.

# %%
loss_fn = nn.CrossEntropyLoss()
test_loss, test_acc = evaluate(test_loader, model, loss_fn)
assert abs(test_loss - math.log(10)) < 0.05 and 0.05 < test_acc < 0.15
print(f"untrained: test loss {test_loss:.4f} (ln 10 = {math.log(10):.4f}), test accuracy {test_acc:.4f}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: dividing by another loader's length**
#
# A common slip: an `evaluate(model, test_loader, ...)` that ends with
# `return running_loss / len(train_loader)` — a name the function never receives. If no
# `train_loader` exists anywhere, that is a `NameError`. Worse, almost every script or notebook that
# trains defines a global `train_loader`, and Python then quietly uses it: the sum of 10 test-batch
# losses is divided by 469 training batches.

# %% tags=["pitfall"]
def evaluate_wrong(model, test_loader, loss_fn):
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
# The untrained model now looks almost perfect — no error, just a loss 46.9 times too small.
#
# **The fix:** divide by `len(dataloader)` of the loader the function was given, as our `evaluate`
# does. More generally, a function should use only its arguments.

# %% tags=["pitfall"]
print(f"right: test loss {test_loss:.4f}  (sum / {len(test_loader)} test batches)")
print(f"ratio: {test_loss / wrong_loss:.1f} = {len(train_loader)} / {len(test_loader)}")

# %% [markdown]
# ## A few epochs of plain SGD
#
# Now the two functions together. The loss is `nn.CrossEntropyLoss` (it takes the logits), the
# optimizer plain `torch.optim.SGD` as in lesson 07, with learning rate 0.1. Each epoch trains once
# over `train_loader` and then evaluates on `test_loader`. Three epochs are enough to see whether the
# loop works.

# %%
num_epochs = 3
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
history = []
for epoch in range(1, num_epochs + 1):
    train_loss = train(train_loader, model, loss_fn, optimizer)
    test_loss, test_acc = evaluate(test_loader, model, loss_fn)
    history.append((train_loss, test_loss, test_acc))
    print(f"epoch {epoch}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  test acc {test_acc:.4f}")

# %% [markdown]
# On a GPU, or with a different number of CPU threads (the first output line shows it), the last
# digits differ from this page; the checks below still hold.
#
# Three signs that the loop works, each checked below: the training loss falls from epoch to epoch,
# and from the first epoch to the last the test loss falls and the test accuracy rises — on images the
# model never trained on, so it learned something general about clothing, not just its training images.

# %%
train_losses, test_losses, test_accs = zip(*history)
assert all(a > b for a, b in zip(train_losses, train_losses[1:]))  # training loss falls
assert test_losses[-1] < test_losses[0]  # test loss falls, first epoch to last
assert test_accs[-1] > test_accs[0]  # test accuracy rises, first epoch to last
print("train loss:", [round(v, 4) for v in train_losses])
print("test acc:  ", [round(v, 4) for v in test_accs])

# %% [markdown]
# This is a working loop, not yet a result to report. We looked at the test set after every epoch,
# and every setting — the optimizer, the learning rate, the number of epochs — was picked by hand.
# [Lesson 10](10_validate_and_tune.ipynb) sets part of the training images aside to choose those
# settings, and keeps the test set for one final measurement.
#
# ## Summary
#
# - `DataLoader(dataset, batch_size=..., shuffle=True, generator=g)` gives shuffled minibatches in
#   a reproducible order; `len(loader)` counts batches, `len(loader.dataset)` counts items.
# - `train` calls `model.train()` and runs forward → loss → `zero_grad` → `backward` → `step` per
#   batch; `evaluate` calls `model.eval()`, works under `torch.no_grad()`, and returns the loss
#   averaged over *its own* loader's batches and the accuracy over *its own* dataset.
# - `nn.Dropout` zeroes and rescales values only in training mode; `model.eval()` turns it off.
# - A function that reads a global loader instead of its argument can report a wrong number without
#   any error: use only what the function receives.
# - Training works when the training loss falls and the loss and accuracy on unseen images improve
#   with it; here three epochs of plain SGD showed all three.
#
# ## Exercises
#
# **1.** Build a variant of `NeuralNetwork` with `nn.Dropout(0.2)` after each ReLU. Pass the same
# batch through it twice in training mode and twice in evaluation mode: which pairs of outputs are
# equal? What would that mean for an `evaluate` that forgot `model.eval()`?

# %% tags=["solution"]
dropout_model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 10),
).to(device)
X_batch = X[:8].to(device)  # (8, 1, 28, 28)
with torch.no_grad():
    dropout_model.train()
    print("train mode, equal:", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
    dropout_model.eval()
    print("eval mode, equal: ", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
# In training mode each call drops different values, so an evaluate without model.eval()
# would report a noisy accuracy that changes from call to call.

# %% [markdown]
# **2.** Use the trained `model` to predict the first 8 test images. Print the predicted and the true
# class names side by side.

# %% tags=["solution"]
X_first, y_first = next(iter(test_loader))  # test_loader does not shuffle: the first 1000 test images
model.eval()
with torch.no_grad():
    pred = model(X_first[:8].to(device)).argmax(dim=1).cpu()  # (8, 1, 28, 28) -> (8, 10) -> (8,)
for p, t in zip(pred.tolist(), y_first[:8].tolist()):
    print(f"{'ok ' if p == t else 'NO '} predicted {names[p]:28} true {names[t]}")

# %% [markdown]
# **3.** Show that the generator, not the global seed, fixes the data order: make a loader *without*
# `generator=`, reseed with `torch.manual_seed(0)` and take a first batch; then reseed, draw one random
# number (`torch.rand(1)`), and take a first batch again. Are the labels the same?

# %% tags=["solution"]
plain_loader = DataLoader(train_set, batch_size=8, shuffle=True)  # no generator
torch.manual_seed(0)
labels_1 = first_labels(plain_loader)
torch.manual_seed(0)
torch.rand(1)  # one extra random draw, as a new layer's initialisation would make
labels_2 = first_labels(plain_loader)
print(labels_1, labels_2, "same:", labels_1 == labels_2)

# %% [markdown]
# ## Further reading
#
# - [Optimizing model parameters](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (the official tutorial's train and test loops)
# - [Datasets & DataLoaders](https://docs.pytorch.org/tutorials/beginner/basics/data_tutorial.html)
#   (official tutorial)
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader)
# - [`torchvision.datasets.FashionMNIST`](https://docs.pytorch.org/vision/stable/generated/torchvision.datasets.FashionMNIST.html),
#   [`transforms.ToTensor`](https://docs.pytorch.org/vision/stable/generated/torchvision.transforms.ToTensor.html)
# - [`Module.train`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html)
# - [`torch.Generator`](https://docs.pytorch.org/docs/stable/generated/torch.Generator.html),
#   [Reproducibility](https://docs.pytorch.org/docs/stable/notes/randomness.html) (seeds, `DataLoader` generators)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) (the data set)
