# ---
# jupyter:
#   course:
#     synced_with_en: 68090f01c429
# ---

# %% [markdown]
# # 모델 매개변수
#
# 신경망(neural network)이 학습하는 숫자를 매개변수(parameter)라고 합니다. 모듈(module)은 자기 안에 있는
# 모든 계층(layer)의 매개변수를 추적하고, 필요한 곳에 이름과 함께 내어 줍니다. 받는 쪽은 우리 자신일
# 수도, 옵티마이저(optimizer)일 수도, 모델을 저장할 때 쓰는 `state_dict()`일 수도 있습니다.
#
# **이 강의에서 배울 내용**
#
# - `parameters()`와 `named_parameters()`로 모델의 매개변수를 나열하는 방법과 이름의 의미
# - 매개변수 개수와 매개변수가 차지하는 메모리를 계산하는 방법
# - `requires_grad`의 역할과, 학습이 건드리지 않도록 계층을 고정(freeze)하는 방법
# - `state_dict()`에 담기는 매개변수*와* 버퍼(buffer), 그리고 그 텐서(tensor)들이 모델과 어떻게
#   연결되어 있는지
#
# **사전 지식:** 03강의 `NeuralNetwork` 클래스와 04강의 계층, 컨테이너(container).

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
# ## 03강의 신경망
#
# 03강의 FashionMNIST 신경망을 다시 만듭니다. 입력 784개, 뉴런(neuron) 512개짜리 은닉층(hidden layer) 두 개,
# 로짓(logit) 10개로 이루어져 있습니다.

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
        logits = self.linear_relu_stack(x)  # (N, 784) -> (N, 10): 로짓
        return logits


model = NeuralNetwork().to(device)
print(model)

# %% [markdown]
# ## `parameters()`
#
# `model.parameters()`는 모든 하위 모듈의 매개변수를 등록된 순서대로 내어 줍니다.
# 각각은 `nn.Parameter`입니다. `nn.Parameter`는 텐서의 하위 클래스로, 모듈의 속성에 대입하면 모듈이
# 자동으로 등록합니다.

# %%
for param in model.parameters():
    print(type(param).__name__, tuple(param.shape))

first = next(model.parameters())
print("is a Tensor:", isinstance(first, torch.Tensor), "| is a Parameter:", isinstance(first, nn.Parameter))

# %% [markdown]
# ## `named_parameters()`
#
# `named_parameters()`는 `(이름, 매개변수)` 쌍을 내어 줍니다. 이름은 그 텐서에 이르는 속성 경로입니다.
# `linear_relu_stack.0.weight`는 `linear_relu_stack` 안에 있는 `0`번 모듈의 `weight`라는 뜻입니다.
# 1번과 3번이 빠진 것은 ReLU에 매개변수가 없기 때문입니다.

# %%
for name, param in model.named_parameters():
    print(f"{name:<28} {tuple(param.shape)}")

same = model.get_parameter("linear_relu_stack.0.weight") is model.linear_relu_stack[0].weight
print("name leads to the same tensor:", same)

# %% [markdown]
# ## 매개변수 개수 세기
#
# 모델의 크기는 매개변수마다 `numel()`(원소 개수)을 구해 더한 값입니다.
# `nn.Linear(in, out)` 하나에는 가중치(weight) $\text{in} \cdot \text{out}$개와 편향(bias) $\text{out}$개가 있습니다.
#
# $$784 \cdot 512 + 512 + 512 \cdot 512 + 512 + 512 \cdot 10 + 10 = 669\,706$$

# %%
total = sum(p.numel() for p in model.parameters())
by_hand = (784 * 512 + 512) + (512 * 512 + 512) + (512 * 10 + 10)
assert total == by_hand == 669_706
print(f"parameters: {total:,}")

# %% [markdown]
# 매개변수는 대부분 첫 번째 가중치 행렬에 있습니다. 픽셀 784개 하나하나를 은닉층 뉴런 512개 하나하나와
# 잇기 때문입니다. 편향 막대도 보이도록 세로축에는 로그 눈금을 씁니다.

