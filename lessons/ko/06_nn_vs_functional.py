# ---
# jupyter:
#   course:
#     synced_with_en: 1b581140cade
# ---

# %% [markdown]
# # nn과 nn.functional
#
# PyTorch는 대부분의 연산을 두 가지 형태로 제공합니다. `torch.nn`의 **모듈**(module)인 `nn.Conv2d`,
# `nn.ReLU`, `nn.Dropout`과, `torch.nn.functional`의 **함수**인 `F.conv2d`, `F.relu`, `F.dropout`입니다.
# 계산 결과는 같습니다. 다른 점은 가중치(weight)와 모드(학습 중인지 평가 중인지)를 누가 보관하느냐입니다.
#
# **이 강의에서 배울 내용**
#
# - 필터(filter)를 직접 넘겨주는 `F.conv2d`의 동작과, 입력까지 전달되는 기울기(gradient)
# - `nn.Conv2d`가 가중치와 편향(bias)을 스스로 보관하는 방식, 그리고 필터가 입력 위에 딱 한 번 놓일 때
#   입력의 기울기가 필터와 같아지는 이유
# - 버려야 할 옛 습관 두 가지: `torch.autograd.Variable`, 그리고 `()` 없는 `out.backward`
# - 함수로 충분한 경우(`F.relu`)와 모듈이 필요한 경우: 드롭아웃(dropout), 배치 정규화(batch normalization)
# - `torch.nn`의 여러 모듈 계열을, 계열마다 실행 가능한 예제 하나씩으로 짧게 둘러보기
#
# **사전 지식:** 01–05강에서 다룬 `nn.Linear`, `nn.Module`, 매개변수(parameter)와 autograd 기초
# (`requires_grad`, `backward()`).

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # 돌려주는 생성기는 여기서 쓰지 않습니다
# 예제가 모두 아주 작으므로 이 강의 전체를 CPU에서 실행합니다.

# %% [markdown]
# ## 필터를 직접 넘기는 합성곱
#
# `F.conv2d(input, weight)`는 2차원 합성곱(convolution)을 계산하는 함수로, `(N, C_in, H, W)` 모양의
# 입력과 `(C_out, C_in, kH, kW)` 모양의 필터(커널이라고도 합니다)를 받습니다. 함수는 아무것도 저장하지
# 않으므로 필터를 직접 만들어 호출할 때마다 넘겨야 합니다. 1로 채운 3×3 입력에 1로 채운 3×3 필터를 적용하면 창(window)이 하나뿐이고, 1 아홉 개를
# 더해 9가 됩니다.

# %%
X = torch.ones(1, 1, 3, 3)  # (N, C_in, H, W)
weight = torch.ones(1, 1, 3, 3)  # (C_out, C_in, kH, kW)
out = F.conv2d(X, weight)  # (1, 1, 3, 3) -> (1, 1, 1, 1)
print("out:", out)
print("shape:", tuple(out.shape))

# %% [markdown]
# ## 입력까지 전달되는 기울기
#
# 입력을 `requires_grad=True`로 만들면 autograd가 입력도 추적합니다. 5×5 입력에서는 필터가
# 3×3 = 9곳에 놓일 수 있으므로 출력은 3×3이고 값은 모두 9입니다. `backward()`는 스칼라에만 호출할 수
# 있으므로 출력을 모두 더한 뒤 호출합니다. 그러면 각 출력 값이 받는 기울기는 1입니다.

# %%
X = torch.ones(1, 1, 5, 5, requires_grad=True)
out = F.conv2d(X, weight)  # (1, 1, 5, 5) -> (1, 1, 3, 3)
print("out shape:", tuple(out.shape), "| every value 9:", bool((out == 9).all()))
print("grad_fn:", type(out.grad_fn).__name__)
out.sum().backward()
print("X.grad:")
print(X.grad.squeeze())

# %% [markdown]
# 각 입력 픽셀의 기울기는 **그 픽셀이 출력 창 몇 개에 들어가는지**를 나타냅니다(정확히는 그 개수에
# 그 자리의 필터 값 1을 곱한 값). 모서리 픽셀은 창 하나에만, 가운데 픽셀은 아홉 개 모두에, 변의 가운데
# 픽셀은 세 개에 들어갑니다. 일반적으로 $\partial\,\text{sum}(\text{out}) / \partial x_{ij}$는 모든
# 창에서 $x_{ij}$에 닿는 필터 가중치를 더한 값입니다.

