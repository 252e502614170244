# %% [markdown]
# # Building a model
#
# In PyTorch a neural network is a Python class: a subclass of `nn.Module` that creates its layers
# in `__init__` and says how data flows through them in `forward`. This lesson builds the network
# that [lesson 09](09_train_and_evaluate.ipynb) trains on FashionMNIST (28×28 grayscale images of
# clothing, 10 classes).
#
# **What you will learn**
#
# - how to choose a device — CUDA, MPS or CPU — in plain PyTorch;
# - how to write `class NeuralNetwork(nn.Module)` with `__init__` and `forward`, then print the
#   model and move it to the device;
# - why you call `model(X)` and never `model.forward(X)` (shown with a forward hook);
# - how to turn the output logits into probabilities and a predicted class;
# - what goes wrong when you forget `super().__init__()` or put a ReLU after the last layer.
#
# **Prerequisites:** lesson 01 (`nn.Linear`, `.to(device)`, `copy_` inside `torch.no_grad()`) and
# lesson 02 (ReLU and `F.relu`; softmax over `dim=1`, which does not change when the same number is
# added to every logit; ReLU passes no gradient back where its input is negative).

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import class_names, get_device, seed_everything, show

_ = seed_everything(0)  # the generator it returns is not needed here

# %% [markdown]
# ## Choosing a device
#
# Training a network is usually much faster on an accelerator: an NVIDIA GPU (CUDA) or the GPU of
# an Apple-silicon Mac (MPS). The usual pattern tries them in that order and falls back to the CPU.
# The course helper `course_lib.get_device()`, used in the other lessons, makes exactly the same
# choice.
#
# This page was built on a computer without a GPU, so its outputs say `cpu`. With an NVIDIA GPU
# you would see `cuda` instead, on an Apple-silicon Mac `mps`. Every tensor in this lesson is drawn
# on the CPU from a fixed seed, so a GPU computes with the same numbers; it may still print a
# different last digit here and there, because it adds numbers in a different order.

# %%
if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print(f"Using {device} device")
assert device == get_device()  # the course helper agrees

# %% [markdown]
# PyTorch 2.7 and later also offer a device-neutral API:
# `torch.accelerator.current_accelerator(check_available=True)` returns the available accelerator
# (CUDA, MPS, …) or `None` when there is none — here `None`, on a GPU machine `cuda` or `mps`.
# Keep `check_available=True`: without it the function names the accelerator your PyTorch was
# built for, even on a machine that has none.

# %%
print("torch.accelerator:", torch.accelerator.current_accelerator(check_available=True))

# %% [markdown]
# ## Defining the model class
#
# `__init__` first calls `super().__init__()`, which sets up the machinery that keeps track of
# submodules and parameters, and then creates the layers as attributes such as `self.flatten`.
# Two of them are new: `nn.Flatten` turns each 28×28 image into a row of 784 numbers, and
# `nn.Sequential` runs the layers it holds one after the other; [lesson 04](04_layers.ipynb) takes
# both apart.
# `forward` takes a minibatch and returns the **logits**, one raw score per class (per kind of
# clothing). The last layer is an `nn.Linear` with no activation after it, so logits may be any
# real number, negative included.

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
            nn.Linear(512, 10),  # no activation after the last layer: these are the logits
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 28, 28) -> (N, 784); dim 0, the batch, is kept
        logits = self.linear_relu_stack(x)  # (N, 784) -> (N, 10)
        return logits

# %% [markdown]
# ## Creating it, printing it, moving it
#
# Creating the model with `NeuralNetwork()` initialises all weights and biases randomly, on the
# CPU. `print(model)` lists the submodules in the order they were assigned. `.to(device)` moves
# every parameter to the device; for a module it works in place and returns the module itself, so
# the usual one-liner is `model = NeuralNetwork().to(device)`. On a GPU the parameters' device
# prints as `cuda:0` (the first GPU), on a Mac as `mps:0`.

# %%
model = NeuralNetwork().to(device)
print(model)
print("parameters on:", next(model.parameters()).device)
print("model.to(device) is model:", model.to(device) is model)

