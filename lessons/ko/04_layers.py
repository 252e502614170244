# ---
# jupyter:
#   course:
#     synced_with_en: 4c31265867ad
# ---

# %% [markdown]
# # 모델 계층
#
# 신경망(neural network)은 계층(layer)으로 이루어지고, PyTorch에서는 모든 계층이 모듈(module,
# `nn.Module`)입니다. 이 강의에서는 작은 미니배치(minibatch) 하나를 03강의 FashionMNIST 모델에 쓰인
# 계층들에 차례로 통과시키며 각 계층이 하는 일을 확인합니다. 이어서 계층을 조합하는 여러 방법을
# 살펴봅니다.
#
# **이 강의에서 배울 내용**
#
# - `nn.Flatten`, `nn.Linear`, `nn.ReLU`, `nn.Sequential`, `nn.Softmax`가 미니배치의 모양(shape)을
#   계층마다 어떻게 바꾸는지
# - `OrderedDict`로 `nn.Sequential`의 계층에 이름을 붙이는 방법
# - `nn.ModuleList`와 `nn.Sequential`의 차이, 그리고 계층을 일반 파이썬 리스트에 담으면 버그가 생기는 이유
# - 여러 계층을 묶어 직접 만든 블록(block)을 더 큰 모델 안에서 재사용하는 방법(모델 안의 모델)
# - 매개변수(parameter)가 있는 계층과 없는 계층
#
# **사전 지식:** 01–03강에서 다룬 뉴런(neuron)과 `nn.Linear`, ReLU와 소프트맥스, autograd가 계산
# 결과에 붙이는 `grad_fn`, `nn.Module`을 상속한 모델과 `.to(device)`.
#
# 첫 번째 코드 셀은 `get_device()`가 고른 장치(device)를 표시합니다. 이 페이지는 GPU가 없는
# 컴퓨터에서 만들었기 때문에 `cpu`가 나옵니다. NVIDIA GPU가 있으면 `cuda`, Apple 실리콘 Mac에서는
# `mps`가 나옵니다.

# %%
from collections import OrderedDict

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()
print("device:", device)

# %% [markdown]
# ## 이미지 3장짜리 미니배치
#
# 각 계층이 하는 일을 살펴보려고, 28×28 픽셀짜리 무작위 "이미지" 3장으로 미니배치를 만듭니다. 이미지
# 한 장의 모양은 FashionMNIST 이미지와 같습니다. 0번 차원이 미니배치 차원이어서 `X[0]`, `X[1]`,
# `X[2]`가 각각 이미지 한 장입니다.

# %%
X = torch.rand(3, 28, 28)  # 이미지 3장, 28×28 픽셀, 값은 [0, 1)
print("X:", X.shape)

fig, axes = plt.subplots(1, 3, figsize=(7, 2.6))
for i, ax in enumerate(axes):
    ax.imshow(X[i], cmap="gray", vmin=0, vmax=1)
    ax.set_title(f"X[{i}]")
    ax.axis("off")
fig.suptitle("3 random 28×28 inputs / 무작위 입력 3개")
show(fig)

# %% [markdown]
# ## `nn.Flatten`
#
# `nn.Flatten`은 28×28 이미지 한 장을 픽셀 값 784개가 늘어선 한 행으로 펼칩니다. 1번 차원부터
# 펼치기 때문에(`start_dim=1`) 미니배치 차원은 그대로 남습니다. 이미지 3장이 들어가면 행 3개가 나옵니다.
# `start_dim`의 기본값이 0이라서 미니배치 차원까지 펼쳐 버리는 `torch.flatten(X)`와 비교해 보세요.

# %%
flatten = nn.Flatten()
flat_image = flatten(X)  # (3, 28, 28) -> (3, 784)
print("nn.Flatten()(X):  ", flat_image.shape)
print("torch.flatten(X): ", torch.flatten(X).shape)  # 미니배치 차원이 사라짐

