# %% [markdown]
# # Model parameters
#
# The numbers a network learns are its parameters. A module keeps track of every parameter of
# every layer inside it and hands them out by name: to you, to the optimizer that will update them
# during training ([lesson 07](07_training_basics.ipynb)), and to `state_dict()` when you save a model.
#
# **What you will learn**
#
# - how to list a model's parameters with `parameters()` and `named_parameters()`, and what the names mean;
# - how to count parameters and the memory they take;
# - what `requires_grad` and `.grad` are, and how to freeze a layer so that it gets no new gradient;
# - what `state_dict()` holds — parameters *and* buffers — and that its tensors share memory with the model.
#
# **Prerequisites:** from lesson 01, writing into a parameter inside `torch.no_grad()`; from lesson 02,
# that `backward()` computes gradients; the `NeuralNetwork` class of lesson 03; the layers and
# containers of lesson 04.

# %%
import copy

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()
print("device:", device)

# %% [markdown]
# ## The network from lesson 03
#
# We re-create the FashionMNIST network of lesson 03: 784 inputs, two hidden layers of 512 neurons,
# and 10 logits, moved to the device. This page was built on a CPU, so the cell above printed
# `device: cpu`; on a machine with a GPU it prints `cuda` or `mps`.

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
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 28, 28) -> (N, 784)
        logits = self.linear_relu_stack(x)  # (N, 784) -> (N, 10): the logits
        return logits


model = NeuralNetwork().to(device)
print(model)

# %% [markdown]
# ## `parameters()`
#
# `model.parameters()` yields the parameters module by module: each module's own parameters first, in
# the order they were registered, then those of its submodules. A parameter shared by two layers is
# listed only once. Each one is an `nn.Parameter`: a subclass of `torch.Tensor` that a module
# registers automatically when it is assigned as an attribute.

# %%
for param in model.parameters():
    print(type(param).__name__, tuple(param.shape))

first = next(model.parameters())
print("is a Tensor:", isinstance(first, torch.Tensor), "| is a Parameter:", isinstance(first, nn.Parameter))

# %% [markdown]
# ## `named_parameters()`
#
# `named_parameters()` yields `(name, parameter)` pairs. A name is the path of attributes from the
# model to the tensor: `linear_relu_stack.0.weight` is the `weight` of module `0` inside
# `linear_relu_stack`. Indices 1 and 3 are missing because the ReLUs own no parameters.
# `get_parameter(name)` follows such a name back to the tensor.

# %%
for name, param in model.named_parameters():
    print(f"{name:<28} {tuple(param.shape)}")

same = model.get_parameter("linear_relu_stack.0.weight") is model.linear_relu_stack[0].weight
print("name leads to the same tensor:", same)

# %% [markdown]
# ## Counting parameters
#
# A model's parameter count is the sum of `numel()` (number of elements) over its parameter tensors.
# Each `nn.Linear(in, out)` has $\text{in} \cdot \text{out}$ weights and $\text{out}$ biases:
#
# $$784 \cdot 512 + 512 + 512 \cdot 512 + 512 + 512 \cdot 10 + 10 = \text{669,706}$$

# %%
total = sum(p.numel() for p in model.parameters())
by_hand = (784 * 512 + 512) + (512 * 512 + 512) + (512 * 10 + 10)
assert total == by_hand == 669_706
print(f"parameters: {total:,}")

# %% [markdown]
# The first weight matrix alone holds about 60 % of them, because it connects every one of the 784 pixels
# to every one of the 512 neurons of the first hidden layer; the second about 39 %, and the last
# weight matrix and all the biases together less than 1 %. The bar chart below uses a log scale so
# that the bias bars are visible at all.

# %%
names = [name for name, _ in model.named_parameters()]
counts = [p.numel() for p in model.parameters()]
shares = [c / total for c in counts]
print("share per tensor:", ", ".join(f"{s:.1%}" for s in shares))
assert 0.59 < shares[0] < 0.61 and 0.38 < shares[2] < 0.40  # first and second weight matrix
assert sum(shares[1::2]) + shares[4] < 0.01  # the biases and the last weight matrix