# %%
names = [name for name, _ in model.named_parameters()]
counts = [p.numel() for p in model.parameters()]
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
# ## 메모리(바이트)
#
# 원소 하나는 `element_size()` 바이트를 차지합니다. 기본 자료형인 `float32`는 4바이트이므로
# 매개변수만으로 약 2.7 MB(2.55 MiB)가 필요합니다. 학습할 때는 더 듭니다. 매개변수마다 같은 크기의
# 기울기(gradient)가 생기고, Adam 같은 옵티마이저는 매개변수마다 텐서를 두 개 더 보관합니다.

# %%
n_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
print("dtype:", first.dtype, "| bytes per element:", first.element_size())
print(f"bytes: {n_bytes:,} = {n_bytes / 2**20:.2f} MiB")
assert n_bytes == 4 * total

# %% [markdown]
# ## `requires_grad`
#
# 모든 매개변수는 `requires_grad=True`이므로 autograd가 이 매개변수를 쓰는 연산을 기록합니다(04강에서
# 출력한 텐서 끝에 붙어 있던 `grad_fn=`이 바로 이 기록입니다). 그 덕분에 `backward()`가 각 매개변수의
# `.grad`에 같은 모양의 기울기를 남깁니다.

# %%
loss_fn = nn.CrossEntropyLoss()
X = torch.rand(3, 28, 28, device=device)  # 무작위 이미지 3장짜리 미니배치
y = torch.tensor([0, 1, 2], device=device)  # 임의로 정한 레이블

loss = loss_fn(model(X), y)
loss.backward()
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad}  grad {tuple(param.grad.shape)}")

# %% [markdown]
# ## 계층 고정하기
#
# 모듈에 `requires_grad_(False)`를 호출하면 그 모듈의 모든 매개변수에 적용됩니다. autograd가 더는
# 기울기를 계산하지 않으므로 `backward()` 뒤에도 `.grad`는 `None`으로 남습니다. 사전 학습된 계층처럼
# 모델의 일부를 그대로 두고 싶을 때 이렇게 합니다.

# %%
model.linear_relu_stack[0].requires_grad_(False)  # 첫 번째 Linear 계층을 고정
model.zero_grad()  # 이전 기울기를 지움 (None으로 설정)

loss_fn(model(X), y).backward()
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad!s:<5}  grad is None: {param.grad is None}")

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable: {trainable:,} of {total:,}")

# %% [markdown]
# 옵티마이저는 건네받은 매개변수만 바꿉니다. 학습할 매개변수만 건네면 의도가 코드에 드러납니다.
# SGD는 `.grad`가 `None`인 매개변수를 어차피 건너뛰지만, 그 동작에 기대지 않는 편이 명확합니다.
# 한 번 갱신하고 나면 고정하지 않은 텐서만 바뀌어 있습니다.

# %%
optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
before = {name: p.detach().clone() for name, p in model.named_parameters()}

optimizer.zero_grad()
loss_fn(model(X), y).backward()
optimizer.step()
for name, param in model.named_parameters():
    print(f"{name:<28} changed: {not torch.equal(before[name], param)}")

# %% [markdown]
# ## `state_dict()`
#
# `model.state_dict()`는 이름을 텐서에 대응시킨 순서 있는 딕셔너리를 돌려줍니다. 모델의 상태를
# 되살리는 데 필요한 모든 것이 들어 있고, 디스크에 저장하는 것도 이 딕셔너리입니다(08강). 이 모델에서는
# 키가 매개변수 이름과 정확히 같습니다.

# %%
sd = model.state_dict()
print(type(sd).__name__)
for key, tensor in sd.items():
    print(f"{key:<28} {tuple(tensor.shape)}")
print("same keys as named_parameters():", list(sd) == [name for name, _ in model.named_parameters()])

# %% [markdown]
# ## 버퍼: 매개변수가 아닌 상태
#
# 경사 하강법(gradient descent)으로 학습하지 않는 상태를 보관하는 계층도 있습니다. `nn.BatchNorm1d`에는
# 매개변수 두 개(`weight`, `bias`)와 *버퍼* 세 개(`running_mean`, `running_var`, `num_batches_tracked`)가
# 있습니다. 버퍼는 `state_dict()`에는 들어가지만 `parameters()`에는 나오지 않으므로, 옵티마이저는 버퍼를
# 보지 못합니다.

