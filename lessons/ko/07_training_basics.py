# ---
# jupyter:
#   course:
#     synced_with_en: ff95d6977c78
# ---

# %% [markdown]
# # 학습 기초
#
# 지금까지 모델의 가중치(weight)는 무작위로 정한 값이거나 직접 넣어 준 값이었습니다. 학습(training)은 모델의
# 출력이 데이터와 맞아떨어지도록 가중치 같은 값을 조금씩 고쳐 나가는 과정입니다. 이 강의에서는 숫자 쌍 열한
# 개로 모델을 학습합니다. 모든 과정을 하나하나 눈으로 확인할 수 있을 만큼 작은 데이터입니다.
#
# **이 강의에서 배울 내용**
#
# - `nn.Linear(1, 1)`에 들어 있는 `weight`와 `bias`, 그리고 `parameters()`로 이 둘을 차례로 꺼내는 방법
# - 손실 함수(loss function) `nn.MSELoss`와 옵티마이저(optimizer) `torch.optim.SGD`
# - 직접 작성하는 학습 루프: 순전파(forward pass) → 손실 → `zero_grad` → `backward` → `step`
# - 기울기(gradient)가 누적되기 때문에 `zero_grad`가 꼭 필요하다는 점, 그리고 입력을 정규화(normalization)해야
#   하는 이유
# - 작은 비선형 모델 `nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))`과 이 모델의
#   `named_parameters()`, `state_dict()`
#
# **사전 지식:** `nn.Linear`와 `torch.no_grad()`(01강), autograd의 `backward()`와 `.grad`(02강, 05강),
# `nn.Sequential`(04강), `parameters()`와 `state_dict()`(05강).

# %%
import math
import warnings

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # 돌려받는 생성기는 여기서 쓰지 않음
# 숫자 쌍 열한 개와 매개변수 40개 이하의 모델: GPU가 도움이 되기에는 계산량이 너무 적으므로
# 어떤 컴퓨터에서든 강의 전체를 CPU에서 실행

# %% [markdown]
# ## 데이터: 온도 측정값 열한 개
#
# 온도계 두 개로 같은 순간의 온도를 열한 번 잽니다. `X`는 섭씨(°C) 온도계의 측정값이고, `y`는 단위를 모르는 두
# 번째 온도계의 측정값입니다. 이 데이터는 책 『Deep Learning with PyTorch』(더 읽을거리 참고)에서 가져왔으며,
# 책에서는 각각 `t_c`, `t_u`라고 부릅니다. 모델이 섭씨 값을 보고 두 번째 온도계의 값을 맞힐 수 있을까요? 측정
# 한 번이 샘플(sample) 하나이고 샘플마다 특성(feature)은 섭씨 값 하나뿐이므로, `X`와 `y` 두 텐서(tensor)의
# 모양은 모두 `(11, 1)`(샘플 11개 × 값 1개)입니다.

