# ---
# jupyter:
#   course:
#     synced_with_en: 42c42d9f89a6
# ---

# %% [markdown]
# # 신경망이란?
#
# 신경망(neural network)은 **뉴런**(neuron)이라는 작은 계산 단위를 여러 개 이어 만든 구조입니다. 이
# 강의에서는 뉴런 하나와, 뉴런 여러 개를 묶은 계층(layer)을 텐서(tensor)로 직접 계산해 보고, PyTorch의
# `nn.Linear`가 정확히 같은 값을 내는지 확인합니다.
#
# **이 강의에서 배울 내용**
#
# - 뉴런이 하는 계산: 입력값의 가중합(weighted sum)에 편향(bias)을 더하고 활성화 함수(activation function)를 통과시키기
# - 뉴런을 계층으로 배치하는 방법: 입력층(input layer), 은닉층(hidden layer), 출력층(output layer)
# - 여러 샘플(sample)을 묶은 미니배치(minibatch)의 출력을 `X @ W.T + b` 한 번으로 구하는 방법과, `nn.Linear`의 계산도 이와 같다는 점
# - `nn.Linear`가 가중치(weight)를 저장하는 방식: 뉴런 하나가 행 하나인 `(out_features, in_features)` 모양
# - 계층의 가중치와 편향을 제자리(in-place) 연산(`copy_`, `fill_`)으로 덮어쓸 때 `torch.no_grad()`가 꼭 필요한 이유
# - 편향이 하는 일(문턱값 옮기기)과 편향을 두고 흔히 하는 오해(편향이 확신의 척도라는 생각)
#
# **사전 지식:** 파이썬 기초 지식과, 텐서를 만들어 `shape`, `W[1]` 같은 인덱싱, `*`, `@`, `.T`(전치, transpose),
# `.sum()`을 조금 써 본 경험이면 충분합니다. `x > 0` 같은 비교 결과에 `.int()`를 붙여 0과 1로 바꾸는 코드도
# 나옵니다. 그림은 matplotlib(`plt.subplots`, `ax.plot`)으로 그리는데, 그 코드는 읽을 수만 있으면 됩니다.
# 먼저 들어야 할 강의는 없습니다.

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, seed_everything, show

seed_everything(0)
torch.set_printoptions(precision=4, sci_mode=False)  # 소수점 4자리, 1e-05 같은 지수 표기 없음
device = get_device()  # CUDA, 없으면 MPS, 그것도 없으면 CPU
print("device:", device.type)

# %% [markdown]
# `seed_everything`, `show`, `get_device`는 이 강좌의 도우미 패키지 `course_lib`에 들어 있는 작은
# 함수입니다. `seed_everything(0)`은 파이썬 `random`과 PyTorch 난수 생성기의 시드(seed)를 0으로 고정합니다.
# 그래서 아래에서 만드는 무작위 텐서와 가중치의 초깃값이 실행할 때마다 똑같이 나옵니다. `show(fig)`는
# matplotlib 그림을 화면에 표시합니다. `get_device()`는 뒤에 나오는 "`nn.Linear`도 같은
# 계산을 합니다" 절에서 설명합니다.
#
# ## 뉴런 하나
#
# 뉴런은 입력값 $n$개($x_1, \dots, x_n$)를 받아 입력값마다 따로 정해진 **가중치** $w_i$를 곱해 모두
# 더합니다. 이 합을 가중합이라고 합니다. 가중합에 **편향** $b$를 더한 값이 $z$이고, $z$를
# **활성화 함수** $f$에 통과시킨 결과가 뉴런의 출력입니다.
#
# $$y = f(z), \qquad z = \sum_{i=1}^{n} w_i x_i + b = \mathbf{w} \cdot \mathbf{x} + b$$
#
# 가중치와 편향은 뉴런의 매개변수(parameter)이고, 학습이란 이 값들을 조정하는 과정입니다. 아래는 입력값이
# 3개인 뉴런 하나를 직접 계산한 예입니다. 활성화 함수로는 시그모이드(sigmoid) $\sigma(z) = 1 / (1 + e^{-z})$를
# 씁니다.

# %%
x = torch.tensor([1.0, 2.0, 3.0])    # 입력값 3개
w = torch.tensor([0.5, -1.0, 0.25])  # 입력값마다 가중치 하나
b = torch.tensor(0.1)                # 뉴런마다 편향 하나

