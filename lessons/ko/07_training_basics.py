# ---
# jupyter:
#   course:
#     synced_with_en: 07337411e98c
# ---

# %% [markdown]
# # 학습 기초
#
# 지금까지 모델은 무작위 가중치(weight)로 출력을 계산했을 뿐입니다. 학습은 출력이 데이터와 맞도록
# 가중치를 바꾸는 과정입니다. 이 강의에서는 숫자 열한 개로 모델을 학습합니다. 모든 단계를 눈으로
# 확인할 수 있을 만큼 작은 데이터입니다.
#
# **이 강의에서 배울 내용**
#
# - `nn.Linear(1, 1)`에 들어 있는 것(`weight`, `bias`)과 `parameters()`로 이를 나열하는 방법
# - 손실 함수(loss function, `nn.MSELoss`)와 옵티마이저(optimizer, `torch.optim.SGD`)
# - 직접 작성하는 학습 루프: 순전파(forward pass) → 손실 → `zero_grad` → `backward` → `step`
# - 기울기(gradient)가 누적되므로 `zero_grad`가 필요하다는 것과, 입력을 정규화(normalization)해야 하는 이유
# - 작은 비선형 모델 `nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))`, 그리고 그
#   모델의 `named_parameters()`와 `state_dict()`
#
# **사전 지식:** 01–06강에서 다룬 `nn.Linear`, `nn.Sequential`, 매개변수(parameter), autograd의
# `backward()`.

# %%
import warnings

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import seed_everything, show

_ = seed_everything(0)  # 돌려주는 생성기는 여기서 쓰지 않습니다
# 숫자 열한 개와 매개변수 40개 이하의 모델: 이 정도 규모에서는 CPU가 가장 빠르므로
# 강의 전체를 CPU에서 실행합니다.

# %% [markdown]
# ## 데이터: 온도 측정값 열한 개
#
# 온도계 두 개로 같은 순간의 온도를 열한 번 잽니다. `X`는 섭씨(°C) 측정값이고(책 *Deep Learning with
# PyTorch*에서는 `t_c`라고 부릅니다), `y`는 단위를 모르는 온도계의 측정값입니다(`t_u`). 모델이 한쪽
# 값을 다른 쪽 값으로 바꾸는 법을 배울 수 있을까요? 측정값 하나가 특성 하나짜리 샘플 하나이므로 두
# 텐서(tensor)의 모양은 `(11, 1)`입니다.

# %%
X = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]).reshape(-1, 1)  # t_c: (11,) -> (11, 1)
y = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]).reshape(-1, 1)  # t_u: (11, 1)
print("X:", tuple(X.shape), "y:", tuple(y.shape))
print("X[:3]:", X[:3].flatten(), "| y[:3]:", y[:3].flatten())

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 이미 텐서인 것에 `torch.tensor(t)` 호출하기.** `torch.tensor`는 파이썬 데이터로 텐서를
# 만드는 함수입니다. 텐서를 넘겨도 autograd 그래프에서 떼어 낸(detached) 복사본을 만들기는 하지만,
# 그런 복사를 원한다면 명시적으로 쓰라는 경고를 냅니다. 텐서를 그대로 쓰거나 `t.detach().clone()`으로
# 복사합니다.

# %% tags=["pitfall"]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    X_copy = torch.tensor(X)  # 동작은 하지만 경고가 남
for w in caught:
    print(w.category.__name__ + ":", w.message)

# %% tags=["pitfall"]
X_copy = X.detach().clone()  # 해결: 명시적인 복사, 경고 없음
print("equal values:", torch.equal(X_copy, X), "| separate memory:", X_copy.data_ptr() != X.data_ptr())

# %% [markdown]
# ## 가장 단순한 모델: `nn.Linear(1, 1)`
#
# 입력 하나, 출력 하나인 모델로, $\hat y = w x + b$를 계산합니다. 이 계층(layer)은 무작위 가중치와
# 편향(bias)에서 시작하며, 둘 다 학습되는 매개변수입니다. `parameters()`는 가중치부터 차례로 내놓습니다.
# 샘플 열한 개 전체에 대해 한 번에 호출하면 샘플마다 예측값 하나를 돌려줍니다.

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
# 손실 함수는 예측이 얼마나 틀렸는지를 숫자 하나로 알려 줍니다. 회귀에서는 보통 평균 제곱 오차
# $\frac{1}{N}\sum_i (\hat y_i - y_i)^2$를 쓰며, 이것이 `nn.MSELoss`입니다.

# %%
loss_fn = nn.MSELoss()
loss = loss_fn(pred, y)
by_hand = ((pred - y) ** 2).mean()
assert torch.allclose(loss, by_hand)
print(f"MSE loss: {loss.item():.2f} | by hand: {by_hand.item():.2f}")