# %%
X = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]).reshape(-1, 1)  # t_c: (11,) -> (11, 1)
y = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]).reshape(-1, 1)  # t_u: (11, 1)
print("X:", tuple(X.shape), "y:", tuple(y.shape))
print(f"X from {X.min().item():.1f} to {X.max().item():.1f} | y from {y.min().item():.1f} to {y.max().item():.1f}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 이미 텐서인 값을 `torch.tensor()`로 다시 감싸기**
#
# `torch.tensor`는 파이썬 리스트나 숫자로 텐서를 만드는 함수입니다. 텐서를 넘기면 autograd 그래프에서
# 떼어 낸(detached) 복사본을 만들어 주기는 하지만, 복사하려면 `t.detach().clone()`처럼 명시적으로
# 쓰라는 경고도 함께 냅니다.

# %% tags=["pitfall"]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    X_copy = torch.tensor(X)  # 동작은 하지만 경고가 나옴
for w in caught:
    print(w.category.__name__ + ":", w.message)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 텐서를 그대로 쓰거나, 복사가 필요하면 `t.detach().clone()`으로 명시적으로 복사합니다.

# %% tags=["pitfall"]
X_copy = X.detach().clone()  # 명시적인 복사, 경고 없음
print("equal values:", torch.equal(X_copy, X), "| separate memory:", X_copy.data_ptr() != X.data_ptr())

# %% [markdown]
# ## 가장 단순한 모델: `nn.Linear(1, 1)`
#
# 입력 $x$ 하나를 받아 예측값 $\hat y = w x + b$ 하나를 내는 모델입니다. 식의 $w$는 가중치, $b$는
# 편향(bias)이며, 이 계층(layer)을 만들 때 무작위 값으로 정해집니다. 둘 다 학습되는 매개변수(parameter)이고,
# `parameters()`는 가중치, 편향 순서로 돌려줍니다. 샘플 열한 개를 한꺼번에 넣어 호출하면 샘플마다 예측값이
# 하나씩 나옵니다.

# %%
model = nn.Linear(1, 1)
print("weight:", model.weight)
print("bias:  ", model.bias)
print("parameters:", [tuple(p.shape) for p in model.parameters()])
pred = model(X)  # (11, 1) -> (11, 1)
print("pred:", tuple(pred.shape), [round(v, 4) for v in pred[:3, 0].tolist()])

# %% [markdown]
# ## 손실 함수와 옵티마이저
#
# 손실 함수는 예측이 목푯값(target) `y`에서 얼마나 벗어났는지를 숫자 하나로 알려 줍니다. 이번 문제처럼 연속된
# 값을 예측하는 회귀(regression)에서는 보통 평균 제곱 오차(mean squared error, MSE)
# $\frac{1}{N}\sum_i (\hat y_i - y_i)^2$($N$은 샘플 수)를 쓰며, PyTorch에서는 `nn.MSELoss`가 이 값을
# 계산합니다.

# %%
loss_fn = nn.MSELoss()
loss = loss_fn(pred, y)
by_hand = ((pred - y) ** 2).mean()
assert torch.allclose(loss, by_hand)
print(f"MSE loss: {loss.item():.2f} | by hand: {by_hand.item():.2f}")

# %% [markdown]
# 옵티마이저는 넘겨받은 매개변수를 갱신합니다. 경사 하강법(gradient descent)은 매개변수를 기울기의 반대
# 방향으로 옮기는데, 한 번에 옮기는 양은 기울기에 **학습률**(learning rate) `lr`을 곱한 값입니다. 식으로 쓰면
# $w \leftarrow w - \text{lr}\cdot\partial L/\partial w$이며, [02강](02_activation_functions.ipynb)에서 본
# 식과 같습니다. $L$은 손실이고, $\partial L/\partial w$는 $w$의 기울기, 즉 $w$를 조금 바꿀 때 손실이 바뀌는
# 비율입니다. `backward()`가 `.grad`를 채우면, `optimizer.step()`이 그 값으로 매개변수를 한 번 갱신합니다. 이
# 갱신 한 번을 스텝(step)이라고 합니다.
#
# `torch.optim.SGD`의 이름은 확률적 경사 하강법(stochastic gradient descent)에서 왔습니다. 보통은 스텝마다
# 데이터셋(dataset)에서 무작위로 뽑은 미니배치(minibatch, 샘플 몇 개의 묶음)로 기울기를 구합니다. 이렇게 구한
# 기울기는 데이터셋 전체로 구한 기울기의 근삿값이라 잡음이 섞여 있고, 그래서 "확률적"이라는 이름이
# 붙었습니다. 미니배치로 학습하는 방법은 [09강](09_train_and_evaluate.ipynb)에서 다룹니다. 이 강의에서는
# 스텝마다 샘플 열한 개를 모두 쓰므로, 갱신 규칙은 같아도 실제로는 데이터셋 전체를 배치(batch) 하나로 쓰는
# 전체 배치(full-batch) 경사 하강법입니다.

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
before = model.weight.detach().clone()
loss.backward()  # model.weight.grad와 model.bias.grad를 채움
optimizer.step()  # w <- w - lr * grad
expected = before - 1e-3 * model.weight.grad
assert torch.allclose(model.weight, expected)
print(f"weight {before.item():.4f} -> {model.weight.item():.4f} (grad {model.weight.grad.item():.1f})")

# %% [markdown]
# ## 누적되는 기울기
#
# `backward()`는 `.grad`를 덮어쓰지 않고, 이미 들어 있는 값에 새 기울기를 더합니다. 여러 미니배치의 기울기를
# 일부러 모아 한 스텝에 반영하고 싶을 때는 이 동작이 쓸모 있습니다. 하지만 보통의 학습 루프에서 기울기를
# 지우지 않으면 지난 스텝의 기울기가 이번 스텝에 섞여 들어갑니다. 같은 데이터로 순전파와
# 역전파(backpropagation)를 두 번 하는 동안 `zero_grad()`를 호출하지도, 매개변수를 갱신하지도 않으면 기울기는
# 두 배가 됩니다.
# `optimizer.zero_grad()`는 기울기를 지웁니다(기본 설정에서는 `.grad`를 `None`으로 만듭니다).

# %%
optimizer.zero_grad()
loss_fn(model(X), y).backward()
once = model.weight.grad.clone()
loss_fn(model(X), y).backward()  # 두 번째 순전파 + 역전파, 사이에 zero_grad 없음
print(f"after one pass: {once.item():.2f} | after two: {model.weight.grad.item():.2f}")
assert torch.allclose(model.weight.grad, 2 * once)
optimizer.zero_grad()
print("after zero_grad():", model.weight.grad)

# %% [markdown]
# 위에서는 순전파를 할 때마다 손실을 새로 계산했습니다. 같은 손실에 `backward()`를 두 번 호출하면 이야기가
# 달라집니다. autograd는 MSE를 비롯한 거의 모든 손실을 계산할 때, 역전파에 쓸 중간값을 저장해 둡니다.
# `backward()`를 한 번 호출하면 이 중간값이 지워지므로, 같은 손실에 두 번째로 호출하면 오류가 납니다.
# 첫 호출에 `retain_graph=True`를 주면 중간값이 남아 있어 오류가 나지 않습니다.

# %%
loss = loss_fn(model(X), y)
loss.backward()
try:
    loss.backward()  # 같은 손실에 두 번째 호출
except RuntimeError as err:
    print("RuntimeError:", str(err).split(" (")[0])
optimizer.zero_grad()

# %% [markdown]
# ## 학습 루프
#
# 학습은 순전파, 손실 계산, 이전 기울기 지우기, 역전파, 매개변수 갱신의 다섯 단계를 되풀이합니다.
# 일반적으로는 미니배치마다 다섯 단계를 한 번씩 거치고, 학습 세트(training set)의 샘플을 모두 한 번씩 쓰면
# **에폭**(epoch) 하나가 끝납니다. 여기서는 데이터셋 전체, 즉 샘플 열한 개가 배치 하나이므로 에폭 하나가 곧
# 스텝 하나입니다. 아래 함수는 에폭마다 손실을 기록하고, 첫 에폭과 전체의 4분의 1이 지날 때마다 손실을
# 화면에 표시합니다.

# %%
def training_loop(n_epochs, optimizer, model, loss_fn, X, y):
    losses = []
    for epoch in range(1, n_epochs + 1):
        pred = model(X)  # 1. 순전파
        loss = loss_fn(pred, y)  # 2. 손실
        optimizer.zero_grad()  # 3. 이전 기울기 지우기
        loss.backward()  # 4. 역전파: .grad 채우기
        optimizer.step()  # 5. 매개변수 갱신
        losses.append(loss.item())
        if epoch == 1 or epoch % max(1, n_epochs // 4) == 0:
            print(f"epoch {epoch:4d}  loss {loss.item():.4g}")
    return losses

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 인자 하나를 빠뜨린 호출**
#
# 위치 인자가 여섯 개나 되는 함수는 하나를 빼먹고 호출하기 쉽습니다. 파이썬은 빠진 인자를 알아서 채워 주지
# 않으므로, 첫 에폭을 시작하기도 전에 `TypeError`가 납니다.

# %% tags=["pitfall"]
try:
    training_loop(100, optimizer, model, loss_fn, X)  # y가 빠짐
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 인자를 모두 `n_epochs=...`처럼 키워드 인자로 넘깁니다. 그러면 어떤 인자가 빠졌는지 한눈에
# 보입니다. 아래 호출은 여섯 인자를 모두 넘기므로 제대로 실행됩니다. 여기서는 빠른 확인용으로 4 에폭만
# 학습합니다.

# %% tags=["pitfall"]
_ = training_loop(n_epochs=4, optimizer=optimizer, model=model, loss_fn=loss_fn, X=X, y=y)

# %% [markdown]
# ## 원본 입력과 정규화한 입력
#
# 이제 본격적으로 학습합니다. 여기서부터는 입력의 스케일(scale), 즉 모델에 넣는 값이 얼마나 큰지가
# 결과를 가릅니다.

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 정규화하지 않은 원본 입력**
#
# 섭씨 측정값 `X`를 그대로 넣어, 새 `nn.Linear(1, 1)`을 학습률 0.05로 300 에폭 동안 학습해 봅니다.

# %% tags=["pitfall"]
seed_everything(0)
lr, n_epochs = 0.05, 300
model_raw = nn.Linear(1, 1)
losses_raw = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_raw.parameters(), lr=lr),
    model=model_raw, loss_fn=loss_fn, X=X, y=y,
)
print("epochs 1-6:", [f"{v:.3g}" for v in losses_raw[:6]])
print("first inf at epoch", losses_raw.index(math.inf) + 1, "| last loss:", losses_raw[-1])
curvature = 2 * (X ** 2).mean().item()  # 가중치가 1 바뀔 때 가중치의 기울기가 바뀌는 양
print(f"2 * mean(x^2) = {curvature:.0f} | 1 - lr * 2 * mean(x^2) = {1 - lr * curvature:.1f}"
      f" | loss ratio, epoch 3 / epoch 2: {losses_raw[2] / losses_raw[1]:.0f}")

