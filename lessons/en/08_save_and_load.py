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
# - write a checkpoint (the model's and the optimizer's state and the number of finished epochs) and
#   resume training from it so that the result is *exactly* the same as if training had never stopped
#   (bit for bit, on the CPU);
# - overwrite a checkpoint without ever losing the last complete one, even if the program crashes;
# - load a checkpoint saved on a GPU onto a CPU with `map_location`;
# - why a whole model saved with pickle (Python's standard format for saving objects) often fails to load
#   later, and how `weights_only=True` protects you from a file that runs code when it is loaded.
#
# **Prerequisites:** `.to(device)` (lesson 03), parameters and `state_dict()` (lesson 05), and the
# training loop with `nn.MSELoss` and `torch.optim.SGD` (lesson 07).

# %%
import copy
import os
import pickle
import pickletools
import zipfile

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, output_dir, seed_everything, show

seed_everything(0)
device = get_device()
ckpt_dir = output_dir() / "checkpoints"
ckpt_dir.mkdir(parents=True, exist_ok=True)
print("device:", device, "| checkpoints in:", ckpt_dir)

# %% [markdown]
# ## A small problem to train on
#
# To keep the lesson fast we make up a regression task: 256 samples with 8 features each, and targets
# made by a hidden linear model with random weights (the "teacher") plus a little noise. As in lesson 07,
# the whole data set goes through the model at once, so each epoch is one step.
#
# All training in this lesson runs on the CPU, so that it is bit-for-bit repeatable: on a GPU, some
# operations may add numbers in a different order from run to run, which can change the last digits.

# %%
teacher = torch.randn(8, 1)
X = torch.randn(256, 8)
y = X @ teacher + 0.1 * torch.randn(256, 1)  # (256, 8) -> (256, 1)
loss_fn = nn.MSELoss()
print("X:", tuple(X.shape), "| y:", tuple(y.shape))

# %% [markdown]
# The first helper, `fresh_run(seed)`, builds a new model and its optimizer from a given seed.
#
# The optimizer is SGD with **momentum**. Plain SGD steps along the current gradient $g$ alone. With
# momentum it steps along $v$, a running sum of past gradients in which older ones fade:
# $v \leftarrow 0.9\,v + g$, then $w \leftarrow w - \text{lr}\cdot v$. So it keeps one extra tensor
# $v$ per parameter, and a checkpoint must keep it too. ([Lesson 10](10_validate_and_tune.ipynb)
# compares it with plain SGD.)
#
# The second helper, `train_epochs`, runs the training loop of lesson 07 and returns the loss of every
# epoch.

# %%
def fresh_run(seed):
    seed_everything(seed)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    return model, optimizer


def train_epochs(model, optimizer, num_epochs):
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)  # the whole data set: one step per epoch
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


model, optimizer = fresh_run(seed=0)
losses = train_epochs(model, optimizer, num_epochs=20)
print(f"{len(losses)} epochs, loss {losses[0]:.4f} -> {losses[-1]:.4f}")

# %% [markdown]
# ## Saving and loading a `state_dict`
#
# PyTorch recommends saving a model's `state_dict()` with `torch.save`. The `state_dict()` is an ordered
# dictionary from names to tensors. To load it, build a model of the same architecture, load the file
# with `torch.load(path, weights_only=True)` and pass the dictionary to `load_state_dict`.
# (`weights_only=True` tells `torch.load` to rebuild only safe data such as tensors; the security section
# at the end of this lesson covers it.)

# %%
path = ckpt_dir / "model.pt"
torch.save(model.state_dict(), path)

model2, _ = fresh_run(seed=1)  # same architecture, different random weights
print("equal before loading:", torch.equal(model[0].weight, model2[0].weight))
state = torch.load(path, weights_only=True)
print(model2.load_state_dict(state))
for name, tensor in model.state_dict().items():
    print(f"{name:10} {str(tuple(tensor.shape)):8} equal: {torch.equal(tensor, model2.state_dict()[name])}")