# %% [markdown] tags=["pitfall"]
# **Pitfall: forgetting `super().__init__()`**
#
# `nn.Module.__init__` creates the internal dictionaries where submodules and parameters are
# registered. Without that call, the first line of your `__init__` that assigns a layer
# (`self.flatten = nn.Flatten()`) fails.

# %% tags=["pitfall"]
class Forgetful(nn.Module):
    def __init__(self):
        self.flatten = nn.Flatten()  # super().__init__() was never called


try:
    Forgetful()
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **The fix:** call `super().__init__()` first — one line, before any layer is assigned.

# %% tags=["pitfall"]
class Remembers(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()


print(Remembers())

# %% [markdown]
# ## Call `model(X)`, not `model.forward(X)`
#
# Calling a module runs `nn.Module.__call__`, which runs `forward` and, around it, the module's
# hooks: functions registered on a module so that PyTorch calls them just before or just after its
# `forward`. Several tools attach to a model this way instead of changing its code;
# `torch.nn.utils.prune`, for example, registers a hook on each pruned layer that multiplies the
# weight by the pruning mask (which marks the weights to set to 0) before `forward` runs.
# Calling `model.forward(X)` directly skips the hooks registered on `model` itself. Hooks on its
# layers still run, because `forward` calls each layer as `self.layer(x)`. Below, one forward hook
# (it runs right after `forward`) sits on the model and the same hook on its last layer.

# %%
calls = []


def record_call(module, inputs, output):  # a forward hook: runs right after forward
    calls.append(type(module).__name__)


handles = [model.register_forward_hook(record_call),  # on the model itself
           model.linear_relu_stack[-1].register_forward_hook(record_call)]  # on its last layer
X = torch.rand(1, 28, 28).to(device)  # one random image, drawn on the CPU: same numbers on any device
logits = model(X)  # (1, 28, 28) -> (1, 10)
print("hooks run by model(X):        ", calls)
calls.clear()
logits_direct = model.forward(X)
print("hooks run by model.forward(X):", calls)
for handle in handles:
    handle.remove()
assert torch.allclose(logits, logits_direct)  # same numbers; only the model's own hook was skipped

# %% [markdown]
# Both calls give the same logits, so nothing warns you: code that relies on a hook registered on
# the model itself silently stops working when you call `forward` directly.
#
# ## From logits to a prediction
#
# The logits are raw scores. `nn.Softmax(dim=1)` turns each row into probabilities that sum to 1
# (dim 1 is the class dimension), and `argmax(1)` picks the most likely class. Softmax keeps the
# order of the logits, so the argmax of the logits would give the same class.

# %%
print("logits:", [round(v, 3) for v in logits[0].tolist()])
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)  # (1, 10), each row sums to 1
y_pred = pred_probab.argmax(1)  # (1, 10) -> (1,)
print("probabilities sum to:", round(pred_probab.sum(dim=1).item(), 4))
print(f"Predicted class: {y_pred.item()} = {class_names()[y_pred.item()]}")
assert torch.equal(y_pred, logits.argmax(1))

# %% [markdown]
# The model is untrained, so every probability is close to $1/10$: the "prediction" (in orange in
# the plot below) is a pick among ten almost equally likely classes.

# %%
p_min, p_max = pred_probab.min().item(), pred_probab.max().item()
print(f"smallest probability {p_min:.3f}, largest {p_max:.3f}")
assert 0.08 < p_min and p_max < 0.12  # all close to 1/10
colors = ["tab:orange" if i == y_pred.item() else "tab:blue" for i in range(10)]
fig, ax = plt.subplots(figsize=(7, 4))
ax.barh(class_names(), pred_probab[0].detach().cpu(), color=colors)  # orange: the argmax
ax.axvline(0.1, color="gray", ls="--", label="1/10")
ax.invert_yaxis()  # class 0 at the top
ax.set_xlim(0, 0.15)
ax.set_xlabel("probability / 확률")
ax.set_title("untrained model, random input / 학습 전 모델, 무작위 입력")
ax.legend(loc="lower right")
show(fig)

