# %% [markdown]
# # Save and load
#
# Training takes time, so you want to keep what it produced: to use the model later, to share it, or to
# pick up training where it stopped. This lesson shows how PyTorch saves and loads models safely.
#
# **What you will learn**
#
# - save a model's `state_dict` with `torch.save` and load it back with `load_state_dict`, and check
#   that every tensor came back unchanged;
# - write a checkpoint (model, optimizer and epoch together) and resume training from it so that the
#   result is *exactly* the same as if training had never stopped;
# - keep a "best" checkpoint without ever leaving a half-written file behind;
# - load a checkpoint saved on a GPU onto a CPU with `map_location`;
# - why saving a whole pickled model is fragile, and why `weights_only=True` protects you from a file that
#   runs code when it is loaded.
#
# **Prerequisites:** modules and parameters, `state_dict()`, and a training loop with a loss function and
# an optimizer (lessons 01–07).

# %%
import copy
import os
import pickle
import pickletools
import zipfile

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from course_lib import get_device, output_dir, seed_everything, show

seed_everything(0)
device = get_device()
ckpt_dir = output_dir() / "checkpoints"
ckpt_dir.mkdir(parents=True, exist_ok=True)
print("device:", device, "| checkpoints in:", ckpt_dir)

# %% [markdown]
# ## A small problem to train on
#
# To keep the lesson fast we make up a classification task: 8 input features, 3 classes, labels chosen by
# a hidden random linear "teacher". All training in this lesson runs on the CPU so that it is
# bit-for-bit repeatable (GPU kernels may add numbers in a different order from run to run).

# %%
teacher = torch.randn(8, 3)
X_train = torch.randn(256, 8)
y_train = (X_train @ teacher + 0.5 * torch.randn(256, 3)).argmax(dim=1)  # (256, 8) -> (256,)
X_val = torch.randn(128, 8)
y_val = (X_val @ teacher + 0.5 * torch.randn(128, 3)).argmax(dim=1)  # (128, 8) -> (128,)
train_set = TensorDataset(X_train, y_train)
loss_fn = nn.CrossEntropyLoss()
print(X_train.shape, y_train.shape, "class counts:", torch.bincount(y_train).tolist())

# %% [markdown]
# Two helpers: `fresh_run(seed)` builds a new model, an SGD optimizer with momentum and a shuffling
# `DataLoader` whose order comes from its own generator; `train_epochs` runs the usual training loop and
# returns the loss of every step.

# %%
def fresh_run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    g = torch.Generator().manual_seed(seed)
    loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=g)
    return model, optimizer, loader, g