# %% [markdown]
# We loaded the file into a *second* model, `model2`, and compared against it on purpose. The tensors
# of `model.state_dict()` share memory with the model's parameters. So if you keep
# `old = model.state_dict()`, load the file into the same model and compare with `old`, they are always
# equal, even when loading went wrong: that check proves nothing.
#
# `load_state_dict` also checks the names, that is, the dictionary's keys. By default (`strict=True`) a
# missing key (in the model but not in the file) or an unexpected one (in the file but not in the model)
# raises a `RuntimeError`, so when the call returns, its report always reads
# `<All keys matched successfully>`. With `strict=False` it loads the keys that match and *returns* the
# others, in the lists `missing_keys` and `unexpected_keys`, instead of raising (the shapes of matching
# keys must still agree, or it raises anyway). Here is a model with one more `nn.Linear` layer than the
# saved one:

# %%
bigger = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU(), nn.Linear(1, 1))
try:
    bigger.load_state_dict(state)  # strict=True, the default
except RuntimeError as err:
    print("RuntimeError:", err.args[0].splitlines()[1].strip())
print("strict=False:", bigger.load_state_dict(state, strict=False))
print("first layer loaded:", torch.equal(bigger[0].weight, model[0].weight))

# %% [markdown]
# ## A checkpoint: model, optimizer and epoch
#
# To *continue* training you need more than the model's parameters. The momentum tensor $v$ of every
# parameter lives in the optimizer, not in the model. The optimizer's own `state_dict()` holds this
# momentum state, next to settings such as the learning rate and the momentum coefficient:

# %%
opt_state = optimizer.state_dict()
print("keys:", list(opt_state))
print("lr and momentum:", {k: opt_state["param_groups"][0][k] for k in ("lr", "momentum")})
for i, s in opt_state["state"].items():
    print(f"param {i}: momentum_buffer {tuple(s['momentum_buffer'].shape)}")

# %% [markdown] tags=["pitfall"]
# **Pitfall: a typo in an optimizer argument**
#
# A common slip is `SGD(..., momemtum=0.9)`. Python does not fix the typo for you: a keyword argument the
# function does not have raises a `TypeError`, and no optimizer is made.

# %% tags=["pitfall"]
try:
    torch.optim.SGD(model.parameters(), lr=0.01, momemtum=0.9)  # "momemtum": misspelled
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **The fix:** spell it `momentum=0.9`; the optimizer then lists it among its settings.

# %% tags=["pitfall"]
fixed = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print("momentum:", fixed.param_groups[0]["momentum"])

# %% [markdown]
# A checkpoint is simply a dictionary holding everything training needs to go on: the model's and the
# optimizer's `state_dict` and the number of finished epochs. (Training that draws random numbers as it
# goes, such as shuffling the data every epoch in [lesson 09](09_train_and_evaluate.ipynb), also needs
# the state of its random number generator; this lesson's training draws none.) We train 20 of 40
# epochs, save, and pretend training is interrupted there.

# %%
num_epochs, stop_at = 40, 20

model, optimizer = fresh_run(seed=0)
losses_first = train_epochs(model, optimizer, stop_at)
checkpoint = {
    "epoch": stop_at,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
}
torch.save(checkpoint, ckpt_dir / "checkpoint.pt")
print("saved after epoch", stop_at, "| keys:", list(checkpoint))

# %% [markdown]
# ## Resuming gives the same result as never stopping
#
# Now imagine the program has been started again: a fresh model and optimizer (deliberately from a
# different seed), the checkpoint loaded into them, and the remaining 20 epochs trained. For comparison
# we also train a run of 40 epochs that never stopped. If resuming works, every parameter must be
# *exactly* equal — `torch.equal`, not merely close.

# %%
straight_model, straight_opt = fresh_run(seed=0)
losses_straight = train_epochs(straight_model, straight_opt, num_epochs)

