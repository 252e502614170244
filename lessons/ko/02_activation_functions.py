# ---
# jupyter:
#   course:
#     synced_with_en: 1e874f50b2f7
# ---

# %% [markdown]
# # 활성화 함수
#
# 뉴런(neuron)은 입력의 가중합(weighted sum)에 편향(bias)을 더한 값 $z = \mathbf{w} \cdot \mathbf{x} + b$를 계산한 뒤, 그
# 값을 **활성화 함수**(activation function)에 통과시킵니다. 이 강의에서는 활성화 함수가 왜 필요한지,
# 실제로는 어떤 함수를 쓰는지 살펴봅니다.
#
# **이 강의에서 배울 내용**
#
# - 고전적인 활성화 함수(계단 함수, 시그모이드, tanh, ReLU)와 최근에 많이 쓰는 함수(LeakyReLU, ELU,
#   GELU, SiLU)의 모양과, autograd로 구한 각 함수의 도함수(derivative)
# - 신경망(neural network)에 비선형성(nonlinearity)이 필요한 이유: 선형 계층(layer) 두 개를 이어 붙여도 선형 계층 하나와 같다는 점
# - 계단 함수로는 기울기(gradient)를 이용해 학습할 수 없는 이유
# - 소프트맥스(softmax): 어느 차원(`dim`)을 따라 계산해야 하는지, 수치적으로 안정적인 구현, `log_softmax`
# - `nn.ReLU()`, `F.relu`, `torch.relu`: 같은 연산을 쓰는 세 가지 방법
#
# **사전 지식:** [01강](01_neural_networks.ipynb)(뉴런, `nn.Linear`, `torch.no_grad()` 안에서
# 매개변수(parameter)에 값 쓰기). PyTorch의 자동 미분 기능인 autograd는 다음 정도만 알면 됩니다.
# `requires_grad=True`로 만든 텐서(tensor)를 연산에 쓰면 PyTorch가 그 연산을 기록합니다(이 기록을 autograd
# 그래프라고 합니다). 그러면 `torch.autograd.grad(y, x)`나 `y.backward()`를 호출해 `y`를 `x`로 미분한
# **기울기**, 즉 `x`의 각 원소가 조금 바뀔 때 `y`가 얼마나 바뀌는지를 구할 수 있습니다. 다만
# `autograd.grad`에 `grad_outputs`를, `backward`에 `gradient`를 따로 넘기지 않으면 `y`는 원소가 하나뿐인
# 텐서여야 합니다. 이 조건을 맞추는 방법은 도함수를 다루는 절에서 봅니다.

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
device = get_device()

# %% [markdown]
# `F`는 `torch.nn.functional`을 줄여 부르는 이름입니다. 여기에는 `F.relu`, `F.softmax`처럼 신경망에 쓰는
# PyTorch 연산이 일반 함수 형태로 들어 있습니다. `F.relu`와 똑같은 연산을 `nn.ReLU()`나 `torch.relu`로
# 쓰는 방법은 마지막 절에서 비교합니다.
#
# ## 여덟 가지 활성화 함수
#
# 활성화 함수는 텐서의 원소 하나하나에 따로 적용됩니다. 계단 함수(step function)는 입력이 양수면 1,
# 음수면 0을 냅니다(아래 코드처럼 `sign`으로 만든 계단 함수는 입력이 정확히 0일 때 0.5를 냅니다).
# 시그모이드(sigmoid) $\sigma(x) = 1 / (1 + e^{-x})$는 어떤 입력이든 $(0, 1)$ 범위의 값으로,
# tanh(쌍곡탄젠트, hyperbolic tangent)는 $(-1, 1)$ 범위의 값으로 바꿉니다. ReLU는 $\max(0, x)$입니다.
# 즉 음수는 0으로 바꾸고 양수는 그대로 둡니다. LeakyReLU는 $x < 0$에서 0 대신 입력에 작은 수(아래에서는
# 0.1)를 곱한 값을 내고, ELU는 음수 쪽에서 $-1$에 부드럽게 가까워집니다. GELU $x\,\Phi(x)$와
# SiLU $x\,\sigma(x)$는 트랜스포머(transformer) 같은 최신 신경망에서 쓰는 ReLU의 매끄러운 변형입니다.
# 여기서 $\Phi$는 표준 정규 분포의 누적 분포 함수(cumulative distribution function, CDF)입니다.