# %% [markdown]
# 옵티마이저는 넘겨받은 매개변수를 갱신합니다. 가장 기본적인 확률적 경사 하강법(stochastic gradient
# descent, SGD)은 각 매개변수를 기울기의 반대 방향으로 옮기는데, 한 번에 옮기는 크기는
# **학습률**(learning rate) `lr`이 정합니다. 식으로 쓰면
# $w \leftarrow w - \text{lr}\cdot\partial L/\partial w$입니다. `backward()`가 `.grad`를 채우고,
# `optimizer.step()`이 갱신을 적용합니다.

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
before = model.weight.detach().clone()
loss.backward()  # model.weight.grad와 model.bias.grad를 채움
optimizer.step()  # w <- w - lr * grad
expected = before - 1e-3 * model.weight.grad
assert torch.allclose(model.weight, expected)
print(f"weight {before.item():.4f} -> {model.weight.item():.4f} (grad {model.weight.grad.item():.1f})")

# %% [markdown]
# ## 기울기는 누적됩니다
#
# `backward()`는 `.grad`를 덮어쓰지 않고 값을 *더합니다*. 몇몇 고급 기법에서는 이 성질이 쓸모 있지만,
# 보통의 학습 루프에서는 이전 단계의 기울기가 이번 단계로 새어 들어오게 됩니다. 기울기를 지우지 않고
# 같은 데이터로 `backward()`를 두 번 호출하면 기울기가 두 배가 됩니다. `optimizer.zero_grad()`는
# 기울기를 지웁니다(`None`으로 만듭니다).

# %%
optimizer.zero_grad()
loss_fn(model(X), y).backward()
once = model.weight.grad.clone()
loss_fn(model(X), y).backward()  # 사이에 zero_grad 없음
print(f"after one backward: {once.item():.2f} | after two: {model.weight.grad.item():.2f}")
assert torch.allclose(model.weight.grad, 2 * once)
optimizer.zero_grad()
print("after zero_grad():", model.weight.grad)

# %% [markdown]
# ## 학습 루프
#
# 학습은 순전파, 손실 계산, 이전 기울기 지우기, 역전파(backpropagation), 매개변수 갱신의 다섯 단계를
# **에폭**(epoch)마다 한 번씩 반복합니다. 에폭은 학습 데이터 전체를 한 번 훑는 단위입니다(여기서는 샘플
# 열한 개를 한 번에 봅니다). 아래 함수는 에폭마다 손실을 기록하고, 중간중간 몇 번 출력합니다.

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
# **흔한 실수: 인자 하나를 빠뜨린 호출.** 이 강좌의 바탕이 된 노트는 학습 루프를 호출하면서 필수 인자
# 하나를 빠뜨렸습니다. 파이썬은 빠진 인자를 추측해 주지 않으므로, 에폭을 하나도 돌기 전에 `TypeError`로
# 실패합니다. 인자를 키워드로 넘기면 이런 실수가 눈에 잘 띄고, 빠짐없이 넘긴 호출은 제대로 실행됩니다.

# %% tags=["pitfall"]
try:
    training_loop(100, optimizer, model, loss_fn, X)  # y가 빠짐
except TypeError as err:
    print(type(err).__name__ + ":", err)

# 해결: 모든 인자를 키워드로 넘김(빠른 확인용으로 4 에폭)
_ = training_loop(n_epochs=4, optimizer=optimizer, model=model, loss_fn=loss_fn, X=X, y=y)

# %% [markdown]
# ## 원본 입력과 정규화한 입력
#
# 이제 학습할 차례입니다. 데이터셋(dataset)이 아주 작으므로 매 에폭이 샘플 열한 개를 모두 씁니다. 지금
# 중요한 것은 입력의 크기(scale)입니다.

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 정규화하지 않은 원본 입력.** 측정값 `X`를 그대로 넣어, 새 `nn.Linear(1, 1)`을 학습률
# 0.05로 300 에폭 동안 학습해 봅니다.

# %% tags=["pitfall"]
seed_everything(0)
lr, n_epochs = 0.05, 300
model_raw = nn.Linear(1, 1)
losses_raw = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model_raw.parameters(), lr=lr),
    model=model_raw, loss_fn=loss_fn, X=X, y=y,
)
print("epochs 1-6:", [f"{v:.3g}" for v in losses_raw[:6]])