model, optimizer = fresh_run(seed=123)  # a new start, different weights
checkpoint = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
losses_rest = train_epochs(model, optimizer, num_epochs - checkpoint["epoch"])

same = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model.parameters()))
assert same and losses_first + losses_rest == losses_straight
print("resumed == never stopped (every parameter torch.equal):", same)

# %% [markdown]
# One side effect to know about. The model's `load_state_dict` copies the values it is given into the
# parameters, but `optimizer.load_state_dict` keeps the tensors it is given when they already have the
# parameters' device and dtype, as here. Training then changed the momentum tensors of
# `checkpoint["optimizer"]` in place: that dictionary no longer holds the state after epoch 20, only the
# file does. To use a saved optimizer state again, load it again from the file.

# %%
in_dict = checkpoint["optimizer"]["state"][0]["momentum_buffer"]
from_file = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
on_disk = from_file["optimizer"]["state"][0]["momentum_buffer"]
print("optimizer uses the dict's tensor:", optimizer.state_dict()["state"][0]["momentum_buffer"] is in_dict)
print("dict still as saved after epoch 20:", torch.equal(in_dict, on_disk))

# %% [markdown] tags=["pitfall"]
# **Pitfall: resuming from the weights alone**
#
# If the checkpoint has only the model's weights, the new optimizer starts with an empty momentum state:
# every $v$ starts again from zero. Training still runs and the loss still goes down, so nothing looks
# wrong — but the result is a different model from the one the uninterrupted run gives.

# %% tags=["pitfall"]
model_w, optimizer_w = fresh_run(seed=123)
model_w.load_state_dict(checkpoint["model"])  # the optimizer state is NOT restored
losses_w = train_epochs(model_w, optimizer_w, num_epochs - checkpoint["epoch"])

same_w = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_w.parameters()))
diff_w = max((p - q).abs().max().item() for p, q in zip(straight_model.parameters(), model_w.parameters()))
print("without optimizer state, equal:", same_w, f"| largest difference: {diff_w:.4f}")

# %% [markdown] tags=["pitfall"]
# **The fix:** save `optimizer.state_dict()` in the checkpoint and call `optimizer.load_state_dict(...)`
# when resuming, as in the section above. The same goes for anything else that keeps state while
# training, such as a learning-rate schedule (lesson 10).

# %% [markdown]
# The figure shows the loss of every epoch: the loss of the run resumed from the checkpoint lies exactly
# on that of the uninterrupted run, while the loss of the run resumed without optimizer state splits off
# right after the restart (dotted line) and follows another curve.

# %%
epochs = range(1, len(losses_straight) + 1)
restart = len(losses_first)
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(epochs, losses_straight, lw=3, color="lightgray", label="never stopped / 중단 없음")
ax.plot(epochs[restart:], losses_rest, "o", ms=3, color="tab:blue", label="resumed / 재개")
ax.plot(epochs[restart:], losses_w, "--", color="tab:red", label="resumed, weights only / 매개변수만으로 재개")
ax.axvline(restart + 0.5, color="black", lw=0.8, ls=":")
ax.set_ylim(0, 1.5)  # the first epochs, with a loss up to 12, are above the chart
ax.set(xlabel="epoch / 에폭", ylabel="MSE loss / 손실", title="Resuming from a checkpoint / 체크포인트에서 재개")
ax.legend()
show(fig)

# %% [markdown]
# ## Overwriting a checkpoint safely
#
# A long run usually saves a checkpoint every epoch or so, overwriting the previous one, so that a crash
# costs little. But if the program crashes or is killed while `torch.save` is writing, the file is left
# half-written — and the previous good checkpoint is already gone, because `torch.save` starts by
# emptying the file. So we write to a temporary file next to it and then rename that file with
# `os.replace`. The rename happens in one step, with nothing in between, so the checkpoint is always
# either the old or the new complete file. (Python documents a successful `os.replace` as atomic, one
# step like this, on POSIX systems such as Linux and macOS.)