# %% [markdown] tags=["pitfall"]
# 손실이 줄기는커녕 점점 커지다가 컴퓨터가 나타낼 수 있는 범위를 넘어 무한대(`inf`)가 되고, 결국 `nan`(숫자가
# 아님, not a number)이 됩니다. 왜 그럴까요? 가중치가 바뀌면 가중치의 기울기도 달라집니다. 이 손실에서는
# 가중치가 1 바뀔 때 기울기가 $2\cdot\text{mean}(x^2)$만큼 달라지는데, 이 값은 입력의 제곱에 비례해 커집니다.
# 여기서는 입력이 28까지 올라가므로 이 값이 375나 됩니다. 최적값(손실을 가장 작게 만드는 값)에서는 기울기가
# 0이므로, 가중치가 최적값에서 $d$만큼 떨어져 있으면 기울기는 약 $375\,d$입니다. 한 스텝은 가중치를 최적값
# 쪽으로 $0.05 \cdot 375\,d$만큼 옮기므로, 최적값과의 차이는 $d$에서 약 $(1 - 0.05 \cdot 375)\,d \approx -18\,d$가
# 됩니다. 이 배율이 음수이므로 가중치는 최적값을 지나쳐 반대편으로 넘어가고, 차이의 크기는 원래의 18배쯤으로
# 벌어집니다. 손실은 이 차이의 제곱에 비례해 커지므로 에폭마다 약 300배가 됩니다(위에 표시한 비율).
#
# 원본 입력에서도 손실이 폭발(발산)하지 않을 만큼 학습률을 낮추면, 이번에는 학습이 몹시 느려집니다.
# `lr = 0.001`로 300 에폭을 학습해도 손실은 최솟값에서 한참 멉니다.

