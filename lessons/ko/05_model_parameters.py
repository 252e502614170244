# ---
# jupyter:
#   course:
#     synced_with_en: c6abe7992bf1
# ---

# %% [markdown]
# # 모델 매개변수
#
# 신경망(neural network)에서 학습으로 값이 바뀌는 숫자를 매개변수(parameter)라고 합니다. 모듈(module)은
# 그 안에 든 모든 계층(layer)의 매개변수를 빠짐없이 관리하다가, 요청하면 이름과 함께 내줍니다. 이렇게 내준
# 매개변수는 코드를 작성하는 사람이 직접 살펴보기도 하고, 옵티마이저(optimizer,
# [07강](07_training_basics.ipynb))가 학습 중에 갱신하기도 하며, 모델을 저장할 때는 `state_dict()`에 담깁니다.
#
# **이 강의에서 배울 내용**
#
# - `parameters()`와 `named_parameters()`로 모델의 매개변수를 나열하고 그 이름을 읽는 방법
# - 매개변수 개수와 매개변수가 차지하는 메모리를 계산하는 방법
# - `requires_grad`와 `.grad`의 역할, 그리고 계층이 새 기울기(gradient)를 받지 않도록 고정(freeze)하는 방법
# - 매개변수뿐 아니라 버퍼(buffer)까지 담는 `state_dict()`, 그리고 `state_dict()`의 텐서(tensor)가 모델과
#   메모리를 공유한다는 점
#
# **사전 지식:** 01강의 `torch.no_grad()` 안에서 매개변수에 값 쓰기, 02강의 `backward()`로 기울기
# 계산하기, 03강에서 만든 `NeuralNetwork` 모델, 04강의 계층과 컨테이너(container).

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
# 03강의 FashionMNIST 신경망을 다시 만들어 장치(device)로 옮깁니다. 입력 784개, 뉴런(neuron) 512개짜리
# 은닉층(hidden layer) 두 개, 로짓(logit) 10개로 이루어진 신경망입니다. 이 페이지는 CPU에서 실행해
# 만들었으므로 바로 위 셀에는 `device: cpu`가 나옵니다. GPU가 있는 컴퓨터에서 실행하면 `cpu` 대신 `cuda`나
# `mps`가 나옵니다.

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
# `model.parameters()`는 매개변수 텐서를 하나씩 차례로 내주며, 순서는 모듈 구조를 따릅니다. 각 모듈에
# 직접 등록된 매개변수가 등록 순서대로 먼저 나오고, 그다음에 하위 모듈의 매개변수가 나옵니다. 두 계층이
# 함께 쓰는 매개변수는 한 번만 나옵니다. 나오는 값은 모두 `nn.Parameter`입니다. `nn.Parameter`는
# `torch.Tensor`를 상속한 파이썬 클래스로, 모듈의 속성에 대입하기만 하면 모듈이 알아서 매개변수로
# 등록합니다.

# %%
for param in model.parameters():
    print(type(param).__name__, tuple(param.shape))

first = next(model.parameters())
print("is a Tensor:", isinstance(first, torch.Tensor), "| is a Parameter:", isinstance(first, nn.Parameter))

# %% [markdown]
# ## `named_parameters()`
#
# `named_parameters()`는 `(이름, 매개변수)` 쌍을 내줍니다. 이름은 모델에서 그 텐서까지 따라가는 속성
# 경로입니다. 예를 들어 `linear_relu_stack.0.weight`는 `linear_relu_stack` 안의 `0`번 모듈에 있는 `weight`입니다.
# ReLU에는 매개변수가 없어서 1번과 3번은 목록에 나오지 않습니다. 거꾸로 `get_parameter()`에 이런 이름을
# 넘기면 그 이름이 가리키는 텐서를 찾아 줍니다.

# %%
for name, param in model.named_parameters():
    print(f"{name:<28} {tuple(param.shape)}")

same = model.get_parameter("linear_relu_stack.0.weight") is model.linear_relu_stack[0].weight
print("name leads to the same tensor:", same)

# %% [markdown]
# ## 매개변수 개수 세기
#
# 모델의 매개변수 개수는 매개변수 텐서마다 `numel()`(원소 개수)을 구해 모두 더한 값입니다.
# `nn.Linear(in, out)` 하나에는 가중치(weight)가 $\text{in} \cdot \text{out}$개, 편향(bias)이 $\text{out}$개 있습니다.
#
# $$784 \cdot 512 + 512 + 512 \cdot 512 + 512 + 512 \cdot 10 + 10 = \text{669,706}$$