# %%
windows_per_row = torch.tensor([1.0, 2.0, 3.0, 2.0, 1.0])  # 열(또는 행)마다 그 위치를 덮는 창의 수
counts = torch.outer(windows_per_row, windows_per_row)  # (5,) x (5,) -> (5, 5)
assert torch.allclose(X.grad.squeeze(), counts)
print("gradient == window counts:", torch.allclose(X.grad.squeeze(), counts))

# %% [markdown]
# ## `nn.Conv2d`는 가중치와 편향을 스스로 보관합니다
#
# `nn.Conv2d(1, 1, 3)`은 만들 때 무작위 3×3 필터와 편향을 생성해 매개변수로 등록하고, 호출할 때마다
# 적용합니다. 이제 필터를 넘겨줄 필요가 없습니다.

# %%
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3)
for name, param in conv.named_parameters():
    print(name, tuple(param.shape), "requires_grad:", param.requires_grad)

# %% [markdown]
# 1로 채운 3×3 입력에서는 필터가 딱 한 번 놓이므로 출력은 숫자 하나입니다. 각 가중치에 1을
# 곱해 모두 더하고 편향을 더한 값, 즉 $\text{out} = \sum w + b$입니다. 또
# $\partial\,\text{out}/\partial x_{ij} = w_{ij}$이므로 입력에 전달되는 기울기는 **필터 그 자체**입니다.

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
# 모듈의 텐서(tensor)를 그대로 `F.conv2d`에 넘기면 같은 결과가 나옵니다. 모듈은 함수에, 그 함수가 쓸
# 상태를 대신 보관하는 기능을 더한 것이라고 볼 수 있습니다.

# %%
same = F.conv2d(X, conv.weight, conv.bias)
print("F.conv2d(X, conv.weight, conv.bias) == conv(X):", torch.allclose(same, conv(X)))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `Variable(...)`과 괄호 없는 `out.backward`.** 오래된 튜토리얼은 텐서를 학습 가능하게
# 만들려고 `torch.autograd.Variable`로 감쌉니다. 이 클래스는 PyTorch 0.4부터 더 이상 권장되지
# 않습니다(deprecated). 이제는 텐서 자체에 `requires_grad`가 있고, `Variable(x)`는 평범한 `Tensor`를
# 돌려줄 뿐입니다. 같은 노트에 있는 또 다른 실수는 `()` 없는 `out.backward`입니다. 이렇게 쓰면 메서드를
# *가져오기만* 하고 호출하지는 않으므로, 기울기가 계산되지 않고 `X.grad`는 `None`으로 남습니다.

# %% tags=["pitfall"]
from torch.autograd import Variable

v = Variable(torch.ones(2), requires_grad=True)  # 옛 방식: 실행은 되지만 얻는 것이 없음
print("Variable(...) gives:", type(v).__name__, "| requires_grad:", v.requires_grad)

X = torch.ones(1, 1, 3, 3, requires_grad=True)  # 요즘 방식
out = conv(X)
out.backward  # 호출이 아님: 바운드 메서드를 평가하고 버릴 뿐
print("after out.backward   ->", X.grad)

# %% tags=["pitfall"]
out.backward()  # 해결: 괄호를 붙여 호출
print("after out.backward() ->", X.grad.flatten()[:3], "...")

# %% [markdown]
# ## 작은 이미지에 적용한 경계 필터
#
# 오른쪽 열에서 왼쪽 열을 빼되 위에서 아래로 1, 2, 1의 가중치를 주는 필터를 소벨(Sobel) 필터라고
# 합니다. 이 필터로 합성곱을 하면 "여기서 왼쪽에서 오른쪽으로 밝기가 바뀌는가?"를 알 수 있습니다.
# 밝은 사각형에 적용하면 왼쪽 경계(+)와 오른쪽 경계(−)에서만 값이 생기고 나머지는 0입니다.
# `padding=1`은 출력 크기를 입력과 같게 유지합니다.

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
# `torch.nn.functional`의 함수는 계산만 합니다. 필요한 텐서는 모두 인자로 받습니다. 모듈은 텐서를
# 속성으로 보관하므로 `parameters()`, `state_dict()`, `.to(device)`, 옵티마이저(optimizer)가 모두 그
# 텐서를 찾을 수 있습니다. `nn.Linear`의 텐서로 `F.linear`를 호출해 보면 둘의 계산이 같다는
# 것을 확인할 수 있습니다.

