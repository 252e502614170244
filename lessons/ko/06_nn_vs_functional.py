# ---
# jupyter:
#   course:
#     synced_with_en: d5c8042eddfe
# ---

# %% [markdown]
# # nn과 nn.functional
#
# PyTorch는 연산 대부분을 두 가지 형태로 제공합니다. `torch.nn`에는 `nn.Conv2d`, `nn.Linear`,
# `nn.ReLU` 같은 **모듈**(module)이 있고, `torch.nn.functional`에는 `F.conv2d`, `F.linear`, `F.relu` 같은
# **함수**가 있습니다. 계산 결과는 같고, 상태(state)를 어디에 보관하느냐만 다릅니다. 상태란 호출이 끝난
# 뒤에도 남아 있어야 하는 값을 말합니다. 모듈은 가중치(weight)를 직접 보관하고, 지금이 학습 중인지 평가
# 중인지도 기억합니다. 반면 함수는 필요한 것을 호출할 때마다 모두 넘겨받습니다. 학습할 때와 평가할 때
# 실제로 다르게 동작하는 계층(layer)은 몇 가지뿐이며, 뒤에서 따로 살펴봅니다.
#
# **이 강의에서 배울 내용**
#
# - `F.conv2d`에 필터(filter)를 직접 넘겨 합성곱(convolution)을 계산하는 방법과 입력까지 전달되는
#   기울기(gradient)
# - `nn.Conv2d`가 가중치와 편향(bias)을 스스로 보관하는 방식, 그리고 필터가 입력 위에 딱 한 번 놓일 때
#   입력의 기울기가 필터와 같아지는 이유
# - 버려야 할 습관 두 가지: 옛 API인 `torch.autograd.Variable`, 괄호를 빠뜨린 `out.backward`
# - 함수로 충분한 경우(`F.relu`)와, 학습할 때와 평가할 때 동작이 다른 드롭아웃(dropout)·배치
#   정규화(batch normalization)처럼 모듈을 써야 하는 경우
# - `torch.nn`의 모듈 계열마다 실행해 볼 수 있는 예제를 하나씩 보며 짧게 둘러보기
#
# **사전 지식:** 01–05강의 `nn.Linear`, `nn.Module`, 매개변수(parameter)와 버퍼(buffer), 02강과 05강에서
# 본 autograd(`requires_grad`, `backward()`, `.grad`).

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # 돌려받는 생성기는 쓰지 않음
# 예제가 모두 작아서 강의 전체를 CPU에서 실행

# %% [markdown]
# ## 필터를 직접 넘기는 합성곱
#
# `F.conv2d(input, weight)`는 2차원 합성곱을 계산하는 함수입니다. 합성곱은 작은 필터를 입력 위에서 한
# 칸씩 옮겨 가며, 위치마다 겹치는 원소끼리 곱한 값을 모두 더하는 연산입니다. 엄밀히 말하면 PyTorch는
# 교차 상관(cross-correlation)을 계산합니다. 수학에서 정의하는 합성곱과 달리 필터를 뒤집지 않고 그대로
# 겹칩니다.
#
# 입력은 `(N, C_in, H, W)` 모양입니다. N은 미니배치(minibatch)의 이미지 수, C_in은 입력 채널(channel) 수(흑백
# 이미지는 1, 컬러 이미지는 3), H와 W는 높이와 너비입니다. 커널(kernel)이라고도 부르는 필터는
# `(C_out, C_in, kH, kW)` 모양이고, C_out은 출력 채널 수, kH와 kW는 필터의 높이와 너비입니다. 함수는
# 아무것도 보관하지 않으므로 필터를 직접 만들어 호출할 때마다 넘겨야 합니다. 1로 채운 3×3 입력에 1로
# 채운 3×3 필터를 적용하면 필터가 놓일 자리, 즉 창(window)이 하나뿐입니다. 겹치는 아홉 자리에서 1×1을
# 곱해 모두 더하므로 9가 나옵니다.

# %%
X = torch.ones(1, 1, 3, 3)  # (N, C_in, H, W)
weight = torch.ones(1, 1, 3, 3)  # (C_out, C_in, kH, kW)
out = F.conv2d(X, weight)  # (1, 1, 3, 3) -> (1, 1, 1, 1)
print("out:", out)
print("shape:", tuple(out.shape))