# %% [markdown] tags=["pitfall"]
# 손실이 줄기는커녕 커지다가 `inf`로 넘치고 결국 `nan`이 됩니다. 가중치의 기울기는 입력에 비례하는데
# 여기서는 입력이 28까지 커지므로, 한 걸음 갈 때마다 최솟값을 지나쳐 반대편의 더 먼 곳에 떨어집니다.
# 원본 입력에 맞게 학습률을 충분히 낮추면 안정적이지만 학습이 매우 느립니다. 아래의 tanh
# 신경망(neural network)에서는 같은 문제가 수렴하지 않고 오르내리는 손실로 나타납니다(바탕이 된
# 노트에서는 37 → 81 → 35 → 63). 바로잡으려면 입력의 크기를 1 근처로 맞춥니다. 여기서는 0.1을 곱하는
# 것으로 충분합니다(일반적인 방법은 표준화 $(x - \bar x)/s$입니다). 모델, 학습률, 에폭 수는 그대로 두고
# 입력만 바꿉니다.

# %% tags=["pitfall"]
X_n = X * 0.1  # 정규화한 입력, -0.4에서 2.8 사이
seed_everything(0)
model = nn.Linear(1, 1)
losses = training_loop(
    n_epochs=n_epochs, optimizer=torch.optim.SGD(model.parameters(), lr=lr),
    model=model, loss_fn=loss_fn, X=X_n, y=y,
)

# %% tags=["pitfall"]
epochs = range(1, n_epochs + 1)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
for ax, last in zip(axes, (20, n_epochs)):
    ax.plot(epochs[:last], losses_raw[:last], label="raw X / 원본 입력")
    ax.plot(epochs[:last], losses[:last], label="X * 0.1 / 정규화한 입력")
    ax.set_yscale("log")
    ax.set_title(f"epochs 1-{last}, lr = {lr}")
    ax.set_xlabel("epoch / 에폭")
axes[0].set_ylabel("MSE loss / 손실 (log)")
axes[1].set_ylim(1, 1e4)  # 원본 입력의 곡선은 여기서 그래프 밖: inf, 그다음 nan
axes[0].legend()
show(fig)

# %% [markdown]
# ## 선형 모델이 배운 것
#
# 모델은 `X * 0.1`을 입력으로 받았으므로, 섭씨 1도당 변화량을 구하려면 가중치에 0.1을 곱해야 합니다.
# 선형 회귀에는 정확한 답(최소제곱해)도 있는데, 학습 결과는 그 답과 0.01 이내로 일치합니다. 결과
# $y \approx 1.79\,x + 33.0$은 화씨 변환식 $1.8\,x + 32$에 가깝습니다. 단위를 모르던 온도계는 아마
# 잡음이 섞인 화씨 온도계일 것입니다.

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
# 계층 하나를 작은 신경망으로 바꿉니다. 입력 1개, `nn.Tanh`를 활성화 함수(activation function)로 쓰는
# 뉴런(neuron) 13개짜리 은닉층(hidden layer), 출력 1개로 이루어진 신경망입니다.
# `named_parameters()`는 각 텐서에 `nn.Sequential` 안에서의 위치를 이름으로 붙입니다. 1번 위치의
# `nn.Tanh`는 매개변수가 없으므로 이름에서 빠집니다.

# %%
seed_everything(0)
seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))
print(seq_model)
for name, param in seq_model.named_parameters():
    print(f"{name:9} {tuple(param.shape)}")
print("parameters in total:", sum(p.numel() for p in seq_model.parameters()))

# %% [markdown]
# `state_dict()`는 같은 텐서를 같은 이름으로 담습니다. 버퍼(buffer)가 있다면 버퍼도 담지만, 이 모델에는
# 버퍼가 없습니다. 08강에서 디스크에 저장하는 것이 바로 이 딕셔너리입니다.

# %%
state = seq_model.state_dict()
print("state_dict keys:", list(state.keys()))
print("shares memory with 2.weight:", state["2.weight"].data_ptr() == seq_model[2].weight.data_ptr())

# %% [markdown]
# 같은 `training_loop`로, 정규화한 입력을 써서 학습합니다. 신경망은 직선보다 데이터에 더 가깝게 맞출 수
# 있으므로 최종 손실이 선형 모델보다 낮습니다.

# %%
seq_losses = training_loop(
    n_epochs=1000, optimizer=torch.optim.SGD(seq_model.parameters(), lr=1e-2),
    model=seq_model, loss_fn=loss_fn, X=X_n, y=y,
)
print(f"final loss: linear {losses[-1]:.2f} | nn {seq_losses[-1]:.2f}")