# %%
linear = nn.Linear(4, 2)
x = torch.randn(3, 4)
by_module = linear(x)  # (3, 4) -> (3, 2)
by_function = F.linear(x, linear.weight, linear.bias)  # 가중치와 편향을 직접 들고 다녀야 함
print("same result:", torch.allclose(by_module, by_function))
print("parameters the module registered:", [n for n, _ in linear.named_parameters()])

# %% [markdown]
# 그래서 흔히 쓰는 방식은 이렇습니다. 매개변수가 있는 계층(layer)은 `__init__`에서 모듈로 만들고,
# 상태가 없는 연산은 `forward`에서 함수로 호출합니다. `forward` 안의 `F.relu`는 전혀 문제가 없습니다.
# 저장할 것이 없고, 학습할 때와 평가할 때 동작이 같기 때문입니다.

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

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `forward` 안의 `F.dropout`은 `model.eval()`을 무시합니다.** 드롭아웃과 배치 정규화는
# 학습 모드(training mode)와 평가 모드(evaluation mode)에서 다르게 동작합니다. `model.eval()`은 모든
# *하위 모듈*의 `training`을 `False`로 바꾸지만, 함수 호출은 하위 모듈이 아닙니다. `F.dropout(x)`에는
# 자체 인자 `training`이 있고 기본값이 `True`이므로, 평가 모드에서도 계속 값을 0으로 만듭니다.

# %% tags=["pitfall"]
class FunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5)  # 모드와 상관없이 기본값 training=True


class ModuleDropout(nn.Module):
    def __init__(self):
        super().__init__()
        self.drop = nn.Dropout(p=0.5)  # 하위 모듈: model.eval()이 전달됨

    def forward(self, x):
        return self.drop(x)


ones = torch.ones(1, 8)
for model in (FunctionalDropout(), ModuleDropout()):
    model.eval()
    print(f"{type(model).__name__:17} eval:", model(ones))

# %% [markdown] tags=["pitfall"]
# 평가 모드인데도 함수 버전은 값의 절반가량을 0으로 만들고 나머지를 두 배로 키웁니다. `nn.Dropout`은
# 입력을 그대로 통과시킵니다. 바로잡으려면 모듈을 쓰거나, `F.dropout(x, p=0.5, training=self.training)`처럼
# 모드를 직접 넘기면 됩니다.

# %% tags=["pitfall"]
class FixedFunctionalDropout(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5, training=self.training)  # train() / eval()을 따름


model = FixedFunctionalDropout().eval()
print("fixed, eval:", model(ones))

# %% [markdown]
# 배치 정규화도 사정이 같고, 관리할 상태가 더 많습니다. `nn.BatchNorm1d`는 가중치와 편향 말고도
# 이동 통계(running statistics)를 버퍼(buffer)로 보관하며, 모드에 따라 현재 미니배치(minibatch)의 통계와
# 이동 통계 중 하나를 씁니다. `F.batch_norm`을 쓰면 이 텐서들을 직접 만들고, 넘기고, 갱신해야 합니다.

# %%
bn = nn.BatchNorm1d(3)
print("parameters:", [n for n, _ in bn.named_parameters()])
print("buffers:   ", [n for n, _ in bn.named_buffers()])