# %% tags=["pitfall"]
seed_everything(0)
model_slow = nn.Linear(1, 1)
losses_slow = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_slow.parameters(), lr=1e-3),
    model=model_slow, loss_fn=loss_fn, X=X, y=y,
)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 입력의 스케일을 1 근처로 맞춥니다. 여기서는 0.1만 곱해도 충분합니다. 일반적으로는
# 평균 $\bar x$를 빼고 표준편차 $s$로 나누는 표준화(standardization) $(x - \bar x)/s$를 쓰며, 연습
# 문제 1에서 해 봅니다. 모델, 학습률 0.05, 에폭 수는 그대로 두고 입력만 바꿉니다.

# %% tags=["pitfall"]
X_n = X * 0.1  # 정규화한 입력, -0.4에서 2.8 사이
seed_everything(0)
model = nn.Linear(1, 1)
losses = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model.parameters(), lr=lr),
    model=model, loss_fn=loss_fn, X=X_n, y=y,
)
assert losses[-1] < 10 < 250 < losses_slow[-1]  # 정규화: 10 미만, 원본 입력과 lr=0.001: 250 초과
curvature_n = 2 * (X_n ** 2).mean().item()
print(f"2 * mean(x^2) = {curvature_n:.2f} | 1 - lr * 2 * mean(x^2) = {1 - lr * curvature_n:.2f}")