# %% [markdown]
# ## `nn.Linear`
#
# 선형 계층은 저장해 둔 가중치(weight)와 편향(bias)으로 $y = xW^T + b$를 계산합니다.
# `nn.Linear(784, 20)`은 숫자 784개로 된 각 행을 숫자 20개, 즉 그 행의 특성(feature) 20개로 바꿉니다.

# %%
layer1 = nn.Linear(in_features=28 * 28, out_features=20)
hidden1 = layer1(flat_image)  # (3, 784) -> (3, 20)
print("weight:", layer1.weight.shape, " bias:", layer1.bias.shape)
print("hidden1:", hidden1.shape)

# %% [markdown]
# ## `nn.ReLU`
#
# ReLU는 원소마다 따로 계산해, 양수는 그대로 두고 음수는 0으로 바꿉니다. 그래서 모양은 바뀌지 않습니다.
# 아래 코드는 첫 번째 이미지의 특성 20개 중 앞의 6개를 ReLU 전과 후로 나누어 위아래로 표시합니다.
#
# 아래에 표시되는 두 텐서(tensor) 끝의 `grad_fn=`은 그 텐서를 만든 마지막 연산을 autograd가 기록해 둔
# 흔적입니다(02강). 두 텐서 모두 마지막 연산이 슬라이스 `[0, :6]`이라서 `SliceBackward0`으로 나옵니다.
# 계층의 가중치는 기울기(gradient)를 구할 대상(`requires_grad=True`)이라서, 가중치를 거친 계산 결과에는
# 모두 이런 기록이 붙습니다. 이 기록은 [05강](05_model_parameters.ipynb)에서 다시 다룹니다.

# %%
relu = nn.ReLU()
hidden1_relu = relu(hidden1)  # (3, 20) -> (3, 20)
print("before:", hidden1[0, :6])
print("after: ", hidden1_relu[0, :6])
print("negative before:", (hidden1 < 0).sum().item(), "of", hidden1.numel())
print("zero after:     ", (hidden1_relu == 0).sum().item(), "of", hidden1_relu.numel())

# %% [markdown]
# 같은 내용을 그림으로 보면 다음과 같습니다. 행 하나가 이미지 한 장, 열 하나가 특성 20개 중 하나입니다.
# 위쪽의 음수(파란색) 칸은 아래쪽에서 모두 0(흰색)이 되고, 양수 칸은 그대로입니다.

# %%
fig, axes = plt.subplots(2, 1, figsize=(8, 3.8), sharex=True, layout="constrained")
lim = hidden1.abs().max().item()
for ax, values, title in zip(
    axes, (hidden1, hidden1_relu), ("before ReLU / ReLU 전", "after ReLU / ReLU 후")
):
    im = ax.imshow(values.detach(), cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
    ax.set_title(title)
    ax.set_ylabel("image / 이미지")
    ax.set_yticks(range(3))
    ax.set_xticks(range(20))
axes[1].set_xlabel("feature / 특성 (0–19)")
fig.colorbar(im, ax=axes)
show(fig)

# %% [markdown]
# ## `nn.Sequential`
#
# `nn.Sequential`은 모듈을 순서대로 담는 컨테이너(container)입니다. 호출하면 입력을 각 모듈에 차례로
# 통과시킵니다. 모듈을 하나씩 직접 실행해도 결과는 같고, 이렇게 하면 계층을 지날 때마다 모양을 표시해
# 볼 수 있습니다.

# %%
seq_modules = nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10))
logits = seq_modules(X)  # (3, 28, 28) -> (3, 10)

out = X
for layer in seq_modules:
    out = layer(out)
    print(f"{type(layer).__name__:<8} -> {tuple(out.shape)}")
assert torch.allclose(out, logits)
print("loop == seq_modules(X):", torch.allclose(out, logits))