# %%
activations = {
    "binary step": lambda t: (torch.sign(t) + 1) / 2,  # 0 / 0.5 / 1: autograd에 도함수 규칙이 있는 연산(sign)으로 만든 계단 함수
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "ReLU": F.relu,
    "LeakyReLU(0.1)": lambda t: F.leaky_relu(t, negative_slope=0.1),
    "ELU": F.elu,
    "GELU": F.gelu,
    "SiLU": F.silu,
}
x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])
print(f"{'x':>15}", x.tolist())
for name, f in activations.items():
    print(f"{name:>15}", [round(v, 3) for v in f(x).tolist()])

# %% [markdown]
# ## 함수와 도함수를 함께 보기
#
# 학습할 때는 가중치(weight)를 기울기와 반대 방향으로 조금씩 바꿉니다. 이 방법을 경사 하강법(gradient
# descent)이라고 하며, 식은 다음 절에서 봅니다. 가중치의 기울기를 구할 때는 그 가중치 뒤에 오는 활성화
# 함수의 도함수가 곱해지므로, 활성화 함수마다 도함수가 필요합니다. 이 값은 autograd가 대신 계산해 줍니다.
# 앞에서 말한 대로 `grad_outputs`나 `gradient`를 넘기지 않으면 `y`는 원소가 하나여야 하므로, 아래처럼 출력이
# 801개이면 오류가 납니다. 그래서 먼저 합을 구합니다. 출력 $i$는 입력 $i$에만 의존하므로, `f(x).sum()`의
# 기울기가 곧 각 점의 도함수 값 $f'(x_i)$입니다.

# %%
x = torch.linspace(-4, 4, 801, requires_grad=True)  # -4부터 4까지 점 801개
y = torch.sigmoid(x)  # 출력 801개
try:
    torch.autograd.grad(y, x)  # 원소가 하나가 아님: 거부
except RuntimeError as err:
    print("RuntimeError:", err)

(dy,) = torch.autograd.grad(y.sum(), x)  # 원소 하나: 통과. dy[i] = sigmoid'(x[i])
print("dy.shape:", dy.shape)

# %% [markdown]
# 여덟 함수의 도함수를 모두 같은 방법으로 구합니다. 아래 그림의 점선은 공식이 아니라 autograd로 구한
# 값입니다. matplotlib은 `requires_grad=True`인 텐서를 받지 않으므로, 그림에는 값은 같고 autograd 기록만
# 뗀 `x.detach()`를 넘깁니다.

# %%
fig, axes = plt.subplots(2, 4, figsize=(14, 6), sharex=True)
for ax, (name, f) in zip(axes.flat, activations.items()):
    y = f(x)
    (dy,) = torch.autograd.grad(y.sum(), x)  # dy[i] = f'(x[i]), dy에는 기록 없음
    ax.plot(x.detach(), y.detach(), label="f(x)")  # .detach(): 값은 같고 autograd 기록만 없는 텐서
    ax.plot(x.detach(), dy, "--", label="f'(x)  (autograd)")
    ax.axhline(0, color="gray", lw=0.5)
    ax.set_title(name)
    ax.grid(alpha=0.3)
    print(f"{name:>15}  max f'(x) = {dy.max():.3f}   f'(4) = {dy[-1]:.3f}")
axes[0, 0].legend(loc="upper left")
fig.suptitle("activation functions and their derivatives / 활성화 함수와 도함수")
fig.tight_layout()
show(fig)

# %% [markdown]
# 그림과 표시된 값에서 세 가지를 알 수 있습니다. 첫째, 시그모이드의 도함수는 최댓값이 0.25입니다.
# 역전파(backpropagation)는 기울기를 출력 쪽에서 입력 쪽으로 거슬러 전달하는 과정입니다. 이때 시그모이드를
# 하나 지날 때마다 기울기에 0.25 이하의 값이 곱해지므로, 시그모이드를 여러 층 거치면 기울기가 매우
# 작아지기 쉽습니다. 이 현상을 **기울기 소실**(vanishing gradient)이라고 합니다. 반면 ReLU의 도함수는
# 양수 입력에서 정확히 1이라 기울기가 줄지 않습니다. 깊은 신경망이 시그모이드 대신 ReLU를 쓰게 된 이유
# 중 하나입니다. 둘째, $|x|$가 크면 시그모이드와 tanh는 거의 평평해집니다. 이를 **포화**(saturation)라고
# 합니다. $x = 4$에서 이미 두 함수의 도함수가 0.02보다 작아서 기울기가 거의 전달되지 않습니다. 셋째,
# 그림에 그린 계단 함수의 도함수는 모든 점에서 0입니다. 다음 절에서 이 문제를 다룹니다.