# %%
total = sum(p.numel() for p in model.parameters())
by_hand = (784 * 512 + 512) + (512 * 512 + 512) + (512 * 10 + 10)
assert total == by_hand == 669_706
print(f"parameters: {total:,}")

# %% [markdown]
# 첫 번째 가중치 행렬 하나에 매개변수의 약 60%가 몰려 있습니다. 픽셀 784개가 저마다 첫 번째 은닉층의
# 뉴런 512개와 모두 이어지기 때문입니다. 두 번째 가중치 행렬이 약 39%이고, 마지막 가중치 행렬과 편향을
# 모두 합쳐도 1%가 안 됩니다. 아래 막대그래프는 편향 막대도 보이도록 세로축을 로그 눈금으로 그립니다.

# %%
names = [name for name, _ in model.named_parameters()]
counts = [p.numel() for p in model.parameters()]
shares = [c / total for c in counts]
print("share per tensor:", ", ".join(f"{s:.1%}" for s in shares))
assert 0.59 < shares[0] < 0.61 and 0.38 < shares[2] < 0.40  # 첫 번째와 두 번째 가중치 행렬
assert sum(shares[1::2]) + shares[4] < 0.01  # 편향 전부와 마지막 가중치 행렬

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
# ## 메모리(바이트)
#
# 원소 하나가 차지하는 바이트 수는 `element_size()`로 알 수 있습니다. 기본 자료형(dtype)인 `float32`는
# 원소당 4바이트이므로 매개변수만으로 2.68 MB(2.55 MiB)가 필요합니다(1 MB는 10⁶바이트, 1 MiB는
# 2²⁰바이트). 학습할 때는 메모리가 더 듭니다. 매개변수 텐서마다 모양이 같은 기울기가 하나씩 생기고(다음
# 절에서 봅니다), 옵티마이저에 따라서는 매개변수 텐서마다 모양이 같은 텐서를 하나 이상 더 보관하기도
# 합니다([08강](08_save_and_load.ipynb)에서 그런 예를 봅니다).

# %%
n_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
print("dtype:", first.dtype, "| bytes per element:", first.element_size())
print(f"bytes: {n_bytes:,} = {n_bytes / 1e6:.2f} MB = {n_bytes / 2**20:.2f} MiB")
assert n_bytes == 4 * total

# %% [markdown]
# ## `requires_grad`
#
# 매개변수는 모두 `requires_grad=True`입니다. 그래서 autograd가 매개변수를 쓰는 연산을 기록합니다.
# 04강에서 화면에 표시한 텐서 끝에 붙어 있던 `grad_fn=`이 바로 그 기록입니다. `backward()`는 이 기록을
# 따라가며 매개변수와 모양이 같은 기울기를 각 매개변수의 `.grad`에 남깁니다. 인자 없이 호출하는
# `backward()`는 원소가 하나뿐인 출력에만 쓸 수 있으므로, 여기서는 로짓을 모두 더해 숫자 하나로
# 만듭니다. 07강에서는 로짓의 합 대신 손실 함수(loss function)로 계산한 값을 쓰지만, 기울기가 어디에
# 생기는지 보기만 할 때는 매개변수로 계산한 숫자라면 무엇이든 괜찮습니다.

# %%
X = torch.rand(3, 28, 28, device=device)  # 무작위 이미지 3장짜리 미니배치
print(".grad before any backward():", model.linear_relu_stack[0].weight.grad)

model(X).sum().backward()  # (3, 10) 로짓 -> 숫자 하나 -> 기울기
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad}  grad {tuple(param.grad.shape)}")

# %% [markdown]
# ## 계층 고정하기
#
# 모듈의 `requires_grad_(False)`를 호출하면 그 모듈에 든 모든 매개변수의 `requires_grad`가 `False`로
# 바뀌고, autograd는 이 매개변수들의 기울기를 더 이상 계산하지 않습니다. 사전 학습된(pretrained)
# 계층, 즉 다른 데이터로 이미 학습해 둔 계층처럼 모델의 일부를 학습하는 동안 그대로 두고 싶을 때 이렇게
# 합니다.
# 다만 고정한다고 이미 있던 기울기가 지워지지는 않습니다. 고정한 가중치의 `.grad`에는 앞에서 호출한
# `backward()`가 남긴 기울기가 그대로 있습니다.