# %% [markdown]
# ## `nn.Softmax`
#
# 마지막 선형 계층은 로짓(logit), 즉 $(-\infty, \infty)$ 범위의 가공하지 않은 점수를 내놓습니다.
# `nn.Softmax(dim=1)`은 각 행을 $[0, 1]$ 범위의 확률(probability)로 바꿉니다. `dim=1`은 어느 차원을
# 따라 합이 1이 되도록 할지 정합니다. 1번 차원은 클래스 차원이므로, 이미지마다 클래스별 확률의 합이
# 1이 됩니다.

# %%
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)  # (3, 10) -> (3, 10)
print("shape:", pred_probab.shape)
print("row sums:", pred_probab.sum(dim=1))
print("predicted class per image:", pred_probab.argmax(dim=1))

# %% [markdown]
# ## 이름 붙은 계층: `OrderedDict`로 만드는 `nn.Sequential`
#
# `nn.Sequential`에 `OrderedDict`(항목의 순서를 기억하는 파이썬 딕셔너리)를 넘기면 계층마다 이름이
# 붙습니다. `print(model)`에 그 이름이 나오고, 계층을 위치(`model[1]`)뿐 아니라
# 속성(`model.hidden`)으로도 꺼낼 수 있습니다.

# %%
model = nn.Sequential(OrderedDict([
    ("flatten", nn.Flatten()),
    ("hidden", nn.Linear(784, 20)),
    ("relu", nn.ReLU()),
    ("output", nn.Linear(20, 10)),
]))
print(model)
print("model.hidden:", model.hidden)
print("model.hidden is model[1]:", model.hidden is model[1])
print("output:", model(X).shape)  # (3, 28, 28) -> (3, 10)

# %% [markdown]
# ## `nn.ModuleList`: 등록은 하지만 실행은 하지 않는 컨테이너
#
# `nn.ModuleList`는 파이썬 리스트처럼 모듈을 담으면서 등록도 해 줍니다. 그래서 모델에 이 리스트를
# 속성으로 두면, 안에 든 모듈의 매개변수도 모델의 매개변수로 등록됩니다. 다만 `nn.Sequential`과 달리
# `forward`가 없어서, 호출하면 오류가 나고 반복문은 직접 작성해야 합니다.

# %%
layers = nn.ModuleList([nn.Linear(20, 20) for _ in range(3)])
h = torch.rand(3, 20)
try:
    layers(h)
except NotImplementedError as err:
    print(type(err).__name__ + ":", err)

for layer in layers:  # 반복문은 직접 작성 (계층 사이에 할 일도 직접 결정)
    h = torch.relu(layer(h))
print("after the loop:", h.shape)

# %% [markdown]
# 그렇다면 반복문을 직접 작성해야 하는 `nn.ModuleList`는 언제 필요할까요? 계층 수, 즉 깊이(depth)를
# 인자로 받고 싶을 뿐이라면 `nn.ModuleList`까지 쓸 필요는 없습니다. 반복문으로 계층 리스트를 만든 뒤
# `nn.Sequential(*layers)`처럼 풀어서 넘기면, `nn.Sequential`로도 깊이를 인자로 받아 모델을 만들 수
# 있습니다(아래 `make_mlp` 함수).
#
# `nn.ModuleList`는 계층을 등록하기만 하고, 그 계층을 어떻게 쓸지는 직접 작성한 `forward`가 정합니다.
# `forward` 안에는 `if` 문이나 반복문처럼 파이썬이 지원하는 제어 흐름을 무엇이든 넣을 수 있습니다.
# 대표적인 예로, 각 계층의 출력을 그 계층의 입력에 더하는 스킵 연결(skip connection, `x = x + f(x)`)이
# 있습니다. `nn.Sequential`을 호출하면 `x = layer(x)`를 차례로 반복할 뿐이라서 이 구조를 만들 수
# 없습니다.
#
# 모델에 등록해 둔 `nn.Sequential`의 계층을 `forward` 안에서 반복문으로 하나씩 꺼내 써도
# `nn.ModuleList`와 똑같이 동작합니다. 다만 `nn.ModuleList`를 쓰면 계층 실행은 `forward`가 맡는다는
# 의도가 코드에 더 잘 드러납니다.