# %% [markdown]
# ## 계단 함수로는 학습할 수 없는 이유
#
# 계단 함수는 0의 양쪽에서 상수이므로, 도함수는 0을 제외한 모든 곳에서 0이고 0에서는 정의되지
# 않습니다. PyTorch에서는 이 사실이 두 가지로 드러납니다. 첫째, `z > 0` 같은 비교 연산은 autograd 그래프를
# 끊어 버립니다. 비교 결과에는 자신을 만든 연산을 가리키는 `grad_fn`이 없어서 `backward()`를 호출하면
# 오류가 납니다. 둘째, 위에서 `sign`으로 만든 계단 함수처럼 autograd에 도함수 규칙이 있는 연산으로
# 만들어도 기울기는 모두 0입니다.

# %%
z = torch.tensor([-1.5, -0.2, 0.3, 2.0], requires_grad=True)
step = (z > 0).float()
print("step:", step, "| requires_grad:", step.requires_grad, "| grad_fn:", step.grad_fn)
try:
    step.sum().backward()
except RuntimeError as err:
    print(type(err).__name__ + ":", err)

for name in ["binary step", "sigmoid", "ReLU"]:
    (grad,) = torch.autograd.grad(activations[name](z).sum(), z)
    print(f"{name:>12} gradient: {grad}")

# %% [markdown]
# 경사 하강법은 한 스텝(step)마다 가중치를 $w \leftarrow w - \eta \, \partial L / \partial w$로 갱신합니다.
# 여기서 $L$은 손실(loss), 즉 학습으로 줄이려는 값이고([07강](07_training_basics.ipynb)에서 다룹니다),
# $\partial L / \partial w$는 $L$을 $w$로 미분한 기울기, $\eta$는 작은 양수인 학습률(learning rate)입니다.
# 활성화 함수가 계단 함수라면 그 앞의 가중치는 $\partial L / \partial w$가 모두 0이라 전혀 바뀌지 않고,
# 신경망은 아무것도 배우지 못합니다. 시그모이드는 계단 함수를 매끄럽게 만든 함수로, 수학적으로는
# 도함수가 어디서나 0보다 큽니다. 초기 신경망에서 시그모이드가 계단 함수를 대신하게 된 이유입니다. 다만
# float32(32비트 부동소수점)로 계산하면, 0에서 아주 멀어 시그모이드가 완전히 포화된 곳에서는 autograd가
# 구한 기울기가 정확히 0이 됩니다. 예를 들어 $x = -100$과 $x = 20$에서 그렇습니다.

# %%
far = torch.tensor([-100.0, 20.0], requires_grad=True)
(grad,) = torch.autograd.grad(torch.sigmoid(far).sum(), far)
print("sigmoid gradient at x = -100 and x = 20:", grad)
assert torch.equal(grad, torch.zeros(2))  # CPU의 float32: 두 점 모두 정확히 0

# %% [markdown]
# ## 비선형성이 필요한 이유: 선형 계층 두 개는 선형 계층 하나
#
# 두 선형 계층 사이에 활성화 함수가 없으면 두 계층은 하나로 합쳐집니다.
# $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$이기 때문입니다. 이 식대로 `nn.Linear` 하나를
# 만들고, 두 계층을 차례로 통과한 출력과 같은지 확인해 봅시다. 매개변수에 값을 쓰는 부분은
# [01강](01_neural_networks.ipynb)에서처럼 `torch.no_grad()` 안에 둡니다. 그 밖에서는 PyTorch가 제자리
# 연산으로 매개변수를 덮어쓰는 것을 거부합니다.

# %%
layer1 = nn.Linear(4, 8).to(device)
layer2 = nn.Linear(8, 3).to(device)
W1, b1 = layer1.weight, layer1.bias  # (8, 4), (8,)
W2, b2 = layer2.weight, layer2.bias  # (3, 8), (3,)