# %% [markdown] tags=["pitfall"]
# 입력에 0.1을 곱하면 $2\cdot\text{mean}(x^2)$는 100분의 1인 3.75로 줄고, 편향이 그대로 있다면 한 스텝이
# 지날 때마다 최적값과의 차이는 약 0.81배가 됩니다. 실제로는 편향도 함께 움직이고, 이 입력은 평균이 0이
# 아니어서 가중치와 편향이 서로 영향을 주므로 손실은 이보다 느리게 줄어듭니다(75 에폭째에도 아직 줄고
# 있습니다). 연습 문제 1의 표준화가 이 영향을 없애 줍니다. 어느 쪽이든 이제는 스텝마다 최적값에
# 가까워집니다. 300 에폭 뒤, 정규화한 입력으로 학습한 모델의
# 손실은 10 아래로 내려가지만 원본 입력을 `lr = 0.001`로 학습한 모델의 손실은 여전히 250이 넘습니다. 아래
# 그림에 세 학습의 손실 곡선을 모두 그렸습니다. 원본 입력을 `lr = 0.05`로 학습한 모델의 손실 곡선은 `inf`를
# 거쳐 `nan`이 되므로 오른쪽 그래프에서는 범위 밖으로 사라집니다.

# %% tags=["pitfall"]
epochs = range(1, n_epochs + 1)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
for ax, last in zip(axes, (20, n_epochs)):
    ax.plot(epochs[:last], losses_raw[:last], label=f"raw X, lr = {lr} / 원본 입력")
    ax.plot(epochs[:last], losses_slow[:last], label="raw X, lr = 0.001 / 원본 입력")
    ax.plot(epochs[:last], losses[:last], label=f"X * 0.1, lr = {lr} / 정규화한 입력")
    ax.set_yscale("log")
    ax.set_title(f"epochs 1-{last} / 에폭 1-{last}")
    ax.set_xlabel("epoch / 에폭")
axes[0].set_ylabel("MSE loss / 손실 (로그 눈금)")
axes[1].set_ylim(1, 1e4)  # 원본 입력, lr = 0.05의 곡선은 여기서 범위 밖: inf, 그다음 nan
axes[0].legend()
fig.suptitle("Raw vs normalised inputs / 원본 입력과 정규화한 입력")
show(fig)