# %%
def make_mlp(width, depth):  # 깊이를 인자로 받기: nn.Sequential로 충분
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), nn.ReLU()]
    return nn.Sequential(*layers)  # *: 리스트의 원소를 인자 하나하나로 전달


class ResidualMLP(nn.Module):  # 스킵 연결: 직접 작성한 forward가 필요
    def __init__(self, width, depth):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])

    def forward(self, x):
        for layer in self.layers:
            x = x + torch.relu(layer(x))  # x를 남겨 두고 계층의 출력을 더함
        return x

# %% [markdown]
# 두 모델 모두 깊이를 인자로 받고 매개변수 개수도 같습니다. 다른 점은 계산 방식 하나뿐입니다. 아래에서는
# 같은 `Linear` 계층 하나로 스킵 연결 모델과 차례로 잇기만 한 모델을 만들고 같은 입력 `h`를 넣어
# 봅니다. 앞의 출력에서 뒤의 출력을 빼면 `h`가 그대로 남습니다(반올림 오차 정도의 차이는 있을 수
# 있습니다).

# %%
for depth in (1, 2, 4):
    n_seq = sum(p.numel() for p in make_mlp(20, depth).parameters())
    n_res = sum(p.numel() for p in ResidualMLP(20, depth).parameters())
    print(f"depth {depth}: Sequential {n_seq:>4} parameters, ResidualMLP {n_res:>4}")

res = ResidualMLP(20, depth=1)
chained = nn.Sequential(res.layers[0], nn.ReLU())  # 같은 Linear를 스킵 연결 없이 차례로 이음
print("ResidualMLP(h) - chained(h) == h:", torch.allclose(res(h) - chained(h), h))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 계층을 일반 파이썬 리스트에 담기**
#
# 계층을 모델의 속성에 할당하거나(`self.fc = nn.Linear(...)`) `nn.ModuleList`, `nn.Sequential` 같은
# 컨테이너에 넣어야 모델이 그 계층을 등록합니다. 일반 파이썬 `list`는 모듈이 아니어서, 그 안에 든
# 계층은 모델에 등록되지 않습니다. `forward`에서 계산은 되므로 겉보기에는 멀쩡합니다. 하지만 이 계층들은
# `parameters()`에도, `print(model)`에도 나오지 않고, `.to(...)`로 장치나 자료형(dtype)을 바꿀 때도
# 빠집니다.
#
# 옵티마이저(optimizer)는 학습 중에 매개변수를 갱신하는 객체이며, [07강](07_training_basics.ipynb)에서
# 자세히 다룹니다. 옵티마이저는 `model.parameters()`가 돌려주는 매개변수만 갱신하므로, 리스트 속 계층은
# 전혀 학습되지 않습니다. 아래 예에서는 모든 계층이 리스트 안에 있어서 등록된 매개변수가 하나도 없습니다.
# 그래서 옵티마이저 `torch.optim.SGD`를 만드는 순간 오류가 납니다. 등록된 계층이 따로 있는 모델이라면
# 리스트 속 계층만 아무 경고 없이 학습되지 않은 채로 남습니다.

# %% tags=["pitfall"]
class ListMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(20, 20), nn.Linear(20, 20)]  # 일반 리스트: 등록되지 않음

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x

# %% tags=["pitfall"]
bad = ListMLP()
print("forward works:", bad(torch.rand(3, 20)).shape)
print("print(bad):", bad)
print("parameter tensors:", len(list(bad.parameters())))
try:
    torch.optim.SGD(bad.parameters(), lr=0.1)