# %% [markdown]
# ## 입력까지 전달되는 기울기
#
# 입력을 `requires_grad=True`로 만들면 autograd가 입력도 추적합니다. 1로 채운 5×5 입력에서는 필터가
# 3×3 = 9곳에 놓일 수 있으므로 출력은 3×3이고, 값은 모두 9입니다. `gradient` 인자 없이 호출하는
# `backward()`는 원소가 하나뿐인 출력에만 쓸 수 있습니다. 그래서 출력을 모두 더한 다음 호출합니다.
# 출력값 하나가 1 늘면 합도 1 늘므로, 출력값마다 받는 기울기는 1입니다.

# %%
X = torch.ones(1, 1, 5, 5, requires_grad=True)
out = F.conv2d(X, weight)  # (1, 1, 5, 5) -> (1, 1, 3, 3)
print("out shape:", tuple(out.shape), "| every value 9:", bool((out == 9).all()))
print("grad_fn:", type(out.grad_fn).__name__)
out.sum().backward()
print("X.grad:")
print(X.grad.squeeze())

# %% [markdown]
# 일반적으로 $\partial\,\text{sum}(\text{out}) / \partial x_{ij}$는 $x_{ij}$를 덮는 창마다 $x_{ij}$에
# 닿는 필터 값을 모두 더한 값입니다. 여기서는 필터 값이 모두 1이므로, 각 입력 픽셀의 기울기는 **그 픽셀을
# 덮는 창의 개수**와 같습니다. 모서리 픽셀은 창 하나에만, 한가운데 픽셀은 아홉 개 모두에, 각 변의 가운데
# 픽셀은 세 개에 들어갑니다.

# %%
windows_per_row = torch.tensor([1.0, 2.0, 3.0, 2.0, 1.0])  # 열(또는 행)마다 그 자리를 덮는 창의 수
counts = torch.outer(windows_per_row, windows_per_row)  # (5,) x (5,) -> (5, 5)
assert torch.allclose(X.grad.squeeze(), counts)
print("gradient == window counts:", torch.allclose(X.grad.squeeze(), counts))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `torch.autograd.Variable`로 텐서 감싸기**
#
# 오래된 튜토리얼에서는 autograd가 추적하도록 텐서(tensor)를 `Variable`로 감쌉니다. PyTorch 0.4부터
# 텐서 자체가 `requires_grad`를 갖게 되면서 `Variable`은 더 이상 권장되지 않습니다(deprecated).
# `Variable(x, requires_grad=True)`는 지금도 실행되지만 일반 `Tensor`를 돌려줄 뿐입니다.

# %% tags=["pitfall"]
from torch.autograd import Variable

v = Variable(torch.ones(2), requires_grad=True)  # 옛 방식: 실행은 되지만 달라지는 것이 없음
print("Variable(...) gives:", type(v).__name__, "| requires_grad:", v.requires_grad)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 감싸지 말고, 앞의 셀들처럼 텐서를 만들 때 `requires_grad=True`를 지정합니다.

# %% tags=["pitfall"]
t = torch.ones(2, requires_grad=True)  # 감싸지 않은 같은 종류의 Tensor
print("torch.ones(..., requires_grad=True):", type(t).__name__, "| requires_grad:", t.requires_grad)

# %% [markdown]
# ## 가중치와 편향을 스스로 보관하는 `nn.Conv2d`
#
# `nn.Conv2d(1, 1, 3)`(입력 채널 1개, 출력 채널 1개, 3×3 필터)을 만들면 모듈이 무작위 3×3 필터를
# 가중치(`weight`)로, 편향을 `bias`로 등록해 두고, 호출할 때마다 이 둘을 적용합니다. 필터를 따로 넘길
# 필요가 없습니다.

# %%
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3)
for name, param in conv.named_parameters():
    print(name, tuple(param.shape), "requires_grad:", param.requires_grad)

# %% [markdown]
# 1로 채운 3×3 입력에서는 필터가 딱 한 번 놓이므로 출력은 숫자 하나입니다. 가중치마다 1을 곱해 모두
# 더한 뒤 편향을 더한 값이며, 식으로 쓰면 $\text{out} = \sum w + b$입니다. 필터를 뒤집지 않으므로
# $w_{ij}$는 $x_{ij}$ 위에 놓입니다. 따라서 $\partial\,\text{out}/\partial x_{ij} = w_{ij}$이고, 입력에
# 전달되는 기울기는 **필터 그 자체**입니다.
# 이 `out`은 원소가 하나뿐이어서 바로 `backward()`를 호출할 수 있습니다.