# %% [markdown] tags=["pitfall"]
# **Pitfall: a ReLU after the last layer**
#
# Every earlier `nn.Linear` is followed by an `nn.ReLU()`, so it is easy to add one after the last
# `nn.Linear` too. Then the logits can never be negative: every class whose logit would be
# negative is cut to exactly 0, and all those classes become tied. ReLU also passes no gradient
# back where its input is negative (lesson 02), so during training a class whose logit was cut to
# 0 for a sample gets no gradient at all from that sample, and loses that chance to correct its
# logit.
#
# To see the effect on its own, we build the network with the extra ReLU and copy the weights and
# biases of `model` into it, as lesson 01 set weights with `copy_`.

# %% tags=["pitfall"]
class ReluOnLogits(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 10), nn.ReLU(),  # the mistake: a ReLU on the logits
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


bad_model = ReluOnLogits().to(device)
with torch.no_grad():  # same weights and biases as model: only the last ReLU differs
    for mine, theirs in zip(bad_model.linear_relu_stack[0::2], model.linear_relu_stack[0::2]):
        mine.weight.copy_(theirs.weight)
        mine.bias.copy_(theirs.bias)
same = all(torch.equal(a, b) for a, b in zip(bad_model.parameters(), model.parameters()))
print("same parameters as model:", same)

# %% tags=["pitfall"]
X_batch = torch.rand(64, 28, 28).to(device)  # a minibatch of 64 random images
with torch.no_grad():  # outputs only: autograd need not record anything
    good, bad = model(X_batch), bad_model(X_batch)  # (64, 28, 28) -> (64, 10)
print(f"smallest logit       model: {good.min():+.3f}   ReLU on logits: {bad.min():+.3f}")
zeros_good, zeros_bad = (good == 0).float().mean(), (bad == 0).float().mean()
print(f"logits exactly 0     model: {zeros_good:.0%}      ReLU on logits: {zeros_bad:.0%}")
print("sample 0, model          :", [round(v, 3) for v in good[0].tolist()])
print("sample 0, ReLU on logits :", [round(v, 3) for v in bad[0].tolist()])

# %% [markdown] tags=["pitfall"]
# The original model's logits include negative values; with the ReLU on the logits none is
# negative, and many are exactly 0.
#
# What harm does this ReLU do once the model is trained? A trained classifier says "not this
# class" by giving it a logit much lower than that of the class it picks. Whether a logit is
# positive or negative does not matter: softmax only depends on the differences between logits,
# so adding the same number to all of them changes no probability (lesson 02). Nothing stops
# every logit from being negative.
#
# The logits `z` below are made up to look like a trained model's output: all negative, and
# class 4, with the largest logit, gets the largest probability. After the ReLU every logit is 0,
# the probabilities are uniform, and `argmax` returns class 0 only because it is the first of the
# tied classes.

# %% tags=["pitfall"]
z = torch.tensor([[-4.0, -1.0, -3.0, -2.5, -0.2, -5.0, -1.5, -3.3, -2.2, -0.9]])
assert torch.allclose(softmax(z), softmax(z + 5))  # shifted: same probabilities
for name, scores in [("logits      ", z), ("ReLU(logits)", torch.relu(z))]:
    p = softmax(scores)
    print(f"{name} probabilities: {[round(v, 2) for v in p[0].tolist()]}  argmax: {p.argmax(1).item()}")

# %% [markdown] tags=["pitfall"]
# **The fix:** end the network with the last `nn.Linear`, as `NeuralNetwork` does. Apply softmax
# only when you need probabilities, and give `nn.CrossEntropyLoss` the logits as they are: as
# lesson 02 showed, it applies `log_softmax` internally.

# %% tags=["pitfall"]
print("last layer of model:", model.linear_relu_stack[-1])
print("negative logits possible:", bool((good < 0).any()))