except ValueError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# `.to(...)`는 등록된 모듈에만 적용됩니다. 모델을 `device`로 옮기면서 자료형도 `float16`(16비트
# 부동소수점)으로 바꿔 보면, 등록되지 않은 계층은 여전히 CPU에 `float32`로 남아 있습니다. `float16`은
# CPU, CUDA, MPS에서 모두 쓸 수 있으므로 이 예는 어느 장치에서나 실행됩니다.
#
# 이 페이지는 CPU에서 만들었으므로, 바로 아래 결과에도 뒤에서 바로잡은 모델의 결과에도 장치가 `cpu`로
# 나옵니다. GPU가 있는 컴퓨터라면 리스트 속 계층이 그대로 `cpu`에 남고, 바로잡은 모델의 계층만
# `cuda:0`(Mac에서는 `mps:0`)으로 옮겨 갑니다. 이때 GPU에 있는 입력을 `bad`에 넣으면 입력과 가중치의
# 장치가 달라 오류가 납니다.

# %% tags=["pitfall"]
bad.to(device=device, dtype=torch.float16)
print("layer in the list:", bad.layers[0].weight.dtype, bad.layers[0].weight.device)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 계층을 `nn.ModuleList`에 담습니다(계층을 단순히 차례로 실행한다면 `nn.Sequential`을
# 써도 됩니다). 이제 매개변수 텐서 4개(계층마다 가중치와 편향)가 모두 등록되고, `.to(...)`도 이
# 계층들에 적용됩니다.

# %% tags=["pitfall"]
class ModuleListMLP(ListMLP):  # forward는 ListMLP와 같음
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(20, 20), nn.Linear(20, 20)])  # 등록됨


good = ModuleListMLP().to(device=device, dtype=torch.float16)
print("layer in the ModuleList:", good.layers[0].weight.dtype, good.layers[0].weight.device)
print("parameter tensors:", len(list(good.parameters())))
optimizer = torch.optim.SGD(good.parameters(), lr=0.1)  # 이제 오류 없음

# %% [markdown]
# ## 모델 안의 모델
#
# 모듈 안에는 직접 만든 모듈도 넣을 수 있습니다. 아래에서는 선형 계층과 ReLU를 묶은 작은 블록
# `LinearReLU`를 한 번 정의하고, 더 큰 신경망 안에서 세 번 씁니다. `print(model)`을 보면 중첩 구조가
# 드러납니다.

# %%
class LinearReLU(nn.Module):  # 재사용할 블록: 선형 계층 다음에 ReLU
    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features)
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.relu(self.linear(x))

# %%
class BlockNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.blocks = nn.Sequential(LinearReLU(784, 64), LinearReLU(64, 32), LinearReLU(32, 16))
        self.output = nn.Linear(16, 10)

    def forward(self, x):
        return self.output(self.blocks(self.flatten(x)))  # (N, 28, 28) -> (N, 10)


model = BlockNet()
print(model)
print("output:", model(X).shape)

# %% [markdown]
# `named_parameters()`는 매개변수를 이름과 함께 하나씩 돌려줍니다([05강](05_model_parameters.ipynb)에서
# 자세히 다룹니다). 매개변수의 이름은 바깥 모듈에서 그 텐서까지 속성 이름을 점으로 이은
# 경로입니다. 예를 들어 `blocks.0.linear.weight`는 `blocks`의 0번(첫 번째) 블록에 든 `linear` 계층의
# `weight`입니다. 파이썬 클래스 하나로 인스턴스를 세 개 만들었으므로, 세 블록은 가중치와 편향을 각자
# 따로 가집니다. 매개변수가 세 벌인 셈입니다.

# %%
for name, param in model.named_parameters():
    print(f"{name:<22} {tuple(param.shape)}")