merged = nn.Linear(4, 3).to(device)
with torch.no_grad():  # 매개변수를 제자리에서 덮어쓰려면 필수
    merged.weight.copy_(W2 @ W1)  # (3, 8) @ (8, 4) -> (3, 4)
    merged.bias.copy_(W2 @ b1 + b2)  # (3,)

X = torch.randn(5, 4).to(device)  # 샘플 5개짜리 미니배치
two_layers = layer2(layer1(X))  # (5, 4) -> (5, 8) -> (5, 3)
print("layer2(layer1(X))[0]:", [round(v, 4) for v in two_layers[0].tolist()])
print("merged(X)[0]        :", [round(v, 4) for v in merged(X)[0].tolist()])
assert torch.allclose(two_layers, merged(X), atol=1e-6)
print("two Linear layers == one Linear layer: True")

# %% [markdown]
# 같은 두 계층 사이에 ReLU를 넣으면 결과는 더 이상 `X`에 행렬 하나를 곱하고 벡터 하나를
# 더한 꼴(선형 변환)로 나타낼 수 없습니다. 그래서 방금 합친 계층의 출력과도 달라집니다.

# %%
with_relu = layer2(F.relu(layer1(X)))  # 가중치는 그대로, ReLU만 추가
diff = (with_relu - merged(X)).abs().max().item()
print(f"max |with_relu - merged(X)| = {diff:.3f}")

# %% [markdown]
# 그림으로 보면 더 분명합니다. 입력 특성(feature) 1개, 뉴런 16개짜리 은닉층(hidden layer), 출력 1개로 된
# 신경망이 계산하는 함수를 세 가지 경우로 그려 봅니다. 세 그림 모두 **같은** 무작위 가중치를 쓰고 활성화
# 함수만 바꿉니다. 활성화 함수가 없으면 뉴런을 몇 개 쓰든 결과는 직선입니다. ReLU를 넣으면 여러 번 꺾인
# 선이, tanh를 넣으면 매끄러운 곡선이 됩니다. 뉴런을 늘리면 꺾이거나 휘는 곳도 더 많이 만들 수 있어서,
# 신경망은 복잡한 함수도 근사할 수 있습니다.

# %%
layer1, layer2 = nn.Linear(1, 16), nn.Linear(16, 1)
x = torch.linspace(-3, 3, 200).unsqueeze(1)  # (200,) -> (200, 1): 샘플 200개, 특성 1개
fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
# no_grad: autograd 기록 없음. 그림에는 기록이 필요 없고, matplotlib은 기록이 있는 텐서를 받지 않음
with torch.no_grad():
    for ax, (title, act) in zip(axes, [("no activation / 활성화 없음", nn.Identity()),  # Identity: 입력을 그대로 반환
                                       ("ReLU", nn.ReLU()), ("tanh", nn.Tanh())]):
        ax.plot(x, layer2(act(layer1(x))))  # (200, 1) -> (200, 16) -> (200, 1)
        ax.set_title(title)
        ax.set_xlabel("x")
        ax.grid(alpha=0.3)
fig.suptitle("Linear(1, 16) -> ? -> Linear(16, 1)")
fig.tight_layout()
show(fig)

# %% [markdown]
# ## 소프트맥스: 로짓을 확률로
#
# 분류 모델의 마지막 계층은 클래스(class)마다 가공하지 않은 점수 하나, 즉 **로짓**(logit)을 내놓습니다.
# 소프트맥스는 로짓 벡터를 $\mathrm{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}$에 따라 합이 1인
# 확률(probability)로 바꿉니다. 모양이 `(샘플, 클래스)`인 미니배치(minibatch)에서는 **행**마다 합이 1이
# 되어야 하므로 클래스 차원인 `dim=1`을 씁니다. `dim=0`을 쓰면 열마다, 즉 한 클래스의 값을 여러
# 샘플(sample)에 걸쳐 더한 합이 1이 되도록 정규화(normalization)합니다.

# %%
logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.5, 0.0]])  # (샘플 2개, 클래스 3개)
p_rows = F.softmax(logits, dim=1)
p_cols = F.softmax(logits, dim=0)
print("dim=1:\n", p_rows, "\n  row sums:", p_rows.sum(dim=1))
print("dim=0:\n", p_cols, "\n  row sums:", p_cols.sum(dim=1), " column sums:", p_cols.sum(dim=0))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 엉뚱한 차원을 따라 소프트맥스 계산하기**
#
# `dim=0`으로 써도 코드는 아무 경고 없이 실행됩니다. 하지만 샘플마다 '확률'의 합이 더는 1이 아니고,
# 같은 미니배치에 어떤 샘플이 함께 들어 있느냐에 따라 값이 달라집니다. 극단적인 예로, 샘플이 하나뿐인
# 미니배치에서는 모든 클래스의 확률이 1이 됩니다.