def train_epochs(model, optimizer, loader, num_epochs):
    losses = []
    for _ in range(num_epochs):
        for X, y in loader:
            loss = loss_fn(model(X), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses


model, optimizer, train_loader, g = fresh_run(seed=0)
losses = train_epochs(model, optimizer, train_loader, num_epochs=2)
print(f"{len(losses)} steps, loss {losses[0]:.4f} -> {losses[-1]:.4f}")

# %% [markdown]
# ## Saving and loading a `state_dict`
#
# The recommended way to save a model is to save its `state_dict()` — an ordered dictionary from names to
# tensors — with `torch.save`. To load it, build a model of the same architecture, read the file with
# `torch.load(path, weights_only=True)` and pass the dictionary to `load_state_dict`.

# %%
path = ckpt_dir / "model.pt"
torch.save(model.state_dict(), path)

model2, _, _, _ = fresh_run(seed=1)  # same architecture, different random weights
print("equal before loading:", torch.equal(model[0].weight, model2[0].weight))
state = torch.load(path, weights_only=True)
print(model2.load_state_dict(state))
for name, tensor in model.state_dict().items():
    print(f"{name:10} {str(tuple(tensor.shape)):8} equal: {torch.equal(tensor, model2.state_dict()[name])}")

# %% [markdown]
# We compared against a *second* model on purpose. The tensors of `model.state_dict()` share memory with
# the model's parameters, so "keep `old = model.state_dict()`, load into the same model, compare with
# `old`" always says equal and proves nothing. `load_state_dict` returns a report of missing and
# unexpected keys; `<All keys matched successfully>` is what you want to see.
#
# ## A checkpoint: model, optimizer and epoch
#
# To *continue* training you need more than the weights. SGD with momentum keeps a running "velocity" for
# every parameter, and that velocity lives in the optimizer, not in the model. Let us look at it.

# %%
opt_state = optimizer.state_dict()
print("keys:", list(opt_state))
print("hyperparameters:", {k: opt_state["param_groups"][0][k] for k in ("lr", "momentum")})
for i, s in opt_state["state"].items():
    print(f"param {i}: momentum_buffer {tuple(s['momentum_buffer'].shape)}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: a typo in an optimizer argument.** One of the notes this course grew from wrote
# `SGD(..., momemtum=0.9)`. Python does not guess what you meant: the unknown keyword raises a
# `TypeError`, so the line never runs.

# %% tags=["pitfall"]
try:
    torch.optim.SGD(model.parameters(), lr=0.01, momemtum=0.9)  # "momemtum": misspelled
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# The fix is the correct spelling, `momentum=0.9`; the optimizer then lists it among its settings.

# %% tags=["pitfall"]
fixed = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print("momentum:", fixed.param_groups[0]["momentum"])

# %% [markdown]
# A checkpoint is simply a dictionary holding everything training needs to go on: the model's and the
# optimizer's `state_dict`, the number of finished epochs, and here also the state of the generator that
# shuffles the data (so the remaining epochs see the batches in the same order). We train 3 of 6 epochs,
# save, and pretend the program stops there.

# %%
num_epochs, stop_at = 6, 3

model, optimizer, train_loader, g = fresh_run(seed=0)
losses_first = train_epochs(model, optimizer, train_loader, stop_at)
checkpoint = {
    "epoch": stop_at,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
    "rng": g.get_state(),
}
torch.save(checkpoint, ckpt_dir / "checkpoint.pt")
print("saved after epoch", stop_at, "| keys:", list(checkpoint))

# %% [markdown]
# ## Resuming gives the same result as never stopping
#
# Now a "new program": a fresh model and optimizer (deliberately from a different seed), the checkpoint
# loaded into them, and the remaining 3 epochs trained. For comparison we also train a run of 6 epochs
# that never stopped. If resuming works, every parameter must be *exactly* equal — `torch.equal`, not
# merely close.

# %%
straight_model, straight_opt, straight_loader, _ = fresh_run(seed=0)
losses_straight = train_epochs(straight_model, straight_opt, straight_loader, num_epochs)

model, optimizer, train_loader, g = fresh_run(seed=123)  # a new start, different weights
checkpoint = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
g.set_state(checkpoint["rng"])  # train_loader shuffles with this same generator
losses_rest = train_epochs(model, optimizer, train_loader, num_epochs - checkpoint["epoch"])

same = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model.parameters()))
assert same and losses_first + losses_rest == losses_straight
print("resumed == never stopped (every parameter torch.equal):", same)

# %% [markdown] tags=["pitfall"]
# **Pitfall: resuming from the weights alone.** If the checkpoint has only the model's weights, the new
# optimizer starts with empty momentum buffers. Training still runs and the loss still goes down, so
# nothing looks wrong — but the result is a different model from the one you would have got.

# %% tags=["pitfall"]
model_w, optimizer_w, loader_w, g_w = fresh_run(seed=123)
model_w.load_state_dict(checkpoint["model"])
g_w.set_state(checkpoint["rng"])  # the optimizer state is NOT restored
losses_w = train_epochs(model_w, optimizer_w, loader_w, num_epochs - checkpoint["epoch"])

same_w = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_w.parameters()))
diff_w = max((p - q).abs().max().item() for p, q in zip(straight_model.parameters(), model_w.parameters()))
print("without optimizer state, equal:", same_w, f"| largest difference: {diff_w:.4f}")

# %% [markdown] tags=["pitfall"]
# The fix: save `optimizer.state_dict()` in the checkpoint and call `optimizer.load_state_dict(...)` when
# resuming, as in the section above. The same goes for anything else with state, such as a learning-rate
# scheduler.

# %% [markdown]
# The figure shows the loss of every step: the resumed run lies exactly on the uninterrupted one, while the
# run without optimizer state drifts away after the restart.

# %%
steps = range(1, len(losses_straight) + 1)
restart = len(losses_first)
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(steps, losses_straight, lw=3, color="lightgray", label="never stopped / 중단 없음")
ax.plot(steps[restart:], losses_rest, "o", ms=3, color="tab:blue", label="resumed / 재개")
ax.plot(steps[restart:], losses_w, "--", color="tab:red", label="resumed, weights only / 가중치만 재개")
ax.axvline(restart + 0.5, color="black", lw=0.8, ls=":")
ax.set(xlabel="step / 스텝", ylabel="loss / 손실", title="Resuming from a checkpoint / 체크포인트에서 재개")
ax.legend()
show(fig)

# %% [markdown]
# ## Keeping the best checkpoint, safely
#
# A common habit is to save a "best" checkpoint whenever the validation loss improves. If the program
# crashes or is killed while `torch.save` is writing, the file is left half-written — and the previous
# good checkpoint is already gone. So we write to a temporary file next to it and then rename it with
# `os.replace`, which swaps the file in one step: `best.pt` is always either the old or the new complete
# checkpoint.

# %%
def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # a crash here leaves best.pt untouched
    os.replace(tmp, path)  # atomic on the same file system