# %% [markdown]
# ## 매개변수가 있는 계층과 없는 계층
#
# 계층 가운데에는 학습 중에 옵티마이저가 갱신하는 매개변수가 있는 계층(parametric layer)도 있고,
# 학습할 것이 없는 계층(non-parametric layer)도 있습니다. 아래 표의 개수는 각 계층 객체의 매개변수를
# 코드로 직접 센 값입니다. 합성곱(convolution), 풀링(pooling), 배치 정규화(batch normalization),
# 드롭아웃(dropout)이 실제로 어떻게 동작하는지는 [06강](06_nn_vs_functional.ipynb)에서 봅니다.

# %%
layer_zoo = {
    "Linear(784, 20)": nn.Linear(784, 20),
    "Conv2d(1, 8, 3)": nn.Conv2d(1, 8, kernel_size=3),
    "BatchNorm1d(20)": nn.BatchNorm1d(20),
    "ReLU()": nn.ReLU(),
    "Flatten()": nn.Flatten(),
    "Softmax(dim=1)": nn.Softmax(dim=1),
    "MaxPool2d(2)": nn.MaxPool2d(2),
    "Dropout(0.5)": nn.Dropout(0.5),
}
print(f"{'layer':<16}{'params':>7}  tensors")
for label, layer in layer_zoo.items():
    n_params = sum(p.numel() for p in layer.parameters())
    tensors = ", ".join(f"{name} {tuple(p.shape)}" for name, p in layer.named_parameters())
    print(f"{label:<16}{n_params:>7}  {tensors or '-'}")

# %% [markdown]
# 매개변수 텐서마다 모양의 숫자를 모두 곱하고 그 값들을 더하면 매개변수 개수가 나옵니다.
# `Linear(784, 20)`은 $784 \cdot 20 + 20 = 15700$개이고, 합성곱 계층 `Conv2d(1, 8, 3)`은 가중치 모양이
# `(8, 1, 3, 3)`이므로 $8 \cdot 1 \cdot 3 \cdot 3 + 8 = 80$개입니다. `BatchNorm1d(20)`에는 특성마다
# 배율(`weight`)과 편향(`bias`)이 하나씩 있어 $20 + 20 = 40$개입니다.
#
# `BatchNorm1d`는 이동 평균과 이동 분산(running statistics)도 저장합니다. 이 값들도 학습 중에 바뀌지만,
# 옵티마이저가 아니라 순전파 때 계층이 직접 갱신합니다. 그래서 매개변수가 아니라 버퍼(buffer)입니다
# ([05강](05_model_parameters.ipynb)). 매개변수가 없다고 동작까지 단순한 것은 아닙니다. `Dropout`에는
# 매개변수가 하나도 없지만 학습 모드(training mode)와 평가 모드(evaluation mode)에서 다르게
# 동작합니다([09강](09_train_and_evaluate.ipynb)).

# %% [markdown]
# ## 요약
#
# - `nn.Flatten`은 미니배치 차원을 그대로 둡니다(`(3, 28, 28)` → `(3, 784)`). 이어서
#   `nn.Linear(784, 20)`을 거치면 `(3, 20)`이 됩니다. `nn.ReLU`는 모양은 그대로 두고 음수만 0으로
#   바꾸며, `nn.Softmax(dim=1)`은 로짓의 각 행을 합이 1인 확률로 바꿉니다.
# - `nn.Sequential`은 모듈을 순서대로 실행하고, `OrderedDict`를 쓰면 계층에 이름이 붙습니다.
# - `nn.ModuleList`는 모듈을 등록만 하고 `forward`가 없어서 반복문을 직접 작성해야 합니다. 계층을
#   어떻게 쓸지는 모델의 `forward`가 정하므로, `nn.Sequential`로는 표현할 수 없는 스킵 연결 같은 구조도
#   만들 수 있습니다.
# - 깊이만 인자로 받으려면 `nn.ModuleList`까지 쓸 필요가 없습니다. 반복문으로 만든 계층 리스트를
#   `nn.Sequential(*layers)`처럼 풀어서 넘기면 됩니다.
# - 계층을 일반 파이썬 리스트에 담으면 아무것도 등록되지 않아, 학습되지도 않고 `.to(...)`로 옮겨지지도
#   않습니다.
# - 모듈 안에 모듈을 넣어, 직접 만든 블록을 큰 모델 안에서 재사용할 수 있습니다. 매개변수 이름은
#   중첩 구조를 따릅니다(`blocks.0.linear.weight`).
# - `Linear`, `Conv2d`, `BatchNorm1d`에는 매개변수가 있고, `ReLU`, `Flatten`, `Softmax`, `MaxPool2d`,
#   `Dropout`에는 없습니다.