# %%
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)  # (1, 1, 3, 3) -> (1, 1, 1, 1)
expected = conv.weight.sum() + conv.bias
print(f"out: {out.item():.4f} | weight.sum() + bias: {expected.item():.4f}")
assert torch.allclose(out.flatten(), expected)

out.backward()
assert torch.allclose(X.grad, conv.weight)
print("X.grad == conv.weight:", torch.allclose(X.grad, conv.weight))

# %% [markdown]
# 모듈이 가진 텐서를 그대로 `F.conv2d`에 넘겨도 결과가 같습니다. 결국 모듈은 함수를 감싸고, 그 함수가
# 쓸 상태를 대신 보관해 줍니다.

# %%
same = F.conv2d(X, conv.weight, conv.bias)
print("F.conv2d(X, conv.weight, conv.bias) == conv(X):", torch.allclose(same, conv(X)))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 괄호 없는 `out.backward`**
#
# `out.backward`라고만 쓰면 메서드를 가져오기만 하고 호출하지는 않습니다. 파이썬은 오류를 내지 않지만
# 기울기는 계산되지 않고, `X.grad`는 `None`으로 남습니다.

# %% tags=["pitfall"]
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)
out.backward  # 호출 아님: 메서드를 가져오기만 하고 버림
print("after out.backward   ->", X.grad)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 괄호를 붙여 `out.backward()`로 호출합니다.

# %% tags=["pitfall"]
out.backward()  # 이번에는 호출
print("after out.backward() ->", X.grad.flatten()[:3], "...")

# %% [markdown]
# ## 작은 이미지에 경계선 검출 필터 적용하기
#
# 오른쪽 열에서 왼쪽 열을 빼되, 위에서 아래로 1, 2, 1의 가중치를 두는 필터를 소벨(Sobel) 필터라고
# 합니다. 이 필터로 합성곱을 계산하면 위치마다 왼쪽에서 오른쪽으로 갈 때 밝기가 얼마나 바뀌는지,
# 밝아지는지 어두워지는지 알 수 있습니다. 밝은 사각형에 적용하면 왼쪽 경계에서는 양수, 오른쪽
# 경계에서는 음수가 나오고 나머지는 0입니다. `padding=1`로 입력 가장자리에 0을 한 줄씩 덧붙이면 출력
# 모양이 입력과 같아집니다.

# %%
image = torch.zeros(1, 1, 16, 16)
image[..., 4:12, 4:12] = 1.0  # 밝은 사각형
edge = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]).reshape(1, 1, 3, 3)
edges = F.conv2d(image, edge, padding=1)  # (1, 1, 16, 16) -> (1, 1, 16, 16)
print("output shape:", tuple(edges.shape), "| min:", edges.min().item(), "| max:", edges.max().item())

fig, axes = plt.subplots(1, 3, figsize=(11, 3))
panels = [(image, "input / 입력", "gray"), (edge, "filter / 필터", "RdBu_r"), (edges, "output / 출력", "RdBu_r")]
for ax, (t, title, cmap) in zip(axes, panels):
    limit = t.abs().max().item()
    im = ax.imshow(t.squeeze(), cmap=cmap, vmin=-limit if t.min() < 0 else 0, vmax=limit)
    ax.set_title(title)
    ax.set_xticks([]), ax.set_yticks([])
    fig.colorbar(im, ax=ax, shrink=0.8)
show(fig)

# %% [markdown]
# ## 상태 없는 함수, 상태 있는 모듈
#
# `torch.nn.functional`의 함수는 계산만 하고, 필요한 텐서는 모두 인자로 받습니다. 모듈은 텐서를 속성으로
# 보관하기 때문에 `parameters()`, `state_dict()`, `.to(device)`는 물론 옵티마이저(optimizer,
# [07강](07_training_basics.ipynb))도 그 텐서를 모두 찾아낼 수 있습니다. `nn.Linear`의 가중치와 편향을
# 그대로 `F.linear`에 넘겨 보면 두 방식의 결과가 같습니다.

# %%
linear = nn.Linear(4, 2)
x = torch.randn(3, 4)
by_module = linear(x)  # (3, 4) -> (3, 2)
by_function = F.linear(x, linear.weight, linear.bias)  # 가중치와 편향을 직접 넘김
print("same result:", torch.allclose(by_module, by_function))
print("parameters the module registered:", [n for n, _ in linear.named_parameters()])