# %% tags=["pitfall"]
wrong = nn.Softmax(dim=0)
print("batch of 2, dim=0, row sums:", wrong(logits).sum(dim=1))
print("batch of 1, dim=0:", wrong(logits[:1]))

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 클래스 차원인 `dim=1`을 따라 정규화합니다. 마지막 차원을 뜻하는 `dim=-1`을 쓰면 앞쪽에
# 차원이 더 붙어도 계속 올바르게 동작합니다. 이제 한 샘플의 결과는 같은 미니배치에 어떤 샘플이 함께
# 있든 달라지지 않습니다.

# %% tags=["pitfall"]
right = nn.Softmax(dim=1)
print("batch of 2, dim=1, row sums:", right(logits).sum(dim=1))
assert torch.allclose(right(logits[:1]), right(logits)[:1])
print("batch of 1, dim=1:", right(logits[:1]))

# %% [markdown]
# ## 수치적으로 안정적인 소프트맥스
#
# 공식을 그대로 계산하면 로짓이 클 때 오버플로(overflow)가 납니다. float32가 나타낼 수 있는 가장 큰 수는
# 약 $3.4 \cdot 10^{38}$이고, 이보다 큰 결과는 무한대를 뜻하는 `inf`가 됩니다. $e^{88.72}$가 이미 이 정도
# 크기라서, $z$가 약 88.72를 넘으면 $e^{z}$는 `inf`가 됩니다. 그러면 분자와 분모가 모두 `inf`가 되고,
# `inf / inf`는 '숫자가 아님(not a number)'을 뜻하는 `nan`이 됩니다. 모든 로짓에서 가장 큰 로짓 $m$을
# 먼저 빼도 결과는 수학적으로 같습니다. 분자와 분모에 똑같이 곱해지는 $e^{-m}$이 약분되기 때문입니다.
# $$\mathrm{softmax}(z)_i = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}$$
# 이렇게 하면 모든 지수가 0 이하라서 어떤 항도 1을 넘지 않고, 분모에는 $e^0 = 1$인 항이 있어 0이 되지도
# 않습니다. 그래서 오버플로도, `nan`도 생기지 않습니다.

# %%
def naive_softmax(z):
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


def stable_softmax(z):
    # .max(dim=-1, keepdim=True)는 (values, indices)를 돌려줌. .values: 행마다 최댓값, 모양 (행 수, 1)
    z = z - z.max(dim=-1, keepdim=True).values  # 가장 큰 값은 0으로
    return torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)


print("largest float32:", torch.finfo(torch.float32).max)
print("exp([88.72, 88.73]):", torch.exp(torch.tensor([88.72, 88.73])))

big = torch.tensor([[1000.0, 1001.0, 1002.0]])
print("exp(big)      :", torch.exp(big))
print("naive_softmax :", naive_softmax(big))
print("stable_softmax:", stable_softmax(big))
assert torch.allclose(stable_softmax(big), torch.softmax(big, dim=-1))
assert torch.allclose(stable_softmax(logits), torch.softmax(logits, dim=-1))
print("stable_softmax == torch.softmax: True")

# %% [markdown]
# PyTorch의 `torch.softmax`가 이 처리를 대신해 줍니다(`F.softmax`도 같은 값을 계산합니다). 그러니 실제로
# 소프트맥스를 직접 구현할 일은 없습니다.
#
# ## `log_softmax`: `log(softmax(...))`보다 나은 이유
#
# 분류 모델을 학습할 때 쓰는 손실 함수(loss function)는 확률이 아니라 확률의 **로그**를 써서
# 계산합니다. `softmax`를 먼저 계산하고 `log`를 취하면 문제가 생깁니다. 확률이 너무 작아 0으로
# 반올림되면(언더플로, underflow) 그 로그는 `-inf`가 됩니다. `log_softmax`는
# $z_i - m - \log \sum_j e^{z_j - m}$을 직접 계산하므로 결과가 `-inf`가 되지 않습니다.