# %%
fig, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
bars = ax.bar(range(len(counts)), counts, color=["C0" if n.endswith("weight") else "C1" for n in names])
ax.bar_label(bars, labels=[f"{c:,}" for c in counts])
ax.set_xticks(range(len(names)), [n.replace("linear_relu_stack.", "") for n in names])
ax.set_yscale("log")
ax.set_ylim(1, 3e6)
ax.set_xlabel("linear_relu_stack.…")
ax.set_title("parameters per tensor / 텐서별 매개변수 수 (log scale)")
show(fig)

# %% [markdown]
# ## Memory in bytes
#
# Each element takes `element_size()` bytes — 4 for `float32`, the default — so the parameters alone
# need 2.68 MB (2.55 MiB; 1 MB is 10⁶ bytes, 1 MiB is 2²⁰ bytes). Training needs more: every parameter
# tensor gets a gradient of the same shape (next section), and some optimizers keep further tensors of
# that shape for every parameter ([lesson 08](08_save_and_load.ipynb) shows one).

# %%
n_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
print("dtype:", first.dtype, "| bytes per element:", first.element_size())
print(f"bytes: {n_bytes:,} = {n_bytes / 1e6:.2f} MB = {n_bytes / 2**20:.2f} MiB")
assert n_bytes == 4 * total

# %% [markdown]
# ## `requires_grad`
#
# Every parameter has `requires_grad=True`, so autograd records the operations that use it (the
# `grad_fn=` you saw on printed tensors in lesson 04 is that record). `backward()` then leaves, in
# each parameter's `.grad`, a gradient of the same shape. Called without arguments, `backward()`
# needs an output with a single element, so we add up the logits; lesson 07 uses the value of a loss
# function instead of that sum, but any single number computed from the parameters shows where
# gradients go.

# %%
X = torch.rand(3, 28, 28, device=device)  # a minibatch of 3 random images
print(".grad before any backward():", model.linear_relu_stack[0].weight.grad)

model(X).sum().backward()  # (3, 10) logits -> one number -> gradients
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad}  grad {tuple(param.grad.shape)}")

# %% [markdown]
# ## Freezing a layer
#
# `requires_grad_(False)` on a module switches it off for all of that module's parameters: autograd no
# longer computes their gradients. This is how you keep part of a model fixed during training, for
# example a pretrained layer (one already trained on other data). Freezing does not delete a gradient that is
# already there, though: the frozen weight keeps the `.grad` from the `backward()` above, untouched.

# %%
first_layer = model.linear_relu_stack[0]
first_layer.requires_grad_(False)  # freeze the first Linear layer
old_grad = first_layer.weight.grad.clone()  # left by the backward() above

model(X).sum().backward()
grad = first_layer.weight.grad
print("frozen weight: .grad is None:", grad is None, "| same as before:", torch.equal(grad, old_grad))

# %% [markdown]
# `model.zero_grad()` sets every `.grad` to `None` (its default, `set_to_none=True`). After that,
# `backward()` gives the trainable parameters a new gradient and leaves the frozen ones at `None`.

# %%
model.zero_grad()  # every .grad becomes None
model(X).sum().backward()
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad!s:<5}  grad is None: {param.grad is None}")

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable: {trainable:,} of {total:,}")

# %% [markdown]
# The leftover gradient matters once an optimizer does the updates ([lesson 07](07_training_basics.ipynb)):
# it updates every parameter it was given that has a `.grad`, and it does not look at `requires_grad`,
# so a stale gradient would still move a frozen layer. So clear the gradients with `zero_grad()` after
# freezing, and give the optimizer only the parameters to be trained:
# `[p for p in model.parameters() if p.requires_grad]`.

# %% [markdown]
# ## `state_dict()`
#
# `model.state_dict()` returns an ordered dictionary from names to tensors: everything needed to
# restore the model's state, and what you save to disk ([lesson 08](08_save_and_load.ipynb)). For this
# model its keys are exactly the parameter names.

# %%
sd = model.state_dict()
print(type(sd).__name__)
for key, tensor in sd.items():
    print(f"{key:<28} {tuple(tensor.shape)}")
print("same keys as named_parameters():", list(sd) == [name for name, _ in model.named_parameters()])

# %% [markdown]
# ## Buffers: state that is not a parameter
#
# Some layers keep state besides their parameters: values that are not learned from gradients but
# computed from the data passing through. A batch normalization layer, `nn.BatchNorm1d`, normalises
# each feature: it subtracts the current minibatch's mean and divides by its standard deviation
# ([lesson 06](06_nn_vs_functional.ipynb) comes back to it).
#
# `nn.BatchNorm1d` has two parameters, `weight` and `bias`, which multiply and shift the normalised
# values, so that training can choose each feature's output standard deviation and mean. On top of
# those it has three buffers: `running_mean`, `running_var` and `num_batches_tracked`. Its buffers
# appear in `state_dict()` but not in `parameters()`, so an optimizer, which is handed only the
# parameters, never touches them.