z = (w * x).sum() + b                # 0.5 - 2.0 + 0.75 + 0.1
print("z =", z)
print("w @ x + b =", w @ x + b)  # 같은 값을 내적으로 계산
print("sigmoid(z) =", torch.sigmoid(z))

# %% [markdown]
# 가중합은 결국 내적(dot product) `w @ x`이므로, 여기에 편향을 더한 `w @ x + b`도 $z$와 같은 값
# $-0.65$를 냅니다. 시그모이드는 어떤 $z$든 0과 1 사이, 즉 $(0, 1)$ 범위의 값으로 바꿉니다. 다른 활성화
# 함수는 [02강](02_activation_functions.ipynb)에서 비교합니다.
#
# ## 계층: 입력층, 은닉층, 출력층
#
# 신경망의 뉴런은 **계층** 단위로 묶여 있습니다. **입력층**은 입력값을 담아 둘 뿐 아무 계산도 하지 않습니다.
# 계산은 뉴런 여러 개로 이루어진 **은닉층**과 **출력층**이 합니다. 이 강의의 신경망에서는 은닉층과 출력층의
# 모든 뉴런이 바로 앞 계층의 값을 빠짐없이 받습니다. 아래 그림은 입력값 3개, 뉴런 4개짜리 은닉층, 뉴런 2개짜리
# 출력층으로 이루어진 '3-4-2' 신경망입니다.

# %%
sizes = [3, 4, 2]  # 입력층의 값 개수, 은닉층과 출력층의 뉴런 개수
labels = ["input / 입력층", "hidden / 은닉층", "output / 출력층"]
pos = [[(2 * col, (n - 1) / 2 - row) for row in range(n)] for col, n in enumerate(sizes)]

fig, ax = plt.subplots(figsize=(7, 5))
for col, (left, right) in enumerate(zip(pos, pos[1:])):  # 모든 값이 다음 계층의 모든 뉴런으로 연결
    for (x0, y0) in left:
        for (x1, y1) in right:
            ax.plot([x0, x1], [y0, y1], color="gray", lw=0.8, zorder=1)
    n_out, n_in = sizes[col + 1], sizes[col]
    ax.text(2 * col + 1, 1.9, f"W: ({n_out}, {n_in})\nb: ({n_out},)", ha="center", va="bottom", family="monospace")
for col, (points, label) in enumerate(zip(pos, labels)):
    for (px, py) in points:
        ax.add_patch(plt.Circle((px, py), 0.22, color=f"C{col}", zorder=2))
    ax.text(2 * col, -2.3, label, ha="center", va="top")
ax.set(xlim=(-1, 5), ylim=(-2.8, 2.8), aspect="equal", title="A 3-4-2 network / 3-4-2 신경망")
ax.axis("off")
show(fig)

# %% [markdown]
# 은닉층과 출력층에는 들어오는 선마다 가중치가 하나씩, 뉴런마다 편향이 하나씩 있습니다. 선 위에는 이 값들을
# 담는 PyTorch 텐서의 모양을 적어 두었습니다. 가중치를 왜 `(out, in)` 순서로 쓰는지는 이어지는 절에서
# 설명합니다.
#
# ## 한 계층을 직접 계산하기: `X @ W.T + b`
#
# 계층은 같은 입력을 받는 뉴런 여러 개를 묶은 것입니다. 각 뉴런의 가중치 벡터를 행으로 쌓으면 `(out, in)`
# 모양(`out`은 뉴런 수, `in`은 입력값 수)의 행렬 `W`가 됩니다.
#
# 신경망에 넣는 데이터 하나하나, 예를 들어 이미지 한 장을 **샘플**이라고 합니다. 샘플을 이루는 입력값 하나하나를
# 그 샘플의 **특성**(feature)이라고 합니다. 이미지라면 픽셀 하나가 특성 하나입니다. **미니배치**, 즉
# 한꺼번에 처리하려고 묶은 여러 샘플도 행으로 쌓아 `X`를 만듭니다. `X`의 행 하나가 샘플 하나, 열 하나가 특성
# 하나입니다. 그러면 `W`의 전치 `W.T`를 써서 `X @ W.T + b` 한 번으로 샘플마다 모든 뉴런의 값을 구할 수
# 있습니다.

# %%
X = torch.randn(2, 3)  # 샘플 2개로 된 미니배치, 샘플마다 특성 3개
W = torch.randn(4, 3)  # 뉴런 4개: i번째 행이 뉴런 i의 가중치 3개
b = torch.randn(4)     # 뉴런마다 편향 하나