# %% [markdown]
# ## Summary
#
# - Pick the device with `torch.cuda.is_available()`, then `torch.backends.mps.is_available()`,
#   else the CPU (`course_lib.get_device()` does the same), and move the model with `.to(device)`.
# - A model is a subclass of `nn.Module`: `__init__` calls `super().__init__()` first and creates
#   the layers; `forward` computes the logits from a minibatch.
# - Call a model as `model(X)`: it runs `forward` together with the hooks registered on `model`.
#   `model.forward(X)` skips those hooks; hooks on the layers inside still run.
# - Logits → `nn.Softmax(dim=1)` → probabilities → `argmax(1)` → predicted class.
# - No activation after the last layer: a ReLU there ties every class whose logit would be
#   negative at 0, so the ranking among those classes is lost.

# %% [markdown]
# ## Exercises
#
# **1.** Write the same network with the layers as attributes `fc1`, `fc2`, `fc3` and `F.relu`
# called inside `forward` (from `torch.nn.functional`). Copy the weights and biases of `model` into
# it and check that both give the same logits on `X_batch`.

# %% tags=["solution"]
import torch.nn.functional as F


class FunctionalNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, 512)
        self.fc2 = nn.Linear(512, 512)
        self.fc3 = nn.Linear(512, 10)

    def forward(self, x):
        x = x.flatten(1)  # (N, 28, 28) -> (N, 784)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)

# %% tags=["solution"]
fnet = FunctionalNet().to(device)
with torch.no_grad():
    for mine, theirs in zip([fnet.fc1, fnet.fc2, fnet.fc3], model.linear_relu_stack[0::2]):
        mine.weight.copy_(theirs.weight)
        mine.bias.copy_(theirs.bias)
    same_logits = torch.allclose(fnet(X_batch), model(X_batch))
print("FunctionalNet gives the same logits:", same_logits)
assert same_logits

# %% [markdown]
# **2.** Register a forward hook on each `nn.Linear` of `model` that prints the layer and the shape
# of its output, run a minibatch of 4 random images, then remove the hooks.

# %% tags=["solution"]
def print_shape(module, inputs, output):
    print(f"{module} -> {tuple(output.shape)}")


handles = [layer.register_forward_hook(print_shape)
           for layer in model.linear_relu_stack if isinstance(layer, nn.Linear)]
with torch.no_grad():
    model(torch.rand(4, 28, 28).to(device))
for h in handles:
    h.remove()

# %% [markdown]
# **3.** Predict the class of 5 random images at once. Check that each row of probabilities sums
# to 1 and print the predicted class names in English and in Korean (`class_names("en")`,
# `class_names("ko")`).

# %% tags=["solution"]
with torch.no_grad():
    probs = nn.Softmax(dim=1)(model(torch.rand(5, 28, 28).to(device)))  # (5, 10)
print("row sums:", [round(v, 4) for v in probs.sum(dim=1).tolist()])
for i in probs.argmax(1).tolist():
    print(i, class_names("en")[i], "/", class_names("ko")[i])

# %% [markdown]
# ## Further reading
#
# - The official tutorial this lesson follows:
#   [Build the Neural Network](https://docs.pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html).
# - Devices: [`torch.cuda.is_available`](https://docs.pytorch.org/docs/stable/generated/torch.cuda.is_available.html),
#   [`torch.backends.mps`](https://docs.pytorch.org/docs/stable/backends.html#torch-backends-mps),
#   [`torch.accelerator`](https://docs.pytorch.org/docs/stable/accelerator.html),
#   [`torch.device`](https://docs.pytorch.org/docs/stable/tensor_attributes.html#torch-device).
# - Modules: [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html)
#   (with [`to`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.to) and
#   [`register_forward_hook`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.register_forward_hook)),
#   [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.relu.html),
#   [`torch.nn.utils.prune`](https://docs.pytorch.org/tutorials/intermediate/pruning_tutorial.html).
# - Tensors: [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.argmax`](https://docs.pytorch.org/docs/stable/generated/torch.argmax.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`Tensor.flatten`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.flatten.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`Tensor.copy_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.copy_.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html).