# %%
def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # a crash here leaves path untouched
    os.replace(tmp, path)  # one step: path now names the new, complete file


model, optimizer = fresh_run(seed=0)
for epoch in range(1, 6):
    train_epochs(model, optimizer, 1)
    ckpt = {"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}
    torch.save(ckpt, ckpt_dir / "plain.pt")  # overwritten in place
    save_atomic(ckpt, ckpt_dir / "latest.pt")  # swapped in
print("epochs saved:", [torch.load(ckpt_dir / n, weights_only=True)["epoch"] for n in ("plain.pt", "latest.pt")])

# %% [markdown]
# We can't really kill the program while this page is built, but we can make `torch.save` fail halfway
# through the file: pickle cannot save a `lambda`, so saving a checkpoint that holds one fails in the
# middle of writing and leaves a damaged file, as a crash would. We save it with `torch.save` to
# `plain.pt` and with `save_atomic` to `latest.pt`, then try to load both files.

# %%
unsaveable = {"epoch": 6, "model": model.state_dict(), "note": lambda: None}  # stands in for a crash
for how, save, name in (("torch.save", torch.save, "plain.pt"), ("save_atomic", save_atomic, "latest.pt")):
    try:
        save(unsaveable, ckpt_dir / name)
    except Exception as err:
        print(f"{how} to {name} failed halfway:", type(err).__name__)
for name in ("plain.pt", "latest.pt"):
    try:
        print(name, "still holds epoch", torch.load(ckpt_dir / name, weights_only=True)["epoch"])
    except RuntimeError as err:
        print(name, "is damaged:", str(err).split(":")[0])

# %% [markdown]
# `plain.pt` is lost; `latest.pt` still holds the checkpoint of epoch 5 (only the temporary file is
# damaged, and the next save overwrites it). [Lesson 10](10_validate_and_tune.ipynb) uses the same
# function to keep the best model of a long run.
#
# This keeps the checkpoint safe when the program crashes, not when the power fails or the operating
# system stops. The operating system keeps freshly written data in memory for a while, and it may store
# the rename on disk before the new file's contents. To survive that too, call `os.fsync`, which makes
# the operating system write what it holds in memory to the disk now: on the temporary file before the
# rename, and on its folder after it.

# %% [markdown]
# ## `map_location`: loading a GPU checkpoint on a CPU
#
# `torch.save` records the device of every tensor. A checkpoint saved from a CUDA GPU holds CUDA tensors.
# On a machine without CUDA, a plain `torch.load` of that file fails with a `RuntimeError` whose message
# tells you to use `map_location`. `map_location="cpu"` moves every tensor to the CPU while the file is
# loaded. Here we save from whatever `device` this lesson runs on. This page was built on a CPU, so the
# first line below says `saved from: cpu`; on a machine with an NVIDIA GPU it says `cuda:0` (on an Apple
# GPU, `mps:0`), and the tensors still arrive on the CPU.

# %%
model_dev = copy.deepcopy(model).to(device)
torch.save(model_dev.state_dict(), ckpt_dir / "from_device.pt")

state = torch.load(ckpt_dir / "from_device.pt", map_location="cpu", weights_only=True)
print("saved from:", model_dev[0].weight.device, "| loaded onto:", state["0.weight"].device)
print("values unchanged:", all(torch.equal(t, model.state_dict()[k]) for k, t in state.items()))

# %% [markdown]
# `load_state_dict` copies values into the model's *existing* tensors, so a CPU `state_dict` also loads
# into a model that already lives on the GPU; the parameters stay where they are (on this CPU-built page,
# `cpu`; on a GPU, `cuda:0` or `mps:0`). You can also write `map_location=device` to load a file straight
# onto the device you train on.

# %%
model_dev.load_state_dict(state)  # CPU tensors copied into parameters on `device`
print("parameters still on:", model_dev[0].weight.device)

# %% [markdown]
# ## Why not save the whole model?
#
# `torch.save(model)` also works: it pickles the model object itself. But pickle does not store the code
# of your class — only a *reference* to it: the path of its Python module and the class name. We can
# look at the references in the file (a zip archive holding a `data.pkl`) with the Python standard
# library's `pickletools`.

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
# `TinyNet` is not on its list of types allowed as safe:

# %%
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# And even with `weights_only=False`, the file fails to load as soon as the class is renamed, moved to
# another Python module (file), or — as when you load it from another script — simply not there. We
# simulate that by deleting the class:

# %%
del TinyNet  # as if the class had been renamed or moved
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=False)
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown]
# The `state_dict` file, in contrast, names only `collections.OrderedDict` (the dictionary type a
# `state_dict` is) and PyTorch's internal functions that rebuild tensors: even if the model's class is
# renamed or moved, it loads into any model whose parameters match in name and shape.
#
# ## Security: `weights_only=True`
#
# Unpickling, rebuilding the objects of a pickle file, can call *any* function that the file names, with
# arguments from the file. A class can choose, through a `__reduce__` method, which function and
# arguments rebuild its objects; here is a harmless one that asks for `print(...)` to be called at load
# time. A malicious file would name `os.system`, which runs a shell command, instead.