# %%
first_layer = model.linear_relu_stack[0]
first_layer.requires_grad_(False)  # 첫 번째 Linear 계층 고정
old_grad = first_layer.weight.grad.clone()  # 앞의 backward()가 남긴 기울기

model(X).sum().backward()
grad = first_layer.weight.grad
print("frozen weight: .grad is None:", grad is None, "| same as before:", torch.equal(grad, old_grad))

# %% [markdown]
# `model.zero_grad()`는 모든 `.grad`를 `None`으로 되돌립니다(기본값인 `set_to_none=True`일 때). 그다음에
# `backward()`를 호출하면 고정하지 않은 매개변수에만 새 기울기가 생기고, 고정한 매개변수의 `.grad`는
# `None`으로 남습니다.

# %%
model.zero_grad()  # 모든 .grad를 None으로
model(X).sum().backward()
for name, param in model.named_parameters():
    print(f"{name:<28} requires_grad={param.requires_grad!s:<5}  grad is None: {param.grad is None}")

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable: {trainable:,} of {total:,}")

# %% [markdown]
# 남아 있던 기울기는 옵티마이저로 매개변수를 갱신할 때([07강](07_training_basics.ipynb)) 문제가 됩니다.
# 옵티마이저는 넘겨받은 매개변수 가운데 `.grad`가 있는 것을 모두 갱신하고, `requires_grad`는 확인하지
# 않습니다. 그래서 예전 기울기가 남아 있으면 고정한 계층의 매개변수도 바뀝니다. 계층을 고정한 뒤에는
# `zero_grad()`로 기울기를 지우고, 옵티마이저에는 `[p for p in model.parameters() if p.requires_grad]`처럼
# 학습할 매개변수만 넘기세요.

# %% [markdown]
# ## `state_dict()`
#
# `model.state_dict()`는 이름과 텐서를 짝지은 순서 있는 딕셔너리를 돌려줍니다. 모델의 상태를 되살리는
# 데 필요한 것이 모두 들어 있고, 모델을 디스크에 저장할 때도 이 딕셔너리를 씁니다([08강](08_save_and_load.ipynb)).
# 이 모델에서는 키가 매개변수 이름과 정확히 같습니다.

# %%
sd = model.state_dict()
print(type(sd).__name__)
for key, tensor in sd.items():
    print(f"{key:<28} {tuple(tensor.shape)}")
print("same keys as named_parameters():", list(sd) == [name for name, _ in model.named_parameters()])

# %% [markdown]
# ## 버퍼: 매개변수가 아닌 상태
#
# 어떤 계층은 매개변수 말고도 상태를 보관합니다. 이 상태는 기울기로 학습하는 값이 아니라, 계층을
# 지나가는 데이터로 계산하는 값입니다. 배치 정규화(batch normalization) 계층인 `nn.BatchNorm1d`가
# 그렇습니다. 이 계층은 특성(feature)마다 현재 미니배치(minibatch)의 평균을 빼고 표준편차로
# 나눕니다([06강](06_nn_vs_functional.ipynb)에서 다시 다룹니다).
#
# `nn.BatchNorm1d`에는 정규화한 값에 곱하고 더하는 매개변수 두 개(`weight`, `bias`)가 있어서, 특성마다
# 출력의 표준편차와 평균을 학습으로 정할 수 있습니다. 여기에 버퍼 세 개(`running_mean`, `running_var`,
# `num_batches_tracked`)가 더 있습니다. 이 버퍼들은 `state_dict()`에는 들어가지만 `parameters()`에는
# 나오지 않습니다. 옵티마이저는 `parameters()`가 내주는 매개변수만 넘겨받으므로 버퍼는 건드리지 않습니다.

# %%
bn_model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
print("parameters:", [name for name, _ in bn_model.named_parameters()])
print("buffers:   ", [name for name, _ in bn_model.named_buffers()])
print("state_dict:", list(bn_model.state_dict()))