# %% [markdown]
# ## 선형 모델이 배운 것
#
# 모델은 `X * 0.1`을 입력으로 받았으므로 입력 1은 섭씨 10도에 해당하고, 가중치는 섭씨 10도마다 `y`가 늘어나는
# 양입니다. 여기에 0.1을 곱하면 1도마다 늘어나는 양이 됩니다. 선형 회귀(linear regression)는 학습하지 않고도
# 공식으로 정확한 답을 구할 수 있는 문제입니다. 이 답을 최소제곱해(least-squares solution), 즉 제곱 오차를
# 가장 작게 만드는 해라고 합니다. 학습한 값과 이 답의 차이는 0.01보다 작습니다. 학습한 식
# $y \approx 1.79\,x + 33.0$은 화씨 변환식 $1.8\,x + 32$에 가깝습니다. 단위를 모르던 온도계는 아마 측정값에
# 잡음이 조금 섞인 화씨 온도계였을 것입니다.

# %%
slope = model.weight.item() * 0.1  # 섭씨 1도당
intercept = model.bias.item()
print(f"trained:       y = {slope:.4f} * x + {intercept:.4f}")
A = torch.cat([X, torch.ones_like(X)], dim=1)  # (11, 2): x 열과 1 열
exact = torch.linalg.lstsq(A, y).solution.flatten()  # 같은 제곱 오차를 최소화
print(f"least squares: y = {exact[0].item():.4f} * x + {exact[1].item():.4f}")
assert torch.allclose(torch.tensor([slope, intercept]), exact, atol=0.01)

# %% [markdown]
# ## 비선형 모델
#
# 이번에는 계층 하나뿐인 모델 대신 작은 신경망(neural network)을 씁니다. 입력 1개, `nn.Tanh`를 활성화
# 함수(activation function)로 쓰는 뉴런(neuron) 13개짜리 은닉층(hidden layer), 출력 1개로 이루어진
# 신경망입니다. `named_parameters()`는 `nn.Sequential` 안의 위치를 따서 텐서마다 이름을 붙입니다. 1번
# 위치의 `nn.Tanh`는 매개변수가 없으므로 목록에 나오지 않고, 그래서 이름이 `0.`에서 `2.`로 건너뜁니다.

# %%
seed_everything(0)
seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))
print(seq_model)
for name, param in seq_model.named_parameters():
    print(f"{name:9} {tuple(param.shape)}")
print("parameters in total:", sum(p.numel() for p in seq_model.parameters()))

# %% [markdown]
# `state_dict()`도 같은 텐서를 같은 이름으로 담습니다. 이 텐서는 복사본이 아니어서 매개변수와 메모리를
# 공유합니다. 버퍼(buffer)가 있다면 버퍼도 담기지만 이 모델에는 버퍼가 없습니다.
# [08강](08_save_and_load.ipynb)에서는 바로 이 딕셔너리를 디스크에 저장합니다.

# %%
state = seq_model.state_dict()
print("state_dict keys:", list(state.keys()))
print("shares memory with 2.weight:", state["2.weight"].data_ptr() == seq_model[2].weight.data_ptr())

# %% [markdown]
# 같은 `training_loop`로, 정규화한 입력을 써서 이 신경망을 학습합니다. 신경망의 예측은 직선과 달리 휘어질
# 수 있으므로 최종 손실이 선형 모델보다 낮습니다.

# %%
seq_losses = training_loop(
    n_epochs=1000, optimizer=torch.optim.SGD(seq_model.parameters(), lr=1e-2),
    model=seq_model, loss_fn=loss_fn, X=X_n, y=y,
)
print(f"final loss: linear {losses[-1]:.2f} | nn {seq_losses[-1]:.2f}")
assert seq_losses[-1] < losses[-1]

# %% [markdown]
# ## 관측값과 예측값
#
# 아래 그림은 데이터, 선형 모델의 직선, 그리고 온도 범위를 촘촘하게 나눠 구한 신경망의 예측을 함께 보여
# 줍니다. 두 모델 모두 학습 때와 똑같이 정규화한 입력(`* 0.1`)을 받습니다. 그림을 그릴 때는 기울기가 필요
# 없으므로 `torch.no_grad()` 안에서 예측합니다. 이 안에서는 autograd가 연산을 기록하지 않습니다(그래프를
# 만들지 않습니다).