# %%
class Surprise:
    def __reduce__(self):
        return (print, ("this code ran while loading!",))


torch.save({"weight": torch.ones(2), "extra": Surprise()}, ckpt_dir / "crafted.pt")
del Surprise  # the file does not need the class: it stores a call to print
print("crafted file:", pickled_globals(ckpt_dir / "crafted.pt"))

# %% [markdown]
# (`__builtin__ print` is `builtins.print`: the older pickle protocol that `torch.save` uses by default
# writes the `builtins` module as `__builtin__`.) With `weights_only=True`, `torch.load` only rebuilds
# tensors, dictionaries, lists, numbers and a few other safe types, and refuses anything else *before*
# calling it. It is the default since PyTorch 2.6, as the error message itself says when you leave the
# argument out — but write `weights_only=True` anyway, so that the code is just as safe on older
# versions, where the default was `False`.

# %%
try:
    torch.load(ckpt_dir / "crafted.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])
try:
    torch.load(ckpt_dir / "crafted.pt")  # weights_only left out: the default
except pickle.UnpicklingError as err:
    print("without the argument:", type(err).__name__)
    assert "In PyTorch 2.6" in str(err)  # the message names the release that changed the default

# %% [markdown]
# With `weights_only=False`, the call in the file is made while loading. Our file is harmless, so here we
# really load it: the middle line of the output below (`this code ran while loading!`) is printed from
# *inside* `torch.load`. Never use `weights_only=False` on a file you did not make yourself.

# %%
print("--- torch.load(..., weights_only=False) on the crafted file ---")
loaded = torch.load(ckpt_dir / "crafted.pt", weights_only=False)
print("--- done; loaded:", loaded)

# %% [markdown]
# ## Summary
#
# - Save `model.state_dict()` with `torch.save`; load with
#   `model.load_state_dict(torch.load(path, weights_only=True))` into a model of the same architecture.
#   With the default `strict=True`, mismatched names raise an error.
# - To resume training, save a checkpoint dictionary: model and optimizer `state_dict`s, the epoch, and
#   any other state that training changes. Restored completely, training continues exactly as if it had
#   never stopped: bit for bit on the CPU, as shown; on a GPU, operations whose results vary from run to
#   run can change the last digits. Without the optimizer state it silently gives a different model.
# - Write a checkpoint to a temporary file and `os.replace` it into place, so a crash of the program
#   never leaves a half-written checkpoint (surviving a power cut also needs `os.fsync`).
# - `map_location="cpu"` loads a GPU checkpoint on a machine without a GPU.
# - `torch.save(model)` stores only a reference to your class, by module path, and fails to load when the
#   class is renamed, moved or missing; `weights_only=True` refuses it, and refuses files that would run
#   code while loading.
#
# ## Exercises
#
# **1.** A new optimizer has an empty state. Make one with `fresh_run`, count the entries of its
# `state_dict()["state"]`, then load the optimizer state saved in `checkpoint.pt` into it and count
# again. Entry `0` holds a momentum tensor: which parameter of the model does it belong to?

# %% tags=["solution"]
_, optimizer_e = fresh_run(seed=123)
print("entries before loading:", len(optimizer_e.state_dict()["state"]))
saved = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)  # the file: checkpoint["optimizer"] has changed
optimizer_e.load_state_dict(saved["optimizer"])
entries = optimizer_e.state_dict()["state"]
print("entries after loading: ", len(entries), "| entry 0:", tuple(entries[0]["momentum_buffer"].shape))
# Entries are numbered in the order of model.parameters(): entry 0 is "0.weight", shape (16, 8).