def val_loss(model):
    with torch.no_grad():
        return loss_fn(model(X_val), y_val).item()


# %% [markdown]
# We train 10 epochs from scratch and save only when the validation loss is lower than ever before.

# %%
model, optimizer, train_loader, g = fresh_run(seed=0)
best = float("inf")
for epoch in range(1, 11):
    train_epochs(model, optimizer, train_loader, 1)
    loss = val_loss(model)
    if loss < best:
        best = loss
        save_atomic({"epoch": epoch, "model": model.state_dict(), "val_loss": loss}, ckpt_dir / "best.pt")
    print(f"epoch {epoch:2}  val loss {loss:.4f}", "saved" if loss == best else "")

best_ckpt = torch.load(ckpt_dir / "best.pt", weights_only=True)
model.load_state_dict(best_ckpt["model"])
print("best epoch:", best_ckpt["epoch"], f"| val loss after loading: {val_loss(model):.4f}")

# %% [markdown]
# ## `map_location`: a GPU checkpoint on a CPU machine
#
# `torch.save` records the device of every tensor. A checkpoint saved from a GPU holds CUDA tensors, and
# on a machine without CUDA a plain `torch.load` fails with a `RuntimeError` asking for `map_location`.
# `map_location="cpu"` puts every tensor on the CPU while it is read. Here we save from whatever `device`
# this lesson runs on (a GPU if there is one).

# %%
model_dev = copy.deepcopy(model).to(device)
torch.save(model_dev.state_dict(), ckpt_dir / "from_device.pt")

state = torch.load(ckpt_dir / "from_device.pt", map_location="cpu", weights_only=True)
print("saved from:", model_dev[0].weight.device, "| loaded onto:", state["0.weight"].device)
print("values unchanged:", all(torch.equal(t, model.state_dict()[k]) for k, t in state.items()))

# %% [markdown]
# `load_state_dict` copies values into the model's *existing* tensors, so a CPU `state_dict` also loads
# into a model that already lives on the GPU; the parameters stay where they are. You can also write
# `map_location=device` to read a file straight onto the device you train on.

# %%
model_dev.load_state_dict(state)  # CPU tensors copied into parameters on `device`
print("parameters still on:", model_dev[0].weight.device)

# %% [markdown]
# ## Why not save the whole model?
#
# `torch.save(model)` also works: it pickles the model object itself. But pickle does not store the code
# of your class — only a *reference* to it, its module path and name. We can read the references in the
# file (a zip archive holding a `data.pkl`) with the standard library's `pickletools`.

# %%
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


def pickled_globals(path):
    with zipfile.ZipFile(path) as zf:
        data = zf.read(next(n for n in zf.namelist() if n.endswith("data.pkl")))
    return list(dict.fromkeys(arg for op, arg, _ in pickletools.genops(data) if op.name == "GLOBAL"))


torch.save(TinyNet(), ckpt_dir / "whole_model.pt")
torch.save(TinyNet().state_dict(), ckpt_dir / "tiny_state.pt")
print("whole model:", pickled_globals(ckpt_dir / "whole_model.pt"))
print("state_dict: ", pickled_globals(ckpt_dir / "tiny_state.pt"))

# %% [markdown]
# The whole-model file names `__main__ TinyNet`: loading it needs a class called `TinyNet` in a module
# called `__main__`, in the program that loads it. First, `weights_only=True` refuses it outright, because
# `TinyNet` is not one of the plain types it trusts:

# %%
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# And even with `weights_only=False`, the file breaks as soon as the class is renamed, moved to another
# module, or — as when you load it from another script — simply not there. We simulate that by deleting
# the class:

# %%
del TinyNet  # as if the class had been renamed or moved
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=False)
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown]
# The `state_dict` file, in contrast, names only PyTorch's own tensor builders: it loads into any class
# with matching parameter names, whatever that class is called today.
#
# ## Security: `weights_only=True`
#
# Unpickling can call *any* function that the file names, with arguments from the file. A class can tell
# pickle how to rebuild it through `__reduce__`; here is a harmless one that asks for `print(...)` to be
# called at load time. A malicious file would name `os.system` instead.

# %%
class Surprise:
    def __reduce__(self):
        return (print, ("this code ran while loading!",))


torch.save({"weight": torch.ones(2), "extra": Surprise()}, ckpt_dir / "crafted.pt")
del Surprise  # the file does not need the class: it stores a call to print
print("crafted file:", pickled_globals(ckpt_dir / "crafted.pt"))

# %% [markdown]
# (`__builtin__ print` is how pickle spells `builtins.print`.) With `weights_only=True` — the default since
# PyTorch 2.6, but worth writing out — `torch.load` only rebuilds tensors, dictionaries, lists, numbers and
# a few other safe types, and refuses anything else *before* calling it:

# %%
try:
    torch.load(ckpt_dir / "crafted.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# With `weights_only=False`, the call in the file is made while loading. We can show it only because our
# file is harmless: the line below prints the message from *inside* `torch.load`. Never use
# `weights_only=False` on a file you did not make yourself.

# %%
print("--- torch.load(..., weights_only=False) on the crafted file ---")
loaded = torch.load(ckpt_dir / "crafted.pt", weights_only=False)
print("--- done; loaded:", loaded)

# %% [markdown]
# ## Summary
#
# - Save `model.state_dict()` with `torch.save`; load with
#   `model.load_state_dict(torch.load(path, weights_only=True))` into a model of the same architecture.
# - To resume training, save a checkpoint dictionary: model and optimizer `state_dict`s, the epoch, and
#   any other state (here the shuffling generator). Restored completely, training continues exactly as if
#   it had never stopped; without the optimizer state it silently gives a different model.
# - Write important checkpoints to a temporary file and `os.replace` it into place, so a crash never leaves
#   a half-written file.
# - `map_location="cpu"` loads a GPU checkpoint on a machine without a GPU.
# - `torch.save(model)` stores a reference to your class by module path and breaks when the code changes;
#   `weights_only=True` refuses it, and refuses files that would run code while loading.
#
# ## Exercises
#
# **1.** Resume from `checkpoint.pt` as in the lesson, but *without* restoring the generator state
# (`g.set_state`). Do the parameters still match the uninterrupted run? Why?

# %% tags=["solution"]
model_e, optimizer_e, loader_e, g_e = fresh_run(seed=123)
model_e.load_state_dict(checkpoint["model"])
optimizer_e.load_state_dict(checkpoint["optimizer"])  # g_e is NOT restored
train_epochs(model_e, optimizer_e, loader_e, num_epochs - checkpoint["epoch"])
print("equal:", all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_e.parameters())))
# The generator restarts from seed 123, so the remaining epochs see the batches in another order.

# %% [markdown]
# **2.** Replace SGD by `torch.optim.Adam(model.parameters(), lr=0.01)`. Which tensors does Adam keep per
# parameter in its `state_dict`? Check that stopping after 3 epochs and resuming still reproduces 6
# uninterrupted epochs exactly.

# %% tags=["solution"]
def adam_run(seed):
    model, _, loader, g = fresh_run(seed)
    return model, torch.optim.Adam(model.parameters(), lr=0.01), loader, g


m_a, o_a, l_a, _ = adam_run(0)
train_epochs(m_a, o_a, l_a, 6)
print("Adam state of param 0:", list(o_a.state_dict()["state"][0]))

m_b, o_b, l_b, g_b = adam_run(0)
train_epochs(m_b, o_b, l_b, 3)
ckpt = {"model": m_b.state_dict(), "optimizer": o_b.state_dict(), "rng": g_b.get_state()}
save_atomic(ckpt, ckpt_dir / "adam.pt")

m_c, o_c, l_c, g_c = adam_run(123)
ckpt = torch.load(ckpt_dir / "adam.pt", weights_only=True)
m_c.load_state_dict(ckpt["model"])
o_c.load_state_dict(ckpt["optimizer"])
g_c.set_state(ckpt["rng"])
train_epochs(m_c, o_c, l_c, 3)
print("equal:", all(torch.equal(p, q) for p, q in zip(m_a.parameters(), m_c.parameters())))

# %% [markdown]
# **3.** Load `best.pt` straight onto `device` with `map_location=device`, load it into a model on
# `device`, and compute the validation accuracy there.

# %% tags=["solution"]
best_ckpt = torch.load(ckpt_dir / "best.pt", map_location=device, weights_only=True)
model_best, _, _, _ = fresh_run(seed=0)
model_best = model_best.to(device)
model_best.load_state_dict(best_ckpt["model"])
with torch.no_grad():
    pred = model_best(X_val.to(device)).argmax(dim=1)
print("tensor device:", best_ckpt["model"]["0.weight"].device)
print(f"val accuracy: {(pred == y_val.to(device)).float().mean().item():.3f}")

# %% [markdown]
# ## Further reading
#
# - [Saving and loading models](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)
#   (PyTorch tutorial)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html)
# - [Serialization semantics](https://docs.pytorch.org/docs/stable/notes/serialization.html)
#   (`weights_only`, what a checkpoint file contains)
# - [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html) and
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html)
# - [`torch.Generator`](https://docs.pytorch.org/docs/stable/generated/torch.Generator.html),
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset)
# - [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html)
# - [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - Python: [`pickle`](https://docs.python.org/3/library/pickle.html) (its security warning),
#   [`os.replace`](https://docs.python.org/3/library/os.html#os.replace)