# %% [markdown]
# 그래서 흔히 이렇게 나눠 씁니다. 매개변수가 있는 계층은 `__init__`에서 모듈로 만들고, 상태가 없는
# 연산은 `forward`에서 함수로 호출합니다. `forward` 안에서 `F.relu`를 써도 전혀 문제가 없습니다.
# 보관할 것이 없고, 학습할 때나 평가할 때나 똑같이 동작하기 때문입니다.

# %%
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))  # F.relu: 상태도 모드도 없음


model = SmallNet()
print(model)
print("output shape:", tuple(model(x).shape))

# %% [markdown]
# ## 모드에 따라 달라지는 계층
#
# 자주 쓰는 계층 가운데 두 가지는 모델을 학습할 때와 평가할 때 다르게 동작합니다.
#
# **드롭아웃**은 학습 중에 입력값 하나하나가 확률 `p`로 0이 되게 합니다. 그러면 신경망이 특정 값 하나에
# 기댈 수 없습니다. 남은 값에는 $1/(1-p)$를 곱해, 출력의 평균이 평가할 때와 같아지도록 맞춥니다. 평가할
# 때는 입력을 그대로 내보냅니다. 학습 모드(training mode)와 평가 모드(evaluation mode)에서
# `nn.Dropout`이 내는 출력은 [09강](09_train_and_evaluate.ipynb)에서 비교해 봅니다.
#
# **배치 정규화**는 특성(feature)마다 평균을 빼고 표준편차로 나누어 값의 스케일을 맞추는 계층입니다. 학습
# 중에는 현재 미니배치의 평균과 분산을 쓰고, 평가할 때는 05강에서 본 버퍼, 즉 이동 평균(running mean)과
# 이동 분산(running variance)을 씁니다.
#
# 모듈은 지금 어느 모드인지를 `training` 속성에 기록합니다. 새로 만든 모듈은 이 값이 `True`, 즉 학습
# 모드입니다. `model.eval()`은 모델과 모든 하위 모듈의 `training`을 `False`로 바꿔 평가 모드로 만들고,
# `model.train()`은 다시 학습 모드로 되돌립니다.

# %%
print("new model:     training =", model.training)
model.eval()
print("after eval():  training =", model.training, "| fc1.training =", model.fc1.training)
model.train()
print("after train(): training =", model.training)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `model.eval()`을 따르지 않는 `forward` 안의 `F.dropout`**
#
# `model.eval()`은 모델과 그 하위 모듈의 `training` 속성만 `False`로 바꿉니다. `forward` 안에서 호출하는
# 함수는 하위 모듈이 아니므로 이 설정을 알지 못합니다. `F.dropout(x)`에는 따로 `training` 인자가 있고
# 기본값이 `True`이므로, 평가 모드에서도 계속 값을 0으로 만듭니다.

# %% tags=["pitfall"]
class FunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5)  # 모드와 상관없이 기본값 training=True


class ModuleDropout(nn.Module):
    def __init__(self):
        super().__init__()
        self.drop = nn.Dropout(p=0.5)  # 하위 모듈: model.eval()의 영향을 받음

    def forward(self, x):
        return self.drop(x)


ones = torch.ones(1, 8)
for model in (FunctionalDropout(), ModuleDropout()):
    model.eval()
    print(f"{type(model).__name__:17} eval:", model(ones))

# %% [markdown] tags=["pitfall"]
# 평가 모드인데도 함수 버전은 값을 무작위로 0으로 만들고 나머지는 두 배로 키웁니다(`p=0.5`이면
# $1/(1-p) = 2$). `nn.Dropout`은 입력을 그대로 내보냅니다.
#
# **바로잡기:** 모듈을 쓰거나, `F.dropout(x, p=0.5, training=self.training)`처럼 모드를 직접 넘깁니다.

# %% tags=["pitfall"]
class FixedFunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5, training=self.training)  # train() / eval()을 따름


model = FixedFunctionalDropout().eval()
print("fixed, eval:", model(ones))