# %%
z = torch.tensor([[0.0, -50.0, -200.0]])
print("softmax         :", torch.softmax(z, dim=1))
print("log(softmax)    :", torch.log(torch.softmax(z, dim=1)))
print("log_softmax     :", F.log_softmax(z, dim=1))
assert torch.allclose(F.log_softmax(z, dim=1), z - torch.logsumexp(z, dim=1, keepdim=True))
print("log_softmax == z - logsumexp(z): True")

# %% [markdown]
# 같은 이유로 `nn.CrossEntropyLoss`는 확률이 아니라 가공하지 않은 로짓을 입력으로 받습니다. 내부에서
# `log_softmax`를 적용한 뒤, 정답 클래스의 로그 확률에 음수 부호를 붙이는 `nn.NLLLoss`(음의 로그 가능도,
# negative log-likelihood)를 계산합니다. 미니배치라면 기본적으로 샘플마다 구한 이 값의 평균을 돌려줍니다.
# [09강](09_train_and_evaluate.ipynb)에서 이 손실 함수로 모델을 학습합니다.

# %% [markdown]
# ## `nn.ReLU()`, `F.relu`, `torch.relu` 비교
#
# 같은 연산을 세 가지 방법으로 쓸 수 있습니다. `nn.ReLU()`는 모듈(module)입니다. 01강의 `nn.Linear`처럼 한 번
# 만들어 두고 함수처럼 호출하는 객체인데, 매개변수는 하나도 없습니다. 모델은 이런 모듈을 엮어
# 만듭니다([03강](03_building_models.ipynb)에서 모델을 하나 만들고, [04강](04_layers.ipynb)에서
# `nn.Sequential`로 모듈을 차례로 잇습니다). `torch.nn.functional`의 `F.relu`는 일반 함수여서 03강에서
# 배울 `forward` 메서드 안에서 바로 쓰기 편합니다. 내부에서는 `torch.relu`를 호출합니다. 셋의 결과는
# 완전히 같습니다.

# %%
x = torch.randn(2, 5).to(device)
a = nn.ReLU()(x)
b = F.relu(x)
c = torch.relu(x)
print(x.cpu())
print(a.cpu())  # 음수였던 원소는 모두 0
print("identical:", torch.equal(a, b) and torch.equal(b, c))
print("nn.ReLU() parameters:", list(nn.ReLU().parameters()))

# %% [markdown]
# ## 요약
#
# - 활성화 함수는 가중합에 편향을 더한 값 $z$에 원소별로 적용됩니다. 활성화 함수가 없으면 `nn.Linear`를
#   아무리 쌓아도 선형 변환 하나일 뿐입니다($W = W_2 W_1$, $b = W_2 b_1 + b_2$).
# - `grad_outputs`나 `gradient`를 넘기지 않고 `torch.autograd.grad(y, x)`나 `y.backward()`를 호출하려면 `y`의
#   원소가 하나여야 합니다. 원소별로 적용하는 함수라면 `f(x).sum()`의 기울기가 곧 $f'(x)$입니다.
# - 학습하려면 도함수가 0이 아니고 너무 작지도 않아야 합니다. 계단 함수는 거의 모든 곳에서 도함수가 0이고,
#   시그모이드와 tanh는 포화됩니다($|x|$가 크면 평평해지고, 시그모이드의 도함수는 최대 0.25). 오늘날에는
#   ReLU와 그 매끄러운 변형(GELU, SiLU)을 주로 씁니다.
# - 소프트맥스는 `dim`을 따라 로짓을 확률로 바꿉니다. `(샘플, 클래스)` 미니배치라면 클래스 차원인
#   `dim=1`을 씁니다. 안정적으로 구현하려면 최댓값을 먼저 뺍니다. 로그 확률은 `log_softmax`로 구해야
#   안정적입니다.
# - `nn.ReLU()`, `F.relu`, `torch.relu`는 같은 값을 계산합니다. 모듈 형태는 `nn.Sequential`처럼
#   모듈을 차례로 잇는 컨테이너(container)에 넣을 때 씁니다(04강).

# %% [markdown]
# ## 연습 문제
#
# **1.** `torch.linspace(-6, 6, 101)`의 점들에서 시그모이드의 도함수가 $\sigma(x)\,(1 - \sigma(x))$와
# 같은지 autograd로 확인하고, 도함수가 가장 큰 지점을 찾아 보세요.