# %%
X_dense = torch.linspace(-8, 32, 200).reshape(-1, 1)  # (200, 1), 섭씨 단위
with torch.no_grad():
    y_linear = model(X_dense * 0.1)
    y_seq = seq_model(X_dense * 0.1)

fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X, y, color="black", zorder=3, label="observed / 관측값")
ax.plot(X_dense, y_linear, label="nn.Linear(1, 1) / 선형 모델")
ax.plot(X_dense, y_seq, label="Linear-Tanh-Linear / 신경망")
ax.set_xlabel("X: Celsius / 섭씨")
ax.set_ylabel("y: unknown unit / 단위 모름")
ax.legend()
fig.suptitle("Observed vs predicted / 관측값과 예측값")
show(fig)

# %% [markdown]
# 직선은 전체적인 경향만 따라가고, 신경망의 곡선은 휘어지면서 점 하나하나에 더 가까이 지나가므로 학습
# 손실이 더 낮습니다. 하지만 잡음이 섞인 점 열한 개를 따라 이만큼 휘었다면, 잡음까지 외워 버려 새
# 데이터에서는 오히려 틀리는 과적합(overfitting)일 가능성이 큽니다. 데이터 범위 바깥에서는 tanh 뉴런의
# 출력이 평평해지는데, 연습 문제 3에서 이 점을 확인합니다.

# %% [markdown]
# ## 요약
#
# - `nn.Linear(1, 1)`에는 `(1, 1)` 모양의 `weight`와 `(1,)` 모양의 `bias`가 있고, `parameters()`로
#   이 둘을 옵티마이저에 넘깁니다.
# - 손실 함수(`nn.MSELoss`)는 예측이 목푯값과 얼마나 다른지를 숫자 하나로 나타내고,
#   옵티마이저(`torch.optim.SGD`)는 `.grad`를 이용해 매개변수를 기울기의 반대 방향으로, 기울기에 학습률을 곱한
#   만큼 옮깁니다.
# - 학습 한 스텝: 순전파 → 손실 → `optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`.
#   미니배치마다 한 번씩 거칩니다(여기서는 데이터셋 전체가 배치 하나이므로 에폭마다 한 번).
#   `zero_grad`를 빼면 기울기가 스텝마다 쌓입니다.
# - 입력은 정규화합니다. 최대 28인 원본 측정값을 그대로 넣으면 `X * 0.1`에서 잘 맞던 학습률로는 손실이
#   발산하고, 안정적으로 학습될 만큼 학습률을 줄이면 학습이 몹시 느려집니다.
# - `named_parameters()`와 `state_dict()`는 `nn.Sequential` 안의 위치로 텐서에 이름을
#   붙입니다(`0.weight`, `0.bias`, `2.weight`, `2.bias`).
#
# ## 연습 문제
#
# **1.** 0.1을 곱하는 대신 입력을 `(X - X.mean()) / X.std()`로 표준화하고, 같은 학습률로 새
# `nn.Linear(1, 1)`을 학습해 보세요. 그런 다음 학습한 가중치와 편향을 원래 섭씨 입력에 맞는 식 $y = a x + c$로
# 바꿔 보세요. 앞에서 구한 최소제곱 직선과 같은 직선이 나오나요?

# %% tags=["solution"]
mean, std = X.mean(), X.std()
seed_everything(0)
model_s = nn.Linear(1, 1)
_ = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_s.parameters(), lr=lr),
    model=model_s, loss_fn=loss_fn, X=(X - mean) / std, y=y,
)
# y = w * (x - mean) / std + b = (w / std) * x + (b - w * mean / std)
w, b = model_s.weight.item(), model_s.bias.item()
a, c = w / std.item(), b - w * mean.item() / std.item()
print(f"y = {a:.4f} * x + {c:.4f}")
assert torch.allclose(torch.tensor([a, c]), exact, atol=0.01)  # 네: 위에서 구한 최소제곱해와 같은 직선