# %%
bn_model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
print("parameters:", [name for name, _ in bn_model.named_parameters()])
print("buffers:   ", [name for name, _ in bn_model.named_buffers()])
print("state_dict:", list(bn_model.state_dict()))

# %% [markdown]
# A `BatchNorm1d` updates its buffers with no optimizer involved: its own `forward` code, which runs
# in the forward pass, changes them. A buffer itself is simply a value the module keeps, so not every
# buffer changes by itself like this.
#
# A new module is in training mode, and in training mode every minibatch moves the running mean 10 % of
# the remaining way towards that minibatch's mean. The `momentum` argument sets that fraction; its
# default is 0.1. An optimizer has an argument of the same name ([lesson 08](08_save_and_load.ipynb)),
# but the two are unrelated. In evaluation mode ([lesson 09](09_train_and_evaluate.ipynb)) batch norm
# normalises with the running mean and running variance instead of the minibatch's own mean and
# variance, and does not update them.

# %%
bn = bn_model[1]
batch = torch.randn(8, 4)
with torch.no_grad():
    features = bn_model[0](batch)  # (8, 4) -> (8, 3): what the BatchNorm1d layer will see
print("running_mean before:", bn.running_mean)
bn_model(batch)  # one forward pass in training mode
print("running_mean after: ", bn.running_mean)
print("num_batches_tracked:", bn.num_batches_tracked)
print("== 0.1 * batch mean:", torch.allclose(bn.running_mean, 0.1 * features.mean(dim=0)))
assert torch.allclose(bn.running_mean, 0.1 * features.mean(dim=0))

# %% [markdown]
# The buffers are part of the trained model, so you save a `state_dict()` rather than a list of
# parameters. Note too that the tensors in a `state_dict()` are detached from autograd's record:
# they have `requires_grad=False` even where the parameter they come from has `requires_grad=True`.

# %%
small = nn.Linear(3, 2)
sd = small.state_dict()
print("parameter requires_grad: ", small.weight.requires_grad)
print("state_dict requires_grad:", sd["weight"].requires_grad)

# %% [markdown] tags=["pitfall"]
# **Pitfall: treating `state_dict()` as a copy that is separate from the model**
#
# Detached from autograd's record does not mean copied: the tensors in a `state_dict()` share their
# memory with the model's parameters (`data_ptr()` returns the same memory address for both). So an
# **in-place** edit of a `state_dict` tensor (`zero_()`, `add_()`, `copy_()`) changes the model.

# %% tags=["pitfall"]
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())
print("bias before:   ", small.bias.detach())
sd["bias"].zero_()  # in-place edit of the state_dict's tensor ...
print("after zero_(): ", small.bias.detach())  # ... and the model's bias is zero too
sd["bias"].add_(1.0)
print("after add_(1): ", small.bias.detach())

# %% [markdown] tags=["pitfall"]
# **Assigning** a new tensor to a key, on the other hand, only changes the dictionary: the key now
# points at a different tensor, and the model keeps its own.

# %% tags=["pitfall"]
sd["bias"] = torch.zeros(2)  # a new tensor under the same key
print("model bias:     ", small.bias.detach())  # unchanged
print("sd['bias']:     ", sd["bias"])
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())

# %% [markdown] tags=["pitfall"]
# The sharing bites when you keep a `state_dict()` as it is, for example as the "best model so far"
# during training. It looks like a snapshot, a copy of the values at one moment, but it shares memory
# with the model: when an optimizer updates the parameters in place, the values you kept move with them.
#
# **The fix:** take a real copy — `copy.deepcopy(model.state_dict())` (or `clone()` each tensor) —
# and to put saved values back into a model, use `load_state_dict()`, which copies them in.

# %% tags=["pitfall"]
linked = small.state_dict()  # shares memory: NOT a snapshot
snapshot = copy.deepcopy(small.state_dict())  # a real copy

with torch.no_grad():
    small.bias.sub_(0.5)  # an in-place update, like an optimizer's step