# %% [markdown]
# `BatchNorm1d`는 옵티마이저 없이도 버퍼를 갱신합니다. 순전파(forward pass) 때 실행되는 `BatchNorm1d`의
# `forward` 코드가 버퍼를 직접 고치기 때문입니다. 버퍼 자체는 모듈이 보관하는 값일 뿐이어서, 모든 버퍼가
# 이렇게 저절로 바뀌지는 않습니다.
#
# 새로 만든 모듈은 학습 모드(training mode)입니다. 학습 모드에서는 미니배치가 하나 지나갈 때마다 이동
# 평균(running mean)이 그 미니배치의 평균 쪽으로 남은 거리의 10%만큼 다가갑니다. 이 비율은 `momentum`
# 인자로 정하며 기본값은 0.1입니다. 옵티마이저에도 이름이 같은 인자가 있지만([08강](08_save_and_load.ipynb)),
# 둘은 서로 관계가 없습니다. 평가 모드(evaluation mode, [09강](09_train_and_evaluate.ipynb))에서는
# 미니배치의 평균과 분산 대신 이동 평균과 이동 분산(running variance)으로 정규화하고, 이 둘을 갱신하지
# 않습니다.

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
# 버퍼도 학습된 모델의 일부이므로, 모델을 저장할 때는 매개변수 목록이 아니라 `state_dict()`를
# 저장합니다. 또 `state_dict()`의 텐서는 autograd의 연산 기록에서 떼어 낸(detached) 텐서이므로, 원래
# 매개변수는 `requires_grad=True`여도 이 텐서는 `requires_grad=False`입니다.

# %%
small = nn.Linear(3, 2)
sd = small.state_dict()
print("parameter requires_grad: ", small.weight.requires_grad)
print("state_dict requires_grad:", sd["weight"].requires_grad)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `state_dict()`를 모델과 분리된 복사본으로 여기기**
#
# 연산 기록에서 떼어 냈다고 해서 값을 복사한 것은 아닙니다. `state_dict()`의 텐서는 모델의 매개변수와
# 메모리를 공유합니다(`data_ptr()`로 메모리 주소를 확인해 보면 같습니다). 그래서 `state_dict()`의 텐서를
# **제자리(in-place) 연산**(`zero_()`, `add_()`, `copy_()`)으로 고치면 모델도 바뀝니다.

# %% tags=["pitfall"]
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())
print("bias before:   ", small.bias.detach())
sd["bias"].zero_()  # state_dict의 텐서를 제자리에서 고치면 ...
print("after zero_(): ", small.bias.detach())  # ... 모델의 편향도 0
sd["bias"].add_(1.0)
print("after add_(1): ", small.bias.detach())

# %% [markdown] tags=["pitfall"]
# 반면 키에 새 텐서를 **대입하면** 딕셔너리만 바뀝니다. 그 키가 다른 텐서를 가리키게 될 뿐, 모델은
# 원래 텐서를 그대로 가지고 있습니다.

# %% tags=["pitfall"]
sd["bias"] = torch.zeros(2)  # 같은 키에 새 텐서
print("model bias:     ", small.bias.detach())  # 그대로
print("sd['bias']:     ", sd["bias"])
print("same storage:", sd["bias"].data_ptr() == small.bias.data_ptr())

# %% [markdown] tags=["pitfall"]
# 학습 도중 "지금까지 가장 좋은 모델"을 남기려고 `state_dict()`를 그대로 보관하면 문제가 생깁니다. 그
# 시점의 값을 담아 둔 복사본, 즉 스냅숏(snapshot)처럼 보이지만 실제로는 모델과 메모리를 공유하기
# 때문입니다. 옵티마이저가 매개변수를 제자리에서 갱신하면 보관해 둔 값도 덩달아 바뀝니다.
#
# **바로잡기:** 진짜 복사본을 만듭니다. `copy.deepcopy(model.state_dict())`를 쓰거나 텐서마다
# `clone()`을 호출합니다. 반대로 보관해 둔 값을 모델에 되돌려 넣을 때는 값을 복사해 넣는
# `load_state_dict()`를 씁니다.

# %% tags=["pitfall"]
linked = small.state_dict()  # 메모리 공유: 스냅숏이 아님
snapshot = copy.deepcopy(small.state_dict())  # 진짜 복사본

with torch.no_grad():
    small.bias.sub_(0.5)  # 옵티마이저의 스텝처럼 제자리에서 갱신
print("model bias:    ", small.bias.detach())
print("linked['bias']:", linked["bias"])  # 모델과 함께 바뀜
print("snapshot:      ", snapshot["bias"])  # 예전 값 그대로

small.load_state_dict(snapshot)  # 스냅숏을 매개변수에 복사해 넣음
print("after load:    ", small.bias.detach())