Z = X @ W.T + b        # (2, 3) @ (3, 4) + (4,) -> (2, 4)
print("Z.shape:", Z.shape)
print(Z)

neuron_1 = (W[1] * X[0]).sum() + b[1]  # 뉴런 하나만 따로 계산: 샘플 0에 뉴런 1 적용
print("Z[0, 1] =", Z[0, 1], " single neuron:", neuron_1)

# %% [markdown]
# `Z[i, j]`는 샘플 `i`에 뉴런 `j`를 적용한 값입니다. 위 코드에서 `neuron_1`을 구한 줄처럼 뉴런 하나씩 따로
# 계산해도 같은 값이 나옵니다. 모양이 `(4,)`인 편향 `b`는 브로드캐스팅(broadcasting), 즉 모자란 차원을 자동으로 늘려 맞추는
# 규칙에 따라 모든 행에 똑같이 더해집니다.
#
# ## `nn.Linear`도 같은 계산을 합니다
#
# `nn.Linear(in_features, out_features)`가 바로 이런 계층입니다. 가중치와 편향을 계층 안에 저장해 두고
# `X @ W.T + b`를 계산합니다. 앞에서 만든 `W`와 `b`를 복사해 넣으면 같은 값이 나와야 합니다.
#
# 계층은 `device`에 둡니다. `device`는 첫 번째 셀에서 강좌 도우미 함수 `get_device()`가 고른
# 장치(device)입니다. CUDA GPU가 있으면 GPU, 없으면 Apple 실리콘 Mac의 GPU(MPS), 그것도 없으면 CPU를
# 고릅니다. `get_device()` 없이 PyTorch만으로 장치를 고르는 코드는 [03강](03_building_models.ipynb)에서
# 봅니다. 이 페이지는 CPU에서 실행했기 때문에 첫 번째 셀에 `device: cpu`가 표시되어 있습니다. GPU가 있는
# 컴퓨터에서 실행하면 `cuda`나 `mps`가 표시됩니다. `.to(device)`는 계층이나 텐서를 그 장치로 옮깁니다.
#
# 먼저 아무 준비 없이 `copy_`로 가중치를 복사해 보면 오류가 납니다.

# %%
layer = nn.Linear(in_features=3, out_features=4).to(device)
print(layer)
print("weight.requires_grad:", layer.weight.requires_grad)

try:
    layer.weight.copy_(W)  # 기록이 켜진 채로 매개변수를 제자리에서 덮어쓰기: 거부
except RuntimeError as err:
    print("RuntimeError:", err)

# %% [markdown]
# 계층의 가중치와 편향은 `requires_grad=True`입니다. PyTorch는 이런 텐서로 하는 연산을 모두 기록해 둡니다.
# 나중에 학습할 때 **기울기**(gradient), 즉 매개변수가 조금 바뀔 때 결과가 얼마나 바뀌는지를 계산하려면 이
# 기록이 필요하기 때문입니다. PyTorch 한국어 튜토리얼에서는 기울기를 변화도라고 부릅니다. 기울기는
# [02강](02_activation_functions.ipynb)에서 직접 구해 봅니다.
#
# 이 기록에서 매개변수는 계산이 시작되는 출발점, 즉 잎(leaf) 텐서입니다. 기록이 켜진 상태에서 `copy_`,
# `fill_`, `+=` 같은 제자리 연산으로 매개변수를 덮어쓰면, 매개변수가 출발점이 아니라 어떤 연산의 결과가 되어
# 버립니다. 그래서 PyTorch는 위와 같은 오류를 내고 이 연산을 거부합니다. `with torch.no_grad():`
# 블록 안에서는 아무것도 기록하지 않으므로 값만 바뀝니다. 그러니 여기서 `torch.no_grad()`는 형식적으로
# 붙이는 코드가 아니라 꼭 있어야 하는 코드입니다.
#
# 계층은 `device`에서 계산하고, 결과에 `.cpu()`를 붙여 CPU로 가져온 뒤 `Z`와 비교합니다. 장치나
# 계산 방식이 달라지면 마지막 자릿수에 아주 작은 반올림 차이가 생길 수 있습니다. 그래서 정확히 같은지
# 따지지 않고, 이 정도 차이는 허용하는 `torch.allclose`로 비교합니다.