# %% [markdown]
# ## `torch.nn` 짧게 둘러보기
#
# `torch.nn` 레퍼런스 문서는 모듈을 계열별로 묶어 두었습니다. 여기서는 계열마다 실행 가능한 작은 예제를
# 하나씩 봅니다. 대부분은 `torch.nn.functional`에 같은 일을 하는 함수도 있습니다.
#
# ### 컨테이너
#
# 컨테이너(container)는 다른 모듈을 담습니다. `nn.Sequential`은 담은 모듈을 차례로 호출하고,
# `nn.ModuleList`와 `nn.ModuleDict`는 등록만 합니다(호출은 `forward`에서 직접 합니다).

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
# 합성곱 계층은 입력 위에서 필터를 밀어 가며 계산하고, 풀링(pooling) 계층은 크기를 줄이며,
# 패딩(padding) 계층은 가장자리를 덧붙입니다.

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
# 활성화 함수(activation function) 모듈은 원소마다 비선형 함수를 적용합니다(`nn.Softmax`는 `dim`을
# 따라 정규화합니다). 정규화(normalization) 계층은 활성값의 크기를 조정합니다. 예를 들어
# `nn.LayerNorm`은 각 행을 평균 0, 분산 1로 만듭니다.

# %%
z = torch.tensor([[-2.0, -0.5, 0.0, 1.0, 3.0]])
print("ReLU:   ", nn.ReLU()(z))
print("GELU:   ", nn.GELU()(z))
print("Softmax:", nn.Softmax(dim=1)(z), "sum:", nn.Softmax(dim=1)(z).sum().item())
normed = nn.LayerNorm(5)(z)
print("LayerNorm mean:", round(normed.mean().item(), 4), "std:", round(normed.std(unbiased=False).item(), 4))
print("BatchNorm2d:", tuple(nn.BatchNorm2d(8)(feat).shape))  # 채널별 통계

# %% [markdown]
# ### 순환, 선형, 드롭아웃
#
# 순환(recurrent) 계층은 시퀀스를 한 단계씩 읽습니다(`batch_first=True`이면 입력 모양이 `(N, L, 특성)`입니다).
# 선형 계층은 특성을 변환하고, 드롭아웃은 학습 중에만 무작위로 값을 0으로 만듭니다.

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
# ### 희소와 거리
#
# `nn.Embedding`은 조회 테이블입니다. 정수 인덱스를 넣으면 인덱스마다 학습되는 벡터 하나가 나옵니다.
# 거리(distance) 모듈은 벡터를 행 단위로 비교합니다.

# %%
embedding = nn.Embedding(num_embeddings=10, embedding_dim=3)
ids = torch.tensor([[1, 2, 4], [4, 3, 9]])  # (2, 3) 정수 인덱스
print("Embedding:", tuple(ids.shape), "->", tuple(embedding(ids).shape))  # (2, 3) -> (2, 3, 3)
a = torch.tensor([[1.0, 0.0], [0.0, 0.0]])
b = torch.tensor([[1.0, 1.0], [3.0, 4.0]])
print("CosineSimilarity:", nn.CosineSimilarity(dim=1)(a, b))  # cos 45° = 0.7071, 그다음 0
print("PairwiseDistance:", nn.PairwiseDistance()(a, b))  # 유클리드 거리: 1, 그다음 5

# %% [markdown]
# ### 손실 함수
#
# 손실 함수(loss function) 모듈은 예측값과 정답을 받아 최소화할 숫자 하나를 계산합니다. `nn.MSELoss`는
# 회귀용이고, `nn.CrossEntropyLoss`는 소프트맥스 전의 로짓(logit)과 클래스 인덱스를 받습니다.
# `log_softmax`는 내부에서 직접 적용합니다.

# %%
pred, target = torch.tensor([2.0, 4.0]), torch.tensor([1.0, 1.0])
print("MSELoss:", nn.MSELoss()(pred, target).item())  # ((1)^2 + (3)^2) / 2 = 5
logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # (N=2, 클래스=3)
labels = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss()(logits, labels)
print("CrossEntropyLoss:", round(loss.item(), 4))  # (0.2395 + ln 3) / 2
print("same as F.cross_entropy:", torch.allclose(loss, F.cross_entropy(logits, labels)))