# %% [markdown]
# ## 요약
#
# - `parameters()`는 모델의 `nn.Parameter`를 모두 내주고, `named_parameters()`는 여기에
#   `linear_relu_stack.0.weight`처럼 속성 경로를 따른 이름을 붙여 줍니다.
# - 매개변수 개수는 `sum(p.numel() for p in model.parameters())`로 셉니다. 784-512-512-10 신경망의
#   매개변수는 669,706개이고, 그중 약 60%가 첫 번째 가중치 행렬에 있습니다. 메모리 사용량은
#   `numel() * element_size()`로 계산합니다(`float32`는 원소당 4바이트).
# - 원소가 하나인 출력에서 `backward()`를 호출하면 매개변수마다 `.grad`에 기울기가 남습니다.
#   `requires_grad_(False)`로 고정한 매개변수는 새 기울기를 받지 않지만, 예전 `.grad`는 `zero_grad()`로
#   지울 때까지 남아 있습니다.
# - `state_dict()`는 이름과 텐서를 짝지은 딕셔너리로, 매개변수는 물론 버퍼(`BatchNorm1d`의 `running_mean`,
#   `running_var`, `num_batches_tracked`)까지 담습니다.
# - `state_dict()`의 텐서는 연산 기록에서 떼어 낸 텐서지만 모델과 메모리를 공유합니다. 제자리에서 고치면
#   모델이 바뀌고, 키에 새 텐서를 대입하면 바뀌지 않습니다. 스냅숏은 `copy.deepcopy`로 만들고, 되돌릴 때는
#   `load_state_dict`를 씁니다.

# %% [markdown]
# ## 연습 문제
#
# **1.** 새 `NeuralNetwork`를 만들어 첫 번째와 두 번째 `nn.Linear` 계층을 모두 고정한 다음, 학습할 수 있는
# 매개변수가 몇 개인지 세어 보세요. 모양으로 직접 계산한 값과 맞는지도 확인하세요.

# %% tags=["solution"]
ex_model = NeuralNetwork()
ex_model.linear_relu_stack[0].requires_grad_(False)
ex_model.linear_relu_stack[2].requires_grad_(False)
ex_trainable = sum(p.numel() for p in ex_model.parameters() if p.requires_grad)
assert ex_trainable == 512 * 10 + 10  # 마지막 계층만 남음: 5,130
print(f"trainable: {ex_trainable:,}")

# %% [markdown]
# **2.** `NeuralNetwork`의 매개변수를 16비트 부동소수점 자료형인 `bfloat16`으로 바꾸면 메모리를 몇
# 바이트 차지할까요? 새 모델에 `.to(torch.bfloat16)`을 적용해 계산해 보세요.

# %% tags=["solution"]
ex_model = NeuralNetwork().to(torch.bfloat16)
ex_bytes = sum(p.numel() * p.element_size() for p in ex_model.parameters())
assert ex_bytes == 2 * 669_706  # 원소당 2바이트: float32의 절반
print(f"bfloat16: {ex_bytes:,} bytes")

# %% [markdown]
# **3.** 새 `NeuralNetwork`의 편향을 모두 0으로 만드세요. 단, `model.parameters()`는 건드리지 말고
# `state_dict()`의 텐서를 제자리에서 고치는 방법만 쓰세요. 모델에 실제로 반영되었는지도 확인하세요.

# %% tags=["solution"]
ex_model = NeuralNetwork()
for key, tensor in ex_model.state_dict().items():
    if key.endswith("bias"):
        tensor.zero_()  # 제자리에서 고침: 매개변수와 메모리 공유
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
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html)
# - [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`Tensor.grad`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.grad.html)
# - [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.randn`](https://docs.pytorch.org/docs/stable/generated/torch.randn.html)
# - [Autograd 동작 방식(Autograd mechanics, 영문)](https://docs.pytorch.org/docs/stable/notes/autograd.html)의
#   "Locally disabling gradient computation" 절(`requires_grad` 설정, 모델 일부 고정하기)
# - [모델 저장하고 불러오기: `state_dict`란?(영문)](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)
# - 한국어 자료: PyTorch 한국어 튜토리얼의
#   [모델 저장하기 & 불러오기](https://tutorials.pytorch.kr/beginner/saving_loading_models.html)
# - 파이썬 [`copy.deepcopy`](https://docs.python.org/3/library/copy.html)