# %% [markdown]
# 배치 정규화에도 같은 문제가 있고, 직접 관리해야 할 상태는 더 많습니다. `nn.BatchNorm1d`는 이동
# 평균과 이동 분산을 버퍼로 보관하고 모드를 따릅니다. 반면 `F.batch_norm`은 아무것도 보관하지 않으므로,
# 이동 평균과 이동 분산을 유지하려면 그 텐서를 직접 만들어 호출할 때마다 넘겨야 합니다.
#
# `training=True`라면 두 텐서 자리에 `None`을 넘기고 미니배치의 평균과 분산만 쓸 수도 있습니다. 두
# 텐서를 넘기면서 `training=True`를 지정하면 `F.batch_norm`이 그 텐서를 제자리에서 갱신합니다. 그런데
# `training`의 기본값은 `F.dropout`과 반대로 `False`입니다. 이 인자를 빠뜨리면 `F.batch_norm`은 평가할 때처럼
# 이동 평균과 이동 분산으로 정규화하고, 둘을 전혀 갱신하지 않습니다. `forward`에서는
# `training=self.training`을 넘기세요.

# %%
bn = nn.BatchNorm1d(3)
print("parameters:", [n for n, _ in bn.named_parameters()])
print("buffers:   ", [n for n, _ in bn.named_buffers()])

running_mean, running_var = torch.zeros(3), torch.ones(3)  # 직접 만들고 보관해야 함
acts = torch.randn(8, 3)  # 샘플 8개, 특성 3개짜리 미니배치
F.batch_norm(acts, running_mean, running_var)  # training=False: 이동 평균·분산을 쓰기만 하고 갱신하지 않음
print("after training=False:", running_mean)
F.batch_norm(acts, running_mean, running_var, training=True)  # 제자리에서 갱신
print("after training=True: ", running_mean)
assert torch.allclose(running_mean, 0.1 * acts.mean(dim=0))  # 05강과 같은 momentum=0.1

# %% [markdown]
# ## `torch.nn` 짧게 둘러보기
#
# `torch.nn` API 문서는 모듈을 계열별로 나눠 소개합니다. 여기서는 계열마다 실행해 볼 수 있는 작은 예제를
# 하나씩 봅니다. 대부분의 모듈에는 `torch.nn.functional`에 같은 일을 하는 함수가 있습니다.
#
# ### 컨테이너
#
# 컨테이너(container)는 다른 모듈을 담는 모듈입니다. `nn.Sequential`은 담은 모듈을 차례로 호출하고,
# `nn.ModuleList`와 `nn.ModuleDict`는 등록만 합니다. 호출은 `forward`에서 직접 합니다.

# %%
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])
heads = nn.ModuleDict({"cls": nn.Linear(4, 10), "box": nn.Linear(4, 4)})
x = torch.randn(3, 4)
print("Sequential:", tuple(seq(x).shape))  # (3, 4) -> (3, 2)
print("ModuleList:", len(blocks), "blocks,", sum(p.numel() for p in blocks.parameters()), "parameters")
print("ModuleDict:", {k: tuple(m(x).shape) for k, m in heads.items()})

# %% [markdown]
# ### 합성곱, 풀링, 패딩
#
# 합성곱 계층은 입력 위로 필터를 옮겨 가며 계산합니다. 풀링(pooling) 계층은 작은 구역마다 값 하나(예:
# 최댓값)만 남겨 높이와 너비를 줄이고, 패딩(padding) 계층은 입력 가장자리에 0이나 거울처럼 반사한 값
# 등을 덧붙입니다.

# %%
images = torch.randn(2, 3, 32, 32)  # (N, C, H, W)
feat = nn.Conv2d(3, 8, kernel_size=3, padding=1)(images)  # (2, 3, 32, 32) -> (2, 8, 32, 32)
print("Conv2d:           ", tuple(feat.shape))
print("MaxPool2d(2):     ", tuple(nn.MaxPool2d(2)(feat).shape))  # -> (2, 8, 16, 16)
print("AdaptiveAvgPool2d:", tuple(nn.AdaptiveAvgPool2d(1)(feat).shape))  # -> (2, 8, 1, 1)
print("ZeroPad2d(1):     ", tuple(nn.ZeroPad2d(1)(images).shape))  # -> (2, 3, 34, 34)
print(nn.ReflectionPad1d(2)(torch.arange(4.0).reshape(1, 1, 4)))  # 가장자리를 거울처럼 반사