# %%
with torch.no_grad():      # 기록 꺼짐: 매개변수에 값 쓰기 가능
    layer.weight.copy_(W)  # copy_는 값을 계층이 있는 장치로 옮겨서 복사
    layer.bias.copy_(b)

out = layer(X.to(device))  # (2, 3) -> (2, 4)
print("out.shape:", out.shape)
print("same as X @ W.T + b:", torch.allclose(out.cpu(), Z))  # .cpu(): Z가 있는 CPU로 가져와 비교

# %% [markdown]
# ## `nn.Linear`가 가중치를 저장하는 방식
#
# `nn.Linear`는 `weight`를 `(out_features, in_features)` 모양으로 저장합니다. 앞에서 만든 `W`처럼 뉴런
# 하나가 행 하나입니다. 따라서 28×28 이미지의 픽셀 784개, 즉 특성 784개를 받는 뉴런 20개짜리 계층의
# 가중치는 `(20, 784)` 모양입니다. `bias`의 모양은 `(out_features,)`, 이 예에서는 `(20,)`입니다. 계층을
# 만들 때 PyTorch는 두 텐서를 작은 난수로 채웁니다. 난수는 $-1/\sqrt{n}$과 $1/\sqrt{n}$ 사이의 균등
# 분포(uniform distribution)에서 뽑습니다. 여기서 $n$은 `in_features`이므로 이 예에서 경계는
# $1/\sqrt{784} = 1/28$입니다.

# %%
layer = nn.Linear(784, 20)
print("weight:", layer.weight.shape)  # (out_features, in_features)
print("bias:  ", layer.bias.shape)    # (out_features,)
print("neuron 0 has", layer.weight[0].numel(), "weights")

bound = 1 / 784**0.5  # 1/sqrt(in_features) = 1/28
print(f"bound = {bound:.4f}, all weights within it:", (layer.weight.abs() <= bound).all().item())
print("all biases within it:", (layer.bias.abs() <= bound).all().item())

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 가중치 행렬을 `(in, out)` 모양으로 만들기**
#
# 많은 교재에서는 계층을 `X @ W`로 쓰고 `W`를 `(in, out)` 모양으로 둡니다. 입력값 수와 뉴런 수가 같은
# 계층은 가중치 행렬이 정사각형입니다. 이런 계층에 `(in, out)` 행렬을 전치하지 않고 복사하면 눈에 잘 띄지
# 않는 버그가 생깁니다. 모양이 맞으니 아무 오류도 나지 않지만, 계층은 전혀 다른 값을 계산합니다.

# %% tags=["pitfall"]
W_in_out = torch.randn(3, 3)  # 교재식 가중치: 행 = 입력값, 열 = 뉴런
square = nn.Linear(3, 3, bias=False)
with torch.no_grad():
    square.weight.copy_(W_in_out)  # 잘못된 복사: nn.Linear의 weight는 (out, in) 모양
print("matches X @ W_in_out:", torch.allclose(square(X), X @ W_in_out))

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 복사하기 전에 `.T`로 전치해 `(out, in)` 모양으로 바꿉니다. 정사각형이 아닌 계층이라면 같은
# 실수를 해도 모양이 달라 오류가 나므로 바로 알 수 있습니다. 정사각형 계층에서는 이처럼 `allclose`로
# 확인해야만 잡아낼 수 있습니다.

# %% tags=["pitfall"]
with torch.no_grad():
    square.weight.copy_(W_in_out.T)  # 바로잡기: (out, in)으로 전치
print("after .T:", torch.allclose(square(X), X @ W_in_out))

wide = nn.Linear(3, 4, bias=False)  # 정사각형이 아닌 계층: weight 모양은 (4, 3)
try:
    with torch.no_grad():
        wide.weight.copy_(torch.randn(3, 4))  # (in, out) 모양 행렬
except RuntimeError as err:
    print("RuntimeError:", err)

# %% [markdown]
# ## 편향이 하는 일
#
# 입력값이 하나이고 가중치가 1이며($w = 1$) 활성화 함수로 계단 함수(step function)를 쓰는 뉴런을 생각해
# 봅시다. 이 뉴런은 $z = wx + b > 0$이면 1을, 그렇지 않으면 0을 냅니다. 1을 내는 것을 '발화한다(fire)'고
# 합니다. 식을 정리하면, $w > 0$인 뉴런은 $x > -b/w$일 때만 발화합니다(가중치가 음수면 부등호 방향이
# 뒤집힙니다). 즉 편향이 **문턱값**(threshold)을 정합니다. $w > 0$일 때 편향이 클수록 더 작은
# 입력값에서도 발화합니다.