# %% [markdown]
# ## 관측값과 예측값
#
# 그림에는 데이터와 선형 모델의 직선, 그리고 촘촘하게 나눈 온도 범위에서 구한 신경망의 예측이 나옵니다. 두 모델 모두
# 학습 때와 똑같이 정규화한 입력(`* 0.1`)을 받습니다. `torch.no_grad()`는 그림 그리기에 필요 없는
# 기울기 기록을 생략합니다.

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
ax.set_ylabel("y: unknown unit / 미지의 단위")
ax.legend()
show(fig)

# %% [markdown]
# 직선은 전체적인 경향을 따르고, 신경망은 휘어지며 개별 점에 더 가까이 지나가므로 학습 손실이
# 낮아집니다. 잡음 섞인 점 열한 개에서는 이렇게 휘는 것이 잡음까지 맞추는 과적합(overfitting)일
# 가능성이 크고, 데이터 범위 바깥에서는 tanh 뉴런의 출력이 평평해집니다. 연습 문제 3에서 이 점을
# 살펴봅니다.

# %% [markdown]
# ## 요약
#
# - `nn.Linear(1, 1)`에는 `(1, 1)` 모양의 `weight`와 `(1,)` 모양의 `bias`가 있고, `parameters()`로
#   이를 옵티마이저에 넘겨줍니다.
# - 손실 함수(`nn.MSELoss`)는 예측과 정답을 숫자 하나로 바꾸고, 옵티마이저(`torch.optim.SGD`)는
#   `.grad`를 이용해 매개변수를 갱신합니다.
# - 학습 한 단계: 순전파 → 손실 → `optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`.
#   `zero_grad`가 없으면 기울기가 단계마다 쌓입니다.
# - 입력은 정규화합니다. `X * 0.1`에서 잘 동작하던 학습률도 28까지 커지는 원본 측정값에서는 손실을
#   폭발시킵니다.
# - `named_parameters()`와 `state_dict()`는 텐서에 `nn.Sequential` 안의 위치로 이름을 붙입니다
#   (`0.weight`, `0.bias`, `2.weight`, `2.bias`).
#
# ## 연습 문제
#
# **1.** 0.1을 곱하는 대신 입력을 `(X - X.mean()) / X.std()`로 표준화하고, 같은 학습률로 새
# `nn.Linear(1, 1)`을 학습한 뒤 가중치와 편향을 섭씨 기준으로 되돌려 보세요. 같은 직선이 나오나요?

# %% tags=["solution"]
mean, std = X.mean(), X.std()
seed_everything(0)
model_s = nn.Linear(1, 1)
_ = training_loop(n_epochs, torch.optim.SGD(model_s.parameters(), lr=lr), model_s, loss_fn, (X - mean) / std, y)
# y = w * (x - mean) / std + b = (w / std) * x + (b - w * mean / std)
w, b = model_s.weight.item(), model_s.bias.item()
print(f"y = {w / std.item():.4f} * x + {b - w * mean.item() / std.item():.4f}")

# %% [markdown]
# **2.** `optimizer.step()`과 `optimizer.zero_grad()`를 `torch.no_grad()` 안에서 직접 쓴 갱신
# (`p -= lr * p.grad`, 그다음 `p.grad = None`)으로 바꿔 보세요. SGD 모델과 같은 시작점에서 20 에폭을
# 학습한 뒤 두 모델의 매개변수가 같은지 확인하세요.

# %% tags=["solution"]
seed_everything(0)
by_hand, by_sgd = nn.Linear(1, 1), nn.Linear(1, 1)
by_sgd.load_state_dict(by_hand.state_dict())  # 같은 시작점
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
# **3.** 학습한 두 모델로 100 °C(물이 끓는 온도)의 측정값을 예측해 보세요. 화씨라면 212입니다. 그곳에서는
# 어느 모델을 믿을 수 있고, 그 이유는 무엇일까요?

# %% tags=["solution"]
boiling = torch.tensor([[100.0]]) * 0.1  # 학습 입력과 똑같이 정규화
with torch.no_grad():
    print(f"linear: {model(boiling).item():.1f} | nn: {seq_model(boiling).item():.1f}")
# 직선은 같은 비율(1도당 약 1.79)로 계속 올라가므로 212 근처에 닿습니다. 신경망의 tanh 뉴런은 데이터에서
# 먼 곳에서 포화되어 출력이 평평해집니다. 즉 외삽(extrapolation)을 하지 못합니다.

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
#   [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict)
# - [`torch.linalg.lstsq`](https://docs.pytorch.org/docs/stable/generated/torch.linalg.lstsq.html),
#   [`torch.linspace`](https://docs.pytorch.org/docs/stable/generated/torch.linspace.html)
# - 파이썬 [`warnings.catch_warnings`](https://docs.python.org/3/library/warnings.html#warnings.catch_warnings)