# %% [markdown]
# **2.** `optimizer.step()`과 `optimizer.zero_grad()` 대신 `torch.no_grad()` 안에서 매개변수를 직접
# 갱신해 보세요(`p -= lr * p.grad`, 그다음 `p.grad = None`). 초깃값이 같은 모델을 두 개 만들어 하나는
# 이렇게 직접 갱신하고 다른 하나는 SGD로 갱신하면서, 둘 다 20 에폭을 학습한 뒤 두 모델의 매개변수가 같은지
# 확인하세요.

# %% tags=["solution"]
seed_everything(0)
by_hand = nn.Linear(1, 1)
seed_everything(0)
by_sgd = nn.Linear(1, 1)  # 같은 시드: 같은 가중치와 편향에서 시작
sgd = torch.optim.SGD(by_sgd.parameters(), lr=lr)
for epoch in range(20):
    loss_fn(by_hand(X_n), y).backward()
    with torch.no_grad():
        for p in by_hand.parameters():
            p -= lr * p.grad
            p.grad = None
    sgd.zero_grad()
    loss_fn(by_sgd(X_n), y).backward()
    sgd.step()
print("same parameters:", all(torch.allclose(a, b) for a, b in zip(by_hand.parameters(), by_sgd.parameters())))

# %% [markdown]
# **3.** 학습한 두 모델로, 섭씨 100도(물이 끓는 온도)에서 두 번째 온도계가 가리킬 값을 예측해 보세요.
# 화씨 온도계라면 212가 나와야 합니다. 그 온도에서는 어느 모델을 믿을 수 있고, 왜 그럴까요?

# %% tags=["solution"]
boiling = torch.tensor([[100.0]]) * 0.1  # 학습 입력과 똑같이 정규화
with torch.no_grad():
    print(f"linear: {model(boiling).item():.1f} | nn: {seq_model(boiling).item():.1f}")
# 직선은 같은 비율(1도당 약 1.79)로 계속 올라가므로 212 근처에 닿음. 신경망의 tanh 뉴런은 데이터 범위에서
# 먼 입력에서는 포화되어(saturate) 출력이 평평해짐(여기서는 88.7): 데이터 범위 밖의 값을 예측하는
# 외삽(extrapolation)에는 쓸 수 없음

# %% [markdown]
# ## 더 읽을거리
#
# - [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.Tanh`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Tanh.html)
# - [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html),
#   [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`Optimizer.zero_grad`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Optimizer.zero_grad.html)
# - [`Tensor.backward`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.backward.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.tensor`](https://docs.pytorch.org/docs/stable/generated/torch.tensor.html),
#   [`Tensor.detach`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.detach.html),
#   [`Tensor.clone`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.clone.html)
# - [`Module.parameters`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.parameters),
#   [`Module.named_parameters`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.named_parameters),
#   [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict)
# - [`torch.linalg.lstsq`](https://docs.pytorch.org/docs/stable/generated/torch.linalg.lstsq.html),
#   [`torch.linspace`](https://docs.pytorch.org/docs/stable/generated/torch.linspace.html)
# - [Autograd 동작 방식](https://docs.pytorch.org/docs/stable/notes/autograd.html)(그래프를 기록하고
#   지우는 방식, 영문)
# - PyTorch 한국어 튜토리얼: [모델 매개변수 최적화하기](https://tutorials.pytorch.kr/beginner/basics/optimization_tutorial.html)(손실 함수,
#   옵티마이저, 학습 루프), [`torch.autograd`를 사용한 자동 미분](https://tutorials.pytorch.kr/beginner/basics/autogradqs_tutorial.html)
# - 파이썬 [`warnings.catch_warnings`](https://docs.python.org/ko/3/library/warnings.html#warnings.catch_warnings)
# - Eli Stevens, Luca Antiga, Thomas Viehmann, 『Deep Learning with PyTorch』(Manning, 2020) 5장과 6장: 온도계
#   데이터, 학습 루프, 그리고 같은 구조의 작은 `nn.Sequential`(영문)