# %% [markdown]
# ### 활성화 함수와 정규화
#
# 활성화 함수(activation function) 모듈은 원소마다 비선형 함수를 적용합니다(단, `nn.Softmax`는 원소를
# 하나씩 따로 바꾸지 않고, `dim` 방향의 합이 1이 되도록 값을 바꿉니다). 정규화(normalization) 계층은
# 활성값(activation), 즉 계층을 지나며 나오는 중간 결과의 스케일을 맞춥니다. `nn.LayerNorm`은 각 행에서
# 평균을 빼고 표준편차로 나누어 평균 0, 분산 1로 맞춘 다음, 학습으로 정해지는 가중치를 곱하고 편향을
# 더합니다. 가중치는 1, 편향은 0에서 시작하므로 새로 만든 `LayerNorm`의 출력은 평균 0, 분산 1입니다.
# 다만 표준편차를 구할 때 분산에 작은 값 `eps`를 더하므로, 아래 셀에 표시되는 분산은 1보다 아주 조금
# 작은 0.999996입니다. 학습으로 가중치와 편향이 바뀌면 더는 평균 0, 분산 1이 아닙니다.

# %%
z = torch.tensor([[-2.0, -0.5, 0.0, 1.0, 3.0]])
print("ReLU:   ", nn.ReLU()(z))
print("GELU:   ", nn.GELU()(z))
print("Softmax:", nn.Softmax(dim=1)(z), "sum:", nn.Softmax(dim=1)(z).sum().item())
layer_norm = nn.LayerNorm(5)  # 가중치는 1, 편향은 0에서 시작
normed = layer_norm(z)
mean, var = normed.mean().item(), normed.var(correction=0).item()  # correction=0: n으로 나눔
print("LayerNorm mean:", round(mean, 4), "variance:", round(var, 6))  # eps 때문에 1보다 아주 조금 작음
assert abs(mean) < 1e-5 and 0.99999 < var < 1
print("BatchNorm2d:", tuple(nn.BatchNorm2d(8)(feat).shape))  # 채널별 통계

# %% [markdown]
# ### 순환, 선형, 드롭아웃
#
# 문장이나 시계열처럼 순서가 있는 데이터를 시퀀스(sequence)라고 합니다. 순환(recurrent) 계층은 시퀀스를
# 시점(time step)마다 차례로 처리합니다. `batch_first=True`이면 입력 모양은 `(N, L, H_in)`, 즉
# (시퀀스 수, 시퀀스 길이, 특성 수)입니다. 순환 계층은 지금까지 처리한 내용을 은닉 상태(hidden state)라는
# 텐서에 담아 다음 시점으로 넘깁니다. 이름은 같은 '상태'지만 모듈이 보관하는 값은 아니어서, 호출할
# 때마다 새로 계산됩니다. `nn.LSTM`은 시점마다 내는 출력과 함께, 마지막 시점의 은닉 상태 `h`와 셀
# 상태(cell state) `c`를 돌려줍니다. 셀 상태는 LSTM이 은닉 상태와 함께 다음 시점으로 넘기는 또 하나의
# 상태입니다. `batch_first=True`는 `h`와 `c`에는 적용되지 않으므로 `h`의 모양은 (LSTM 계층 수, 시퀀스 수,
# 은닉 상태 크기)이고, 여기서는 계층이 하나여서 첫 차원이 1입니다.
#
# 선형 계층은 특성을 변환하고, 드롭아웃은 학습 중에만 무작위로 값을 0으로 만듭니다. `nn.Identity`는 입력을
# 그대로 돌려주는 모듈로, 다른 계층을 빼고 그 자리를 채울 때 씁니다.

# %%
seqs = torch.randn(2, 5, 10)  # (N, L, H_in)
output, (h, c) = nn.LSTM(input_size=10, hidden_size=20, batch_first=True)(seqs)
print("LSTM output:", tuple(output.shape), "h:", tuple(h.shape))  # (2, 5, 20), (1, 2, 20)
print("GRU output: ", tuple(nn.GRU(10, 20, batch_first=True)(seqs)[0].shape))
print("Linear:     ", tuple(nn.Linear(10, 4)(seqs).shape))  # 마지막 차원에 적용
print("Identity:   ", tuple(nn.Identity()(seqs).shape))
dropped = nn.Dropout(p=0.5)(torch.ones(1000))  # 새로 만든 모듈은 학습 모드
print("Dropout: zeros", int((dropped == 0).sum()), "of 1000; kept values are", dropped.max().item())