# %% [markdown]
# ## 요약
#
# - `torch.nn.functional`에는 **상태 없는 함수**가 있습니다. 가중치를 포함한 모든 텐서를 호출할 때마다
#   넘깁니다. `torch.nn`에는 매개변수와 버퍼를 만들고, 등록하고, 보관하는 **모듈**이 있습니다.
# - 1로 채운 입력과 1로 채운 3×3 필터로 `F.conv2d(X, weight)`를 계산하면 9가 나오고, 입력의 기울기는
#   각 픽셀을 덮는 창의 수입니다. 1로 채운 3×3 입력에 `nn.Conv2d`를 적용하면 `out = weight.sum() + bias`이고,
#   입력의 기울기는 필터와 같습니다.
# - `torch.autograd.Variable`은 쓰지 않습니다(텐서 자체에 `requires_grad`가 있습니다). `backward()`는 괄호를
#   붙여 호출합니다.
# - `F.relu`처럼 상태 없는 단계는 함수로, 매개변수가 있는 계층과 모드에 따라 달라지는 것
#   (`nn.Dropout`, `nn.BatchNorm1d`)은 모듈로 씁니다. 그래야 `model.eval()`이 전달됩니다.
#
# ## 연습 문제
#
# **1.** 1로 채운 4×6 입력과 2로 채운 3×3 필터가 있습니다. `F.conv2d` 출력의 모양과, `out.sum().backward()`
# 후 입력에 남는 기울기를 먼저 예상한 뒤 확인해 보세요.

# %% tags=["solution"]
X = torch.ones(1, 1, 4, 6, requires_grad=True)
out = F.conv2d(X, torch.full((1, 1, 3, 3), 2.0))  # (1, 1, 4, 6) -> (1, 1, 2, 4)
print("out shape:", tuple(out.shape), "| values:", out.unique().tolist())  # 9 * 2 = 18
out.sum().backward()
expected = 2.0 * torch.outer(torch.tensor([1.0, 2.0, 2.0, 1.0]), torch.tensor([1.0, 2.0, 3.0, 3.0, 2.0, 1.0]))
print(X.grad.squeeze())
print("2 x window counts:", torch.allclose(X.grad.squeeze(), expected))

# %% [markdown]
# **2.** `nn.Conv2d(1, 1, 3, bias=False)`를 만들고, `requires_grad=True`로 만든 1로 채운 3×3 입력에 호출해
# 보세요. 모듈의 가중치로 `F.conv2d`를 호출하면 같은 출력이 나오는지, 입력의 기울기가 가중치와 같은지
# 보이세요.

# %% tags=["solution"]
conv = nn.Conv2d(1, 1, 3, bias=False)
X = torch.ones(1, 1, 3, 3, requires_grad=True)
out = conv(X)
print("same output:", torch.allclose(out, F.conv2d(X, conv.weight)))
print("bias:", conv.bias)
out.backward()
print("X.grad == weight:", torch.allclose(X.grad, conv.weight))

# %% [markdown]
# **3.** `forward`에서 `F.dropout`을 올바르게 쓰는 모듈을 작성하고, `train()` 모드와 `eval()` 모드의 출력이
# 다르며 평가 모드 출력은 드롭아웃이 없을 때와 같음을 보이세요.

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
# - [`torch.nn`](https://docs.pytorch.org/docs/stable/nn.html) — 둘러보기에서 쓴 모든 모듈 계열
# - [`torch.nn.functional`](https://docs.pytorch.org/docs/stable/nn.functional.html)
# - [`F.conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.conv2d.html),
#   [`nn.Conv2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html),
#   [`F.linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.linear.html)
# - [Autograd 동작 방식](https://docs.pytorch.org/docs/stable/notes/autograd.html),
#   [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [Variable (deprecated)](https://docs.pytorch.org/docs/stable/autograd.html#variable-deprecated)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`F.dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.dropout.html),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`nn.BatchNorm1d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html)
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
#   [`nn.BatchNorm2d`](https://docs.pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html)
# - 순환과 선형: [`nn.LSTM`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LSTM.html),
#   [`nn.GRU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GRU.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Identity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Identity.html)
# - 희소와 거리: [`nn.Embedding`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Embedding.html),
#   [`nn.CosineSimilarity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CosineSimilarity.html),
#   [`nn.PairwiseDistance`](https://docs.pytorch.org/docs/stable/generated/torch.nn.PairwiseDistance.html)
# - 손실 함수: [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.cross_entropy`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html)