# %% tags=["solution"]
x = torch.linspace(-6, 6, 101, requires_grad=True)
s = torch.sigmoid(x)
(ds,) = torch.autograd.grad(s.sum(), x)
assert torch.allclose(ds, (s * (1 - s)).detach())  # .detach(): 값만 비교
i = ds.argmax()
print(f"max derivative {ds[i]:.4f} at x = {x[i]:.2f}")

# %% [markdown]
# **2.** 모든 로짓에 같은 수를 더해도 소프트맥스 결과는 변하지 않지만, 같은 수를 곱하면 달라집니다.
# `logits = torch.tensor([[2.0, 1.0, 0.1]])`로 두 가지를 모두 확인해 보세요.

# %% tags=["solution"]
logits = torch.tensor([[2.0, 1.0, 0.1]])
p = torch.softmax(logits, dim=1)
print("softmax(z)    :", p)
print("softmax(z + 5):", torch.softmax(logits + 5, dim=1))
print("softmax(3 * z):", torch.softmax(3 * logits, dim=1))  # 더 뾰족한 분포: 가장 큰 로짓의 몫이 더 큼
assert torch.allclose(p, torch.softmax(logits + 5, dim=1))

# %% [markdown]
# **3.** 활성화 함수 없이 `nn.Linear(6, 5)`, `nn.Linear(5, 4)`, `nn.Linear(4, 2)`를 차례로 이었습니다.
# 이것과 똑같이 동작하는 `nn.Linear(6, 2)` 하나를 만들고 `torch.allclose`로 확인해 보세요.

# %% tags=["solution"]
l1, l2, l3 = nn.Linear(6, 5), nn.Linear(5, 4), nn.Linear(4, 2)
single = nn.Linear(6, 2)
with torch.no_grad():
    single.weight.copy_(l3.weight @ l2.weight @ l1.weight)  # (2, 4) @ (4, 5) @ (5, 6) -> (2, 6)
    single.bias.copy_(l3.weight @ (l2.weight @ l1.bias + l2.bias) + l3.bias)
X = torch.randn(10, 6)
assert torch.allclose(l3(l2(l1(X))), single(X), atol=1e-6)
print("three Linear layers == one Linear layer: True")

# %% [markdown]
# ## 더 읽을거리
#
# - 활성화 모듈: [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sigmoid.html),
#   [`nn.Tanh`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Tanh.html),
#   [`nn.LeakyReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.LeakyReLU.html),
#   [`nn.ELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ELU.html),
#   [`nn.GELU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.GELU.html),
#   [`nn.SiLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.SiLU.html),
#   [`nn.Identity`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Identity.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [전체 활성화 함수 목록](https://docs.pytorch.org/docs/stable/nn.html#non-linear-activations-weighted-sum-nonlinearity)
# - 함수: [`F.relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.relu.html),
#   [`F.leaky_relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.leaky_relu.html),
#   [`F.elu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.elu.html),
#   [`F.gelu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.gelu.html),
#   [`F.silu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.silu.html),
#   [`F.softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html)
#   (`torch.softmax`도 같은 값을 계산),
#   [`F.log_softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.log_softmax.html),
#   [`torch.sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.sigmoid.html),
#   [`torch.tanh`](https://docs.pytorch.org/docs/stable/generated/torch.tanh.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`torch.sign`](https://docs.pytorch.org/docs/stable/generated/torch.sign.html),
#   [`torch.logsumexp`](https://docs.pytorch.org/docs/stable/generated/torch.logsumexp.html),
#   [`torch.finfo`](https://docs.pytorch.org/docs/stable/type_info.html#torch.finfo)
# - 계층과 손실 함수: [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`nn.NLLLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.NLLLoss.html)
# - autograd: 튜토리얼 [Automatic differentiation with `torch.autograd`](https://docs.pytorch.org/tutorials/beginner/basics/autogradqs_tutorial.html)
#   (한국어 번역: [`torch.autograd`를 사용한 자동 미분](https://tutorials.pytorch.kr/beginner/basics/autogradqs_tutorial.html)),
#   [`torch.autograd.grad`](https://docs.pytorch.org/docs/stable/generated/torch.autograd.grad.html),
#   [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`Tensor.detach`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.detach.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