# %%
bn_model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
print("parameters:", [name for name, _ in bn_model.named_parameters()])
print("buffers:   ", [name for name, _ in bn_model.named_buffers()])
print("state_dict:", list(bn_model.state_dict()))

# %% [markdown]
# 버퍼는 순전파(forward pass)가 직접 갱신합니다. 학습 모드(training mode)에서는 미니배치(minibatch)가
# 지나갈 때마다 이동 평균(running mean)이 그 미니배치의 평균 쪽으로 10%(`momentum=0.1`)만큼 움직입니다.
# 옵티마이저는 전혀 관여하지 않습니다.

# %%
bn = bn_model[1]
batch = torch.randn(8, 4)
with torch.no_grad():
    features = bn_model[0](batch)  # (8, 4) -> (8, 3): BatchNorm1d 계층이 받을 입력
print("running_mean before:", bn.running_mean)
bn_model(batch)  # 학습 모드에서 순전파 한 번
print("running_mean after: ", bn.running_mean)
print("num_batches_tracked:", bn.num_batches_tracked)
print("== 0.1 * batch mean:", torch.allclose(bn.running_mean, 0.1 * features.mean(dim=0)))
assert torch.allclose(bn.running_mean, 0.1 * features.mean(dim=0))

# %% [markdown]
# 그래서 매개변수 목록이 아니라 `state_dict()`를 저장합니다. 버퍼도 학습된 모델의 일부이기 때문입니다.
# 또 `state_dict()`의 텐서는 autograd 그래프에서 *떼어 낸(detached)* 텐서라서, 원래 매개변수가
# `requires_grad=True`여도 `requires_grad=False`입니다.

# %%
small = nn.Linear(3, 2)
sd = small.state_dict()
print("parameter requires_grad: ", small.weight.requires_grad)
print("state_dict requires_grad:", sd["weight"].requires_grad)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: "state_dict는 모델과 연결되어 있지 않다"**
#
# 절반만 맞는 말입니다. 떼어 냈다고 해서 복사한 것은 아닙니다. `state_dict()`의 텐서는 모델의
# 매개변수와 저장 공간을 공유합니다(메모리 주소 `data_ptr()`가 같습니다). 그래서 `state_dict`의 텐서를
# **제자리(in-place)에서** 고치면(`zero_()`, `add_()`, `copy_()`) 모델이 바뀝니다.

# %% tags=["pitfall"]
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())
print("bias before:   ", small.bias.detach())
sd["bias"].zero_()  # state_dict의 텐서를 제자리에서 고치면 ...
print("after zero_(): ", small.bias.detach())  # ... 모델의 편향도 0이 됨
sd["bias"].add_(1.0)
print("after add_(1): ", small.bias.detach())

# %% [markdown] tags=["pitfall"]
# 반면 키에 새 텐서를 **대입하면** 딕셔너리만 바뀝니다. 키가 다른 텐서를 가리키게 될 뿐이고,
# 모델의 텐서는 그대로입니다.

# %% tags=["pitfall"]
sd["bias"] = torch.zeros(2)  # 같은 키에 새 텐서
print("model bias:     ", small.bias.detach())  # 그대로
print("sd['bias']:     ", sd["bias"])
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())

# %% [markdown] tags=["pitfall"]
# 이 공유가 문제를 일으키는 것은 학습 중에 "지금까지 가장 좋은 모델"처럼 `state_dict()`를 스냅숏으로
# 보관할 때입니다. 옵티마이저가 매개변수를 제자리에서 갱신하므로 스냅숏도 함께 바뀝니다.
# 바로잡으려면 진짜 복사본을 만들어야 합니다. `copy.deepcopy(model.state_dict())`를 쓰거나 텐서마다
# `clone()`을 하세요. 모델에 값을 넣을 때는 값을 복사해 넣는 `load_state_dict()`를 씁니다.

# %% tags=["pitfall"]
optimizer = torch.optim.SGD(small.parameters(), lr=0.5)
linked = small.state_dict()  # 저장 공간을 공유함: 스냅숏이 아님
snapshot = copy.deepcopy(small.state_dict())  # 진짜 복사본

optimizer.zero_grad()
small(torch.ones(1, 3)).sum().backward()
optimizer.step()  # small.bias를 제자리에서 갱신
print("model bias:    ", small.bias.detach())
print("linked['bias']:", linked["bias"])  # 모델과 함께 바뀜
print("snapshot:      ", snapshot["bias"])  # 예전 값 그대로