# %% [markdown]
# ## 연습 문제
#
# **1.** `flatten`, `hidden`(784 → 128), `relu`, `output`(128 → 10) 계층으로 이루어진 `nn.Sequential`을
# `OrderedDict`로 만드세요. `X`를 넣으면 `(3, 10)` 모양이 나오는지, 그 모델의 `hidden.weight` 모양이
# `(128, 784)`인지 확인하세요.

# %% tags=["solution"]
ex_model = nn.Sequential(OrderedDict([
    ("flatten", nn.Flatten()),
    ("hidden", nn.Linear(784, 128)),
    ("relu", nn.ReLU()),
    ("output", nn.Linear(128, 10)),
]))
assert ex_model(X).shape == (3, 10)
assert ex_model.hidden.weight.shape == (128, 784)
print(ex_model(X).shape, ex_model.hidden.weight.shape)

# %% [markdown]
# **2.** `nn.Linear(100, 30)`과 `nn.Conv2d(3, 16, 5)`의 매개변수 개수를 손으로 계산한 다음,
# `sum(p.numel() for p in layer.parameters())`로 확인하세요.

# %% tags=["solution"]
# Linear: 가중치 (30, 100) + 편향 (30)            = 3000 + 30  = 3030
# Conv2d: 가중치 (16, 3, 5, 5) + 편향 (16)        = 1200 + 16  = 1216
for layer, by_hand in ((nn.Linear(100, 30), 3030), (nn.Conv2d(3, 16, 5), 1216)):
    counted = sum(p.numel() for p in layer.parameters())
    assert counted == by_hand
    print(layer, counted)

# %% [markdown]
# **3.** `LinearReLU(20, 20)`을 `depth`개 만들어 `nn.ModuleList`에 담고 반복문에서 차례로 적용하는 모듈
# `DeepMLP(depth)`를 작성하세요. 깊이 1, 3, 5에서 매개변수 개수가 `depth * (20 * 20 + 20)`인지, 출력이
# `nn.Sequential(*net.blocks)`의 출력과 같은지 확인하세요. 두 출력이 같다면, 블록을 차례로 잇기만 할
# 때는 반복문을 직접 작성할 필요 없이 `nn.Sequential`로 충분합니다.

# %% tags=["solution"]
class DeepMLP(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.blocks = nn.ModuleList([LinearReLU(20, 20) for _ in range(depth)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


for depth in (1, 3, 5):
    net = DeepMLP(depth)
    n_params = sum(p.numel() for p in net.parameters())
    assert n_params == depth * (20 * 20 + 20)
    assert torch.allclose(net(h), nn.Sequential(*net.blocks)(h))  # 같은 블록을 차례로 이음
    print(f"depth {depth}: {n_params} parameters, same output as nn.Sequential")

# %% [markdown]
# ## 더 읽을거리
#
# - [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`torch.flatten`](https://docs.pytorch.org/docs/stable/generated/torch.flatten.html)
# - [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html)
# - [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.ModuleList`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleList.html),
#   [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html)
#   (`parameters`, `named_parameters`, `to`)
# - [`nn.Conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html),
#   [`nn.MaxPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html),
#   [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html)
# - [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html)
# - PyTorch 튜토리얼 [Build the Neural Network](https://docs.pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html)
#   (한국어 번역: [신경망 모델 구성하기](https://tutorials.pytorch.kr/beginner/basics/buildmodel_tutorial.html))