# %% [markdown]
# ### 임베딩과 거리
#
# `nn.Embedding`은 조회 테이블(lookup table)입니다. 정수 인덱스를 넣으면 인덱스마다 학습되는 벡터가
# 하나씩 나옵니다. API 문서에서는 이 모듈을 희소 계층("Sparse Layers")으로 분류합니다. 거리 모듈은 두
# 텐서에서 같은 행끼리 비교해 거리나 유사도를 계산합니다.

# %%
embedding = nn.Embedding(num_embeddings=10, embedding_dim=3)
ids = torch.tensor([[1, 2, 4], [4, 3, 9]])  # (2, 3) 정수 인덱스
print("Embedding:", tuple(ids.shape), "->", tuple(embedding(ids).shape))  # (2, 3) -> (2, 3, 3)
a = torch.tensor([[1.0, 0.0], [0.0, 0.0]])
b = torch.tensor([[1.0, 1.0], [3.0, 4.0]])
print("CosineSimilarity:", nn.CosineSimilarity(dim=1)(a, b))  # cos 45° = 0.7071, 다음 행은 0
print("PairwiseDistance:", nn.PairwiseDistance()(a, b))  # 유클리드 거리: 1, 다음 행은 5

# %% [markdown]
# ### 손실 함수
#
# 손실 함수(loss function) 모듈은 예측값과 정답을 받아, 최소화할 숫자 하나를 계산합니다. 손실 함수로 모델을
# 학습하는 과정은 [07강](07_training_basics.ipynb)에서 다룹니다. `nn.MSELoss`(평균 제곱 오차)는 집값처럼
# 숫자 하나를 예측하는 회귀(regression)에 씁니다. `nn.CrossEntropyLoss`는 분류(classification)에 쓰며,
# 소프트맥스를 거치지 않은 로짓(logit)과 정답 클래스 인덱스를 받습니다. 이 손실 함수는 내부에서
# `log_softmax`를 적용하므로, 소프트맥스를 미리 거친 값을 넣으면 안 됩니다.

# %%
pred, target = torch.tensor([2.0, 4.0]), torch.tensor([1.0, 1.0])
print("MSELoss:", nn.MSELoss()(pred, target).item())  # ((1)^2 + (3)^2) / 2 = 5
logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # (N=2, 클래스=3)
labels = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss()(logits, labels)
print("CrossEntropyLoss:", round(loss.item(), 4))  # (0.2395 + ln 3) / 2
first, second = torch.log(1 + 2 * torch.exp(torch.tensor(-2.0))), torch.log(torch.tensor(3.0))
assert torch.allclose(loss, (first + second) / 2)  # 정답 클래스의 -log softmax 평균
print("same as F.cross_entropy:", torch.allclose(loss, F.cross_entropy(logits, labels)))

# %% [markdown]
# ## 요약
#
# - `torch.nn.functional`의 함수는 **상태가 없어서**, 호출할 때마다 가중치를 포함한 모든 텐서를
#   넘겨야 합니다. `torch.nn`에는 매개변수와 버퍼를 만들고, 등록하고, 보관하는 **모듈**이 있습니다.
# - 1로 채운 입력에 1로 채운 3×3 필터로 `F.conv2d(X, weight)`를 계산하면 9가 나오고, 입력의 기울기는 각
#   픽셀을 덮는 창의 개수와 같습니다. 1로 채운 3×3 입력에 `nn.Conv2d`를 적용하면
#   `out = weight.sum() + bias`이고, 입력의 기울기는 필터와 같습니다.
# - `torch.autograd.Variable`은 쓰지 않습니다(텐서 자체에 `requires_grad`가 있습니다). `backward()`는
#   괄호를 붙여, 원소가 하나인 출력에서 호출합니다.
# - `F.relu`처럼 상태 없는 연산은 함수로, 매개변수가 있는 계층과 모드에 따라 동작이 바뀌는
#   계층(`nn.Dropout`, `nn.BatchNorm1d`)은 모듈로 씁니다. 그래야 `model.eval()`과 `model.train()`이 그
#   계층의 모드도 바꿉니다. `F.dropout`이나 `F.batch_norm`을 쓴다면 `training=self.training`을 넘깁니다.
#
# ## 연습 문제
#
# **1.** 1로 채운 4×6 입력과 2로 채운 3×3 필터가 있습니다. `F.conv2d` 출력의 모양과
# `out.sum().backward()`가 입력에 남기는 기울기를 먼저 예상해 보고, 둘 다 확인하세요.