small.load_state_dict(snapshot)  # 스냅숏을 매개변수에 복사해 넣음
print("after load:    ", small.bias.detach())

# %% [markdown]
# ## 요약
#
# - `parameters()`는 모델의 모든 `nn.Parameter`를 내어 주고, `named_parameters()`는 여기에
#   `linear_relu_stack.0.weight`처럼 속성 경로를 따르는 이름을 붙여 줍니다.
# - 매개변수 개수는 `sum(p.numel() for p in model.parameters())`로 셉니다(784-512-512-10 신경망은
#   669,706개). 메모리는 `numel() * element_size()`입니다(`float32`는 원소당 4바이트).
# - `requires_grad_(False)`로 매개변수를 고정하면 `backward()` 뒤에 기울기가 생기지 않습니다.
#   옵티마이저에는 바뀌어야 할 매개변수만 건넵니다.
# - `state_dict()`는 이름을 텐서에 대응시키며, 매개변수*와* 버퍼(`BatchNorm1d`의 `running_mean`,
#   `running_var`, `num_batches_tracked`)를 모두 담습니다.
# - 그 텐서들은 떼어 낸 텐서지만 모델과 저장 공간을 공유합니다. 제자리에서 고치면 모델이 바뀌지만, 키에
#   새 텐서를 대입하면 바뀌지 않습니다. 스냅숏은 `copy.deepcopy`로 만들고, 복원은 `load_state_dict`로
#   합니다.

# %% [markdown]
# ## 연습 문제
#
# **1.** 새 `NeuralNetwork`를 만들고 첫 번째*와* 두 번째 `nn.Linear` 계층을 고정한 다음, 학습 가능한
# 매개변수 개수를 세세요. 모양으로 직접 계산한 값과 맞는지도 확인하세요.

# %% tags=["solution"]
ex_model = NeuralNetwork()
ex_model.linear_relu_stack[0].requires_grad_(False)
ex_model.linear_relu_stack[2].requires_grad_(False)
ex_trainable = sum(p.numel() for p in ex_model.parameters() if p.requires_grad)
assert ex_trainable == 512 * 10 + 10  # 마지막 계층만 남음: 5,130
print(f"trainable: {ex_trainable:,}")

# %% [markdown]
# **2.** `NeuralNetwork`의 매개변수는 `bfloat16`에서 몇 바이트를 차지할까요? 새 모델을
# `.to(torch.bfloat16)`으로 바꿔서 측정해 보세요.

# %% tags=["solution"]
ex_model = NeuralNetwork().to(torch.bfloat16)
ex_bytes = sum(p.numel() * p.element_size() for p in ex_model.parameters())
assert ex_bytes == 2 * 669_706  # 원소당 2바이트: float32의 절반
print(f"bfloat16: {ex_bytes:,} bytes")

# %% [markdown]
# **3.** 새 `NeuralNetwork`의 편향을 모두 0으로 만드세요. 단, `model.parameters()`는 건드리지 말고
# `state_dict()`를 제자리에서 고쳐서 하세요. 모델에서 제대로 바뀌었는지 확인하세요.

# %% tags=["solution"]
ex_model = NeuralNetwork()
for key, tensor in ex_model.state_dict().items():
    if key.endswith("bias"):
        tensor.zero_()  # 제자리 수정: 매개변수와 저장 공간을 공유함
biases = [m.bias for m in ex_model.linear_relu_stack if isinstance(m, nn.Linear)]
all_zero = all(torch.all(b == 0).item() for b in biases)
assert all_zero
print("all biases zero:", all_zero)

# %% [markdown]
# ## 더 읽을거리
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
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html)
# - [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.randn`](https://docs.pytorch.org/docs/stable/generated/torch.randn.html)
# - [Autograd 동작 방식(Autograd mechanics)](https://docs.pytorch.org/docs/stable/notes/autograd.html)의
#   "Locally disabling gradient computation" 절(`requires_grad` 설정, 모델 일부 고정하기)
# - [모델 저장하고 불러오기: `state_dict`란?](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)
# - 파이썬 [`copy.deepcopy`](https://docs.python.org/3/library/copy.html)