# %%
x = torch.arange(-3.0, 4.0)  # 입력값 -3, -2, ..., 3
w = 1
print("x:", x.tolist())
for b in (-2, 0, 2):
    fires = (w * x + b > 0).int()  # 계단 활성화: z > 0이면 1, 아니면 0
    print(f"b = {b:+d}: fires for x > {-b / w:+.0f} ->", fires.tolist())

# %% [markdown]
# 시그모이드처럼 매끄러운 활성화 함수에서도 편향은 같은 일을 합니다. 곡선의 모양은 그대로 두고 곡선 전체를
# 왼쪽이나 오른쪽으로 옮깁니다. 출력이 0.5가 되는 지점은 $z = 0$, 즉 $x = -b/w$로, 계단 함수의 문턱값과
# 같은 자리입니다.

# %%
xs = torch.linspace(-8, 8, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
for b in (-3.0, 0.0, 3.0):
    ax.plot(xs, torch.sigmoid(xs + b), label=f"b = {b:+.0f}")  # w = 1
ax.axhline(0.5, color="gray", lw=0.8, ls="--")
ax.set(xlabel="input x / 입력", ylabel="sigmoid(x + b)", title="The bias shifts the curve / 편향은 곡선을 옮깁니다")
ax.legend()
show(fig)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 편향이 낮으면 뉴런이 확신하고 있다는 오해**
#
# 편향이 낮으면 뉴런이 자기 출력을 확신하고, 편향이 높으면 확신하지 못한다는 설명을 종종 볼 수 있습니다.
# 틀린 설명입니다. 편향은 가중합에 더해 결과 전체를 일정량 옮기는 값, 즉 **학습되는 오프셋**(offset)입니다.
# 가중치와 똑같은 매개변수이며, 학습하는 동안 문턱값이 가장 알맞은 자리에 놓이도록 조정됩니다. 편향 값은
# 입력을 어떤 단위와 기준점으로 재느냐에 따라 달라질 뿐, 확신의 정도와는 관계가 없습니다. 아래 첫 예에서는
# 시험 점수를 그대로 받는 뉴런(편향 $-30$)과 점수에서 50을 뺀 값을 받는 뉴런(편향 $-5$)이 똑같은 출력을
# 냅니다. 두 번째 예에서는 편향이 둘 다 0이어도 가중치가 다르면 출력이 전혀 달라집니다.

# %% tags=["pitfall"]
score = torch.tensor([40.0, 55.0, 60.0, 65.0, 90.0])   # 시험 점수, 합격선 60점
p_raw = torch.sigmoid(0.5 * score - 30.0)               # 편향 -30, 입력은 점수 그대로
p_centred = torch.sigmoid(0.5 * (score - 50.0) - 5.0)   # 편향 -5, 입력은 점수 - 50
print("bias -30:", p_raw)
print("bias  -5:", p_centred)
print("identical:", torch.equal(p_raw, p_centred))

# %% tags=["pitfall"]
x = torch.tensor([-1.0, 1.0])
print("w = 5,   b = 0:", torch.sigmoid(5.0 * x + 0.0))  # 0과 1 근처
print("w = 0.1, b = 0:", torch.sigmoid(0.1 * x + 0.0))  # 0.5 근처

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 확신은 매개변수 값이 아니라, 입력이 주어졌을 때 나오는 출력으로 판단합니다. 시그모이드
# 출력을 확률(probability) $p$로 볼 때, 뉴런이 자기 답을 얼마나 확신하는지는 $\max(p, 1 - p)$로 구합니다. 이
# 값은 편향 하나가 아니라 $z = \mathbf{w} \cdot \mathbf{x} + b$ 전체로 정해집니다. 편향도 가중치와
# 똑같이 학습됩니다(둘 다 `requires_grad=True`). (통계학에서 '편향이 높은' 모델은 곡선 모양의
# 데이터를 직선으로 근사할 때처럼 체계적인 오차를 내는 모델을 말합니다. 같은 단어를 쓸 뿐 전혀 다른
# 개념입니다.)

# %% tags=["pitfall"]
confidence = torch.maximum(p_raw, 1 - p_raw)  # 뉴런이 내놓은 답의 확률
print("scores:    ", score)
print("confidence:", confidence)              # 합격선(60점)에서 가장 낮은 0.5
print("bias is trained:", layer.bias.requires_grad, "| weight is trained:", layer.weight.requires_grad)

# %% [markdown]
# ## 코드로 만든 3-4-2 신경망
#
# 그림의 신경망으로 돌아가 봅시다. `nn.Linear` 계층 두 개 사이에 활성화 함수를 하나 둡니다. 샘플 5개로 된
# 미니배치를 통과시켜 보고, 매개변수 개수가 그림의 모양에서 계산한 값
# $4 \cdot 3 + 4 + 2 \cdot 4 + 2 = 26$과 맞는지도 확인합니다.

# %%
hidden_layer = nn.Linear(3, 4).to(device)  # 입력(3) -> 은닉(4)
output_layer = nn.Linear(4, 2).to(device)  # 은닉(4) -> 출력(2)

X = torch.randn(5, 3).to(device)  # 샘플 5개로 된 미니배치
H = torch.sigmoid(hidden_layer(X))  # (5, 3) -> (5, 4)
Y = output_layer(H)                 # (5, 4) -> (5, 2)
print("X:", X.shape, "H:", H.shape, "Y:", Y.shape)

tensors = [hidden_layer.weight, hidden_layer.bias, output_layer.weight, output_layer.bias]
print("parameters:", sum(t.numel() for t in tensors))

# %% [markdown]
# 여기서 출력층에는 활성화 함수가 없습니다. 출력층이 내는 이런 가공하지 않은 값을 **로짓**(logit)이라고
# 합니다. 분류 모델은 로짓을 클래스(class)별 확률로 바꾸어 씁니다. 로짓을 확률로 바꾸는 소프트맥스(softmax)는
# [02강](02_activation_functions.ipynb)에서, 완전한 모델은 [03강](03_building_models.ipynb)에서 다룹니다.
#
# ## 요약
#
# - 뉴런은 $y = f(\mathbf{w} \cdot \mathbf{x} + b)$를 계산합니다. 입력값의 가중합에 편향을 더하고 활성화
#   함수를 통과시킵니다.
# - 계층은 같은 입력을 받는 뉴런 여러 개의 묶음이며, 미니배치 `X` 전체의 출력을 `X @ W.T + b` 한 번으로 구합니다.
#   `W`의 행 하나가 뉴런 하나입니다. 신경망은 입력층, 은닉층, 출력층을 차례로 쌓은 것입니다.
# - `nn.Linear(in_features, out_features)`는 정확히 이 계산을 하며(`torch.allclose`로 확인했습니다),
#   `weight`를 `(out_features, in_features)`, `bias`를 `(out_features,)` 모양으로 저장합니다.
# - 매개변수를 제자리에서 덮어쓰는 연산(`copy_`, `fill_`)은 `torch.no_grad()` 안에서 해야 합니다. 그 밖에서는
#   PyTorch가 매개변수로 하는 연산을 기록하고 있어서 덮어쓰기를 거부합니다.
# - 편향은 뉴런이 발화하는 문턱값을 옮깁니다(입력값이 하나면 문턱값은 $x = -b/w$). 편향은 학습되는
#   오프셋이지 확신의 척도가 아닙니다. 확신은 출력으로 판단합니다.
#
# ## 연습 문제
#
# **1.** 입력값이 $(2, -1, 0.5)$, 가중치가 $(1, 3, -2)$, 편향이 0.5인 뉴런이 있습니다. 먼저 종이에 $z$ 값을
# 계산한 다음, 텐서로 계산해 보고, 같은 숫자를 넣은 `nn.Linear(3, 1)`의 출력으로도 확인해 보세요.
# 마지막으로 시그모이드를 통과한 값 $\sigma(z)$도 구해 보세요.

# %% tags=["solution"]
x = torch.tensor([2.0, -1.0, 0.5])
w = torch.tensor([1.0, 3.0, -2.0])
z = w @ x + 0.5  # 2 - 3 - 1 + 0.5 = -1.5
print("by hand:", z, " sigmoid:", torch.sigmoid(z))

neuron = nn.Linear(3, 1)
with torch.no_grad():
    neuron.weight.copy_(w.unsqueeze(0))  # (3,) -> (1, 3): 뉴런 하나 = 행 하나
    neuron.bias.fill_(0.5)
print("nn.Linear:", neuron(x).item())  # (3,) -> (1,) -> 파이썬 float

# %% [markdown]
# **2.** 실행하기 전에 `nn.Linear(5, 2)`의 `weight` 모양, `bias` 모양, 매개변수 개수를 예상해 보세요.
# 그다음 실제 값과 비교하고, 모양이 `(10, 5)`인 미니배치 `X`를 넣었을 때 계층의 출력이 `X @ W.T + b`와
# 같은지 `torch.allclose`로 확인해 보세요.

# %% tags=["solution"]
layer = nn.Linear(5, 2)
print(layer.weight.shape, layer.bias.shape)                      # (2, 5)와 (2,)
print("parameters:", layer.weight.numel() + layer.bias.numel())  # 2 * 5 + 2 = 12

X = torch.randn(10, 5)
by_hand = X @ layer.weight.T + layer.bias  # (10, 5) @ (5, 2) + (2,) -> (10, 2)
print("allclose:", torch.allclose(layer(X), by_hand))

# %% [markdown]
# **3.** 활성화 함수가 계단 함수이고 가중치가 2인($w = 2$) 뉴런은 $wx + b > 0$일 때 발화합니다. 입력값이
# 3보다 클 때($x > 3$)에만 발화하게 하려면 편향을 얼마로 해야 할까요? 0부터 6까지 0.5 간격의 입력값으로
# 답을 확인해 보세요.

# %% tags=["solution"]
w, b = 2.0, -6.0  # 문턱값 -b / w = 3이므로 b = -3 * w
x = torch.arange(0.0, 6.5, 0.5)
fires = (w * x + b > 0).int()
print("x:    ", x.tolist())
print("fires:", fires.tolist())
print("fires exactly for x > 3:", torch.equal(fires.bool(), x > 3))

# %% [markdown]
# ## 더 읽을거리
#
# - [`torch.nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html) — 계층의 모양과 기본 초기화 방식
# - [`torch.nn.functional.linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.linear.html) — 같은 계산을 함수로
# - [`torch.matmul`](https://docs.pytorch.org/docs/stable/generated/torch.matmul.html) — `@`가 하는 일(여러 행렬을 한꺼번에 곱하는 경우 포함)
# - [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html)와 [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html) — 텐서 비교
# - [`torch.sigmoid`](https://docs.pytorch.org/docs/stable/generated/torch.sigmoid.html)와 [`torch.maximum`](https://docs.pytorch.org/docs/stable/generated/torch.maximum.html)
# - [`torch.tensor`](https://docs.pytorch.org/docs/stable/generated/torch.tensor.html), [`torch.randn`](https://docs.pytorch.org/docs/stable/generated/torch.randn.html), [`torch.arange`](https://docs.pytorch.org/docs/stable/generated/torch.arange.html), [`torch.linspace`](https://docs.pytorch.org/docs/stable/generated/torch.linspace.html)
# - [Autograd 동작 방식: 제자리(in-place) 연산](https://docs.pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd) — PyTorch가 무엇을 기록하고, 왜 제자리 연산을 막는지
# - [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html), [`Tensor.copy_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.copy_.html), [`Tensor.T`](https://docs.pytorch.org/docs/stable/tensors.html#torch.Tensor.T)
# - 이 강의에서 쓴 텐서 메서드: [`Tensor.to`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.to.html), [`Tensor.numel`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.numel.html), [`Tensor.item`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.item.html), [`Tensor.tolist`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.tolist.html), [`Tensor.unsqueeze`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.unsqueeze.html), [`Tensor.fill_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.fill_.html), [`Tensor.requires_grad`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.requires_grad.html)
# - 그 밖에: [`nn.Module.to`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.to), [`torch.set_printoptions`](https://docs.pytorch.org/docs/stable/generated/torch.set_printoptions.html)
# - [브로드캐스팅 규칙(Broadcasting semantics)](https://docs.pytorch.org/docs/stable/notes/broadcasting.html) — `+ b`가 모든 행에 더해지는 이유
# - 한국어 자료: PyTorch 한국어 튜토리얼의 [신경망 모델 구성하기](https://tutorials.pytorch.kr/beginner/basics/buildmodel_tutorial.html)(`nn.Linear`)와 [`torch.autograd`를 사용한 자동 미분](https://tutorials.pytorch.kr/beginner/basics/autogradqs_tutorial.html)(`requires_grad`, `torch.no_grad`)