# %% tags=["solution"]
X = torch.ones(1, 1, 4, 6, requires_grad=True)
out = F.conv2d(X, torch.full((1, 1, 3, 3), 2.0))  # (1, 1, 4, 6) -> (1, 1, 2, 4)
print("out shape:", tuple(out.shape), "| values:", out.unique().tolist())  # 9 * 2 = 18
out.sum().backward()
expected = 2.0 * torch.outer(torch.tensor([1.0, 2.0, 2.0, 1.0]), torch.tensor([1.0, 2.0, 3.0, 3.0, 2.0, 1.0]))
print(X.grad.squeeze())
print("2 x window counts:", torch.allclose(X.grad.squeeze(), expected))

# %% [markdown]
# **2.** `nn.Conv2d(1, 1, 3, bias=False)`를 만들고, 1로 채운 3×3 입력(`requires_grad=True`)을 넣어
# 보세요. 모듈의 가중치로 `F.conv2d`를 호출해도 출력이 같은지, 입력의 기울기가 가중치와 같은지
# 확인하세요.

# %% tags=["solution"]
conv = nn.Conv2d(1, 1, 3, bias=False)
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)
print("same output:", torch.allclose(out, F.conv2d(X, conv.weight)))
print("bias:", conv.bias)
out.backward()
print("X.grad == weight:", torch.allclose(X.grad, conv.weight))

# %% [markdown]
# **3.** `forward`에서 `F.dropout`을 올바르게 쓰는 모듈을 작성하세요. 그리고 학습 모드(`train()`)와 평가
# 모드(`eval()`)에서 출력이 다르고, 평가 모드의 출력은 드롭아웃이 없을 때와 같은지 확인하세요.

# %% tags=["solution"]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5, training=self.training)


net, x = Net(), torch.randn(2, 4)
print("train:", net.train()(x))
print("eval: ", net.eval()(x))
print("eval == no dropout:", torch.allclose(net(x), net.fc(x)))

# %% [markdown]
# ## 더 읽을거리
#
# - [`torch.nn`](https://docs.pytorch.org/docs/stable/nn.html): 둘러보기에서 다룬 모든 모듈 계열
# - [`torch.nn.functional`](https://docs.pytorch.org/docs/stable/nn.functional.html)
# - [`F.conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.conv2d.html),
#   [`nn.Conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html),
#   [`F.linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.linear.html)
# - [Autograd 동작 방식(Autograd mechanics, 영문)](https://docs.pytorch.org/docs/stable/notes/autograd.html),
#   [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [Variable (deprecated)](https://docs.pytorch.org/docs/stable/autograd.html#variable-deprecated)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`F.dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.dropout.html),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html),
#   [`F.batch_norm`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.batch_norm.html)
# - 컨테이너: [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.ModuleList`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleList.html),
#   [`nn.ModuleDict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ModuleDict.html)
# - 풀링과 패딩: [`nn.MaxPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html),
#   [`nn.AdaptiveAvgPool2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.AdaptiveAvgPool2d.html),
#   [`nn.ZeroPad2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ZeroPad2d.html),
#   [`nn.ReflectionPad1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReflectionPad1d.html)
# - 활성화 함수와 정규화: [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.GELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GELU.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [`nn.LayerNorm`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LayerNorm.html),
#   [`Tensor.var`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.var.html),
#   [`nn.BatchNorm2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html)
# - 순환과 선형: [`nn.LSTM`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LSTM.html),
#   [`nn.GRU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GRU.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Identity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Identity.html)
# - 임베딩과 거리: [`nn.Embedding`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Embedding.html),
#   [`nn.CosineSimilarity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CosineSimilarity.html),
#   [`nn.PairwiseDistance`](https://docs.pytorch.org/docs/stable/generated/torch.nn.PairwiseDistance.html)
# - 손실 함수: [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.cross_entropy`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html)
# - [`torch.nn`이 실제로 무엇인가요?(영문)](https://docs.pytorch.org/tutorials/beginner/nn_tutorial.html):
#   텐서 연산만으로 만든 신경망을 `torch.nn.functional`, `nn.Module` 순서로 바꿔 가는 튜토리얼
# - 한국어 자료: PyTorch 한국어 튜토리얼의
#   [`torch.nn`이 실제로 무엇인가요?](https://tutorials.pytorch.kr/beginner/nn_tutorial.html)