# %% [markdown]
# **2.** Replace SGD by `torch.optim.Adam(model.parameters(), lr=0.01)`, another optimizer that keeps
# state for each parameter ([lesson 10](10_validate_and_tune.ipynb) explains how it works). Which tensors
# does Adam keep per parameter in its `state_dict`? Check that stopping after 20 epochs and resuming still
# reproduces 40 uninterrupted epochs exactly.

# %% tags=["solution"]
def adam_run(seed):
    model, _ = fresh_run(seed)
    return model, torch.optim.Adam(model.parameters(), lr=0.01)


m_a, o_a = adam_run(0)
train_epochs(m_a, o_a, 40)
print("Adam state of param 0:", list(o_a.state_dict()["state"][0]))

m_b, o_b = adam_run(0)
train_epochs(m_b, o_b, 20)
save_atomic({"model": m_b.state_dict(), "optimizer": o_b.state_dict()}, ckpt_dir / "adam.pt")

m_c, o_c = adam_run(123)
ckpt = torch.load(ckpt_dir / "adam.pt", weights_only=True)
m_c.load_state_dict(ckpt["model"])
o_c.load_state_dict(ckpt["optimizer"])
train_epochs(m_c, o_c, 20)
print("equal:", all(torch.equal(p, q) for p, q in zip(m_a.parameters(), m_c.parameters())))

# %% [markdown]
# **3.** Load `latest.pt` straight onto `device` with `map_location=device`, put it into a model on
# `device` with `load_state_dict`, and check that the loss computed there matches the loss of the same
# parameters on the CPU.

# %% tags=["solution"]
latest = torch.load(ckpt_dir / "latest.pt", map_location=device, weights_only=True)
model_on_device, _ = fresh_run(seed=0)
model_on_device = model_on_device.to(device)
model_on_device.load_state_dict(latest["model"])
print("tensor device:", latest["model"]["0.weight"].device)

model_cpu, _ = fresh_run(seed=0)
model_cpu.load_state_dict(torch.load(ckpt_dir / "latest.pt", weights_only=True)["model"])
with torch.no_grad():
    loss_device = loss_fn(model_on_device(X.to(device)), y.to(device)).item()
    loss_cpu = loss_fn(model_cpu(X), y).item()
print(f"loss on {device}: {loss_device:.4f} | on cpu: {loss_cpu:.4f}")
assert abs(loss_device - loss_cpu) < 1e-4  # a GPU may round differently in the last digits

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
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html) (its momentum formula),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html),
#   [`Optimizer.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Optimizer.state_dict.html)
# - [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - Python: [`pickle`](https://docs.python.org/3/library/pickle.html) (its security warning),
#   [`pickletools`](https://docs.python.org/3/library/pickletools.html),
#   [`os.replace`](https://docs.python.org/3/library/os.html#os.replace),
#   [`os.fsync`](https://docs.python.org/3/library/os.html#os.fsync)