print("model bias:    ", small.bias.detach())
print("linked['bias']:", linked["bias"])  # moved with the model
print("snapshot:      ", snapshot["bias"])  # still the old values

small.load_state_dict(snapshot)  # copies the snapshot back into the parameters
print("after load:    ", small.bias.detach())

# %% [markdown]
# ## Summary
#
# - `parameters()` yields every `nn.Parameter` of a model; `named_parameters()` adds names that
#   follow the attribute path, such as `linear_relu_stack.0.weight`.
# - Count parameters with `sum(p.numel() for p in model.parameters())` — 669,706 for the
#   784-512-512-10 network, about 60 % of them in the first weight matrix — and memory with
#   `numel() * element_size()` (4 bytes per `float32`).
# - `backward()` on a single-element output leaves a gradient in each parameter's `.grad`.
#   `requires_grad_(False)` freezes parameters: they get no new gradient, but an old `.grad` stays
#   until `zero_grad()` clears it.
# - `state_dict()` maps names to tensors, parameters *and* buffers (a `BatchNorm1d`'s
#   `running_mean`, `running_var`, `num_batches_tracked`).
# - The tensors of a `state_dict()` are detached from autograd's record but share memory with the
#   model: in-place edits change the model, assigning a new tensor to a key does not. Snapshot with
#   `copy.deepcopy`, restore with `load_state_dict`.

# %% [markdown]
# ## Exercises
#
# **1.** Create a fresh `NeuralNetwork`, freeze its first *and* second `nn.Linear` layers, and count
# the trainable parameters. Check your count against the shapes by hand.

# %% tags=["solution"]
ex_model = NeuralNetwork()
ex_model.linear_relu_stack[0].requires_grad_(False)
ex_model.linear_relu_stack[2].requires_grad_(False)
ex_trainable = sum(p.numel() for p in ex_model.parameters() if p.requires_grad)
assert ex_trainable == 512 * 10 + 10  # only the last layer is left: 5,130
print(f"trainable: {ex_trainable:,}")

# %% [markdown]
# **2.** How many bytes of memory do the parameters of `NeuralNetwork` take in `bfloat16`, a 16-bit
# floating-point type? Apply `.to(torch.bfloat16)` to a fresh model and compute it.

# %% tags=["solution"]
ex_model = NeuralNetwork().to(torch.bfloat16)
ex_bytes = sum(p.numel() * p.element_size() for p in ex_model.parameters())
assert ex_bytes == 2 * 669_706  # 2 bytes per element: half of float32
print(f"bfloat16: {ex_bytes:,} bytes")

# %% [markdown]
# **3.** Set every bias of a fresh `NeuralNetwork` to zero without touching `model.parameters()`:
# edit only the tensors of its `state_dict()`, in place. Check on the model that it worked.

# %% tags=["solution"]
ex_model = NeuralNetwork()
for key, tensor in ex_model.state_dict().items():
    if key.endswith("bias"):
        tensor.zero_()  # in place: shares memory with the parameter
biases = [m.bias for m in ex_model.linear_relu_stack if isinstance(m, nn.Linear)]
all_zero = all(torch.all(b == 0).item() for b in biases)
assert all_zero
print("all biases zero:", all_zero)

# %% [markdown]
# ## Further reading
#
# - [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html):
#   `parameters`, `named_parameters`, `get_parameter`, `named_buffers`, `requires_grad_`, `zero_grad`,
#   `state_dict`, `load_state_dict`
# - [`nn.Parameter`](https://docs.pytorch.org/docs/stable/generated/torch.nn.parameter.Parameter.html)
# - [`Tensor.numel`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.numel.html),
#   [`Tensor.element_size`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.element_size.html),
#   [`Tensor.data_ptr`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.data_ptr.html),
#   [`Tensor.requires_grad`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.requires_grad.html),
#   [`Tensor.detach`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.detach.html)
# - [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html)
# - [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`Tensor.grad`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.grad.html)
# - [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.randn`](https://docs.pytorch.org/docs/stable/generated/torch.randn.html)
# - [Autograd mechanics](https://docs.pytorch.org/docs/stable/notes/autograd.html), section "Locally disabling
#   gradient computation" (setting `requires_grad`, freezing parts of a model)
# - [Saving and loading models: what is a `state_dict`?](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)
# - Python's [`copy.deepcopy`](https://docs.python.org/3/library/copy.html)
