# ---
# jupyter:
#   course:
#     synced_with_en: 8432a812572f
# ---

# %% [markdown]
# # 검증과 튜닝
#
# 09강에서는 학습 루프가 제대로 돈다는 것을 확인했습니다. 다만 설정은 모두 손으로 골랐고, 에폭(epoch)마다
# 테스트 세트를 들여다봤습니다. 이번 강의에서는 그 설정을 데이터로 고릅니다. 먼저 검증 세트(validation
# set)를 따로 떼어 둡니다. 이 검증 세트로 옵티마이저(optimizer) 세 가지를 비교하고, 학습률(learning rate)
# 스케줄을 더한 뒤, 가장 좋은 에폭을 고릅니다. 테스트 세트는 그다음에 딱 한 번 씁니다.
#
# **이 강의에서 배울 내용**
#
# - 하이퍼파라미터(hyperparameter)란 무엇이고, 이 강의에서는 어떤 것을 고르는지
# - `random_split`과 시드를 정한 생성기로 원래 학습 세트에서 검증 세트를 떼어 내는 방법, 그리고 테스트 세트를
#   마지막에 한 번만 써야 하는 이유
# - SGD, 모멘텀(momentum)을 더한 SGD, Adam이 가중치(weight)를 갱신하는 방식(각각 수식 하나)과 세 옵티마이저의 비교
# - 코사인 학습률 스케줄이 학습에 주는 효과
# - 검증 정확도(accuracy)로 에폭을 고르고, 그 체크포인트(checkpoint)를 안전하게 저장했다가 다시 불러오는 방법
# - 결과를 읽는 방법: 학습 곡선, 클래스별 정확도, 혼동 행렬(confusion matrix), 잘못 분류한 이미지, 공개된
#   수치와의 비교
# - 더 빠른 길: 데이터셋(dataset) 전체를 텐서(tensor)로 바꿔 장치(device)에 두기
#
# **사전 지식:** 03강(`NeuralNetwork` 파이썬 클래스), 07강(학습 루프와 `torch.optim.SGD`),
# [08강](08_save_and_load.ipynb)(임시 파일과 `os.replace`로 `state_dict`를 원자적으로 저장하기,
# `weights_only=True`와 `map_location`을 쓰는 `torch.load`), [09강](09_train_and_evaluate.ipynb)(FashionMNIST,
# `DataLoader`, `train`/`evaluate`, `model.train()`/`model.eval()`).

# %%
import itertools
import math
import os
import time

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

from course_lib import (
    class_names,
    describe_device,
    get_device,
    load_fashion_mnist,
    output_dir,
    seed_everything,
    show,
)

generator = seed_everything(0)  # torch의 시드 설정, 돌려받은 생성기는 학습 세트 섞기에 사용
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## 하이퍼파라미터
#
# 가중치와 편향(bias)은 **매개변수**(parameter)로, 옵티마이저가 데이터에서 학습하는 값입니다. 반면 학습을
# 시작하기 전에 사람이 정하는 값은 모두 **하이퍼파라미터**입니다. 에폭 수, 배치 크기(batch size), 학습률,
# 어떤 옵티마이저를 어떤 설정으로 쓸지, 학습률 스케줄(뒤에서 설명합니다), 은닉층(hidden layer)의 너비까지 모두 여기에 들어갑니다.
# 09강에서는 이 값들을 손으로 정했습니다. 옵티마이저는 자기 하이퍼파라미터를 `param_groups`에 담고 있습니다.
# 09강에서 쓴 모멘텀이 없는 SGD의 하이퍼파라미터를 확인해 봅니다.

# %%
class NeuralNetwork(nn.Module):
    def __init__(self, hidden=512):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, 10),  # 로짓: 활성화 함수 없음
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 1, 28, 28) -> (N, 784)
        return self.linear_relu_stack(x)  # (N, 784) -> (N, 10)


sgd = torch.optim.SGD(NeuralNetwork().parameters(), lr=0.1)
print({k: sgd.param_groups[0][k] for k in ("lr", "momentum", "dampening", "weight_decay", "nesterov")})

# %% [markdown]
# 은닉층의 너비도 하이퍼파라미터입니다. 03강의 신경망(neural network)은 은닉층마다 뉴런(neuron)이
# 512개이지만, 이 강의에서는 256개를 씁니다. `nn.Linear` 가중치의 원소 하나마다 이미지 한 장당 곱셈과
# 덧셈이 한 번씩 필요하므로, 너비가 256인 신경망은 한 에폭에 드는 계산량이 512인 신경망의 약 40%입니다.
# 같은 시간에 에폭을 더 많이 돌릴 수 있어서, 이 강의에서는 20 에폭 동안 학습합니다.

# %%
hidden = 256
counts = {h: sum(p.numel() for p in NeuralNetwork(h).parameters()) for h in (512, hidden)}
share = counts[hidden] / counts[512]
assert 0.39 < share < 0.41
print(counts, f"share: {share:.2f}")

# %% [markdown]
# ## 검증 세트
#
# 어떤 데이터셋에서 얻은 점수를 보고 설정을 고를 때마다, 그 선택은 조금씩 그 데이터셋에 유리한 쪽으로 기웁니다.
# 그래서 고르는 데 쓴 점수를 최종 점수로 내놓을 수는 없습니다. `random_split`으로 원래 학습 세트 60,000장 가운데 5,000장을
# **검증 세트**로 떼어 냅니다. 나머지 55,000장이 학습 세트이고, 학습에는 이 55,000장만 씁니다. 무언가를 고를 때는 모두 검증 세트를 씁니다.
# 테스트 세트로는 맨 마지막에 한 번만 성능을 잽니다. `random_split`에 시드를 정한 전용 생성기를 넘기면, 앞선
# 코드에서 난수를 얼마나 썼는지와 상관없이 분할 결과가 매번 같습니다.

# %%
train_set, test_set = load_fashion_mnist()
names = class_names()  # "T-shirt/top / 티셔츠/상의", ...
train_part, val_part = random_split(train_set, [55_000, 5_000], generator=torch.Generator().manual_seed(0))
assert not set(train_part.indices) & set(val_part.indices)  # 두 쪽에 함께 든 이미지 없음
print(type(train_part).__name__, len(train_part), len(val_part), len(test_set))
val_counts = torch.bincount(train_set.targets[val_part.indices])  # 클래스별 이미지 수
assert (torch.bincount(train_set.targets) == 6000).all() and 450 < val_counts.min() <= val_counts.max() < 550
print("validation images per class:", val_counts.tolist())

# %% [markdown]
# `random_split`은 `Subset` 두 개를 돌려줍니다. `Subset`은 이미지를 복사하지 않고 원래 데이터셋과 인덱스
# 목록(`train_part.indices`)만 가지고 있는 뷰(view)입니다. 원래 학습 세트에는 클래스마다 6,000장씩 고르게
# 들어 있고 분할은 무작위이므로, 검증 세트에도 클래스마다 500장 안팎이 고르게 들어갑니다.
#
# ## 더 빠른 길: 텐서를 장치에 두기
#
# 이 강의에서는 모델을 여러 번 학습합니다. 그런데 `train_set`에서 이미지를 가져오는 `DataLoader`는 에폭마다
# 이미지를 다시 텐서로 바꿉니다. torchvision은 FashionMNIST의 항목을 꺼낼 때마다 먼저 PIL 이미지를
# 만들고(PIL은 파이썬에서 이미지를 다루는 대표적인 라이브러리입니다), 그것을 `ToTensor()`로 텐서로 바꾸기
# 때문입니다. FashionMNIST는 작아서 PIL을 거치지 않고 한꺼번에 변환해 둘 수 있습니다. 이미지 전체는
# 모양이 (60000, 28, 28)인 `uint8`(0~255 정수) 텐서 `train_set.data` 하나에 들어 있고, 레이블(label)은
# `train_set.targets`에 들어 있습니다. `unsqueeze(1)`로 채널 차원을 더하고 255로 나누면 `ToTensor()`와
# 정확히 같은 값이 나옵니다(셀에서 확인합니다). 여기서 분할의 인덱스로 학습 이미지와 검증 이미지를
# 골라낸 뒤, 모두 한 번에 장치로 옮깁니다. `float32` 값 하나가 4바이트이므로
# 전체 크기는 $60000 \times 784 \times 4$바이트, 약 188 MB입니다.

# %%
X_all = train_set.data.unsqueeze(1).float() / 255  # uint8 (60000, 28, 28) -> float32 (60000, 1, 28, 28), 값은 [0, 1]
y_all = train_set.targets  # (60000,) int64
assert torch.equal(X_all[0], train_set[0][0])  # ToTensor와 같은 값
train_idx, val_idx = torch.tensor(train_part.indices), torch.tensor(val_part.indices)
X_train, y_train = X_all[train_idx].to(device), y_all[train_idx].to(device)  # (55000, 1, 28, 28), (55000,)
X_val, y_val = X_all[val_idx].to(device), y_all[val_idx].to(device)  # (5000, 1, 28, 28), (5000,)
print(f"{X_all.nelement() * X_all.element_size() / 1e6:.1f} MB;", X_train.device, X_train.shape, X_val.shape)

# %% [markdown]
# 이제 섞은 인덱스로 텐서를 한 번 잘라 내기만 하면 미니배치(minibatch) 하나가 나옵니다. 시드를 정한 생성기를
# 넘겨 `torch.randperm`을 호출하면, 순서는 에폭마다 달라지지만 다시 실행해도 똑같이 나옵니다. `train_epoch`은 09강의 `train`을 텐서용으로 바꾼
# 것입니다. 맞힌 개수도 세므로 에폭 동안의 평균 손실과 정확도를 함께 돌려줍니다. `evaluate`는 이미지
# 1,000장씩 잘라 계산하고, 이미지 한 장당 평균을 냅니다. 배치 크기는 09강과 같은 128이므로, 55,000장이면
# 에폭마다 미니배치가 430개입니다.

# %%
def train_epoch(X, y, model, loss_fn, optimizer, batch_size, generator):
    """One epoch over tensors `X`, `y` in shuffled minibatches; returns (average loss per batch, accuracy)."""
    model.train()
    perm = torch.randperm(len(X), generator=generator).to(X.device)  # 에폭마다 새 순서
    total_loss, correct, num_batches = 0.0, 0, 0
    for start in range(0, len(X), batch_size):
        idx = perm[start:start + batch_size]  # (B,) 인덱스
        logits = model(X[idx])  # (B, 1, 28, 28) -> (B, 10)
        loss = loss_fn(logits, y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        correct += (logits.argmax(dim=1) == y[idx]).sum().item()
        num_batches += 1
    return total_loss / num_batches, correct / len(X)


def evaluate(X, y, model, loss_fn, batch_size=1000):
    """Average loss per image and accuracy of `model` on tensors `X`, `y`."""
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(X), batch_size):
            logits = model(X[start:start + batch_size])  # (B, 10)
            total_loss += loss_fn(logits, y[start:start + batch_size]).item() * len(logits)
            correct += (logits.argmax(dim=1) == y[start:start + batch_size]).sum().item()
    return total_loss / len(X), correct / len(X)


batch_size = 128
loss_fn = nn.CrossEntropyLoss()
num_batches = math.ceil(len(X_train) / batch_size)
print(num_batches, "minibatches of", batch_size, "per epoch")

# %% [markdown]
# 얼마나 아낄 수 있을까요? 아래 셀은 데이터를 가져오는 방식 세 가지로 각각 이미지 128장짜리 미니배치
# 100개를 학습하면서 시간을 재고, 그 시간을 한 에폭 분량으로 환산합니다. 세 방식은 PIL 이미지를 가져오는
# `DataLoader`, 변환해 둔 텐서를 `TensorDataset`(`i`번째 항목이 `(X[i], y[i])`인 데이터셋)으로 감싼
# `DataLoader`, 그리고 장치에 둔 텐서입니다. 시간은 컴퓨터와 그 컴퓨터에서 함께 돌고 있는 작업에 따라
# 달라지므로, 이 셀은 실행할 때마다 다른 숫자를 보여 줍니다. 나머지 셀은 같은 컴퓨터에서 CPU 스레드 수가
# 같다면 실행할 때마다 같은 숫자를 보여 줍니다. 스레드 수는 이 강의의 첫 코드 셀이 표시한 장치 정보에서 확인할 수
# 있습니다. 스레드 수가 다르거나 GPU에서 실행하면 손실과 정확도의 끝자리가 이 페이지와 달라집니다.
#
# GPU에서는 실행할 때마다 숫자가 달라질 수도 있습니다. 일부 연산은 숫자를 더하는 순서가 실행마다 바뀌기
# 때문입니다. 이를 막으려면 `torch.use_deterministic_algorithms(True)`로 결정적 알고리즘(deterministic
# algorithm), 즉 매번 같은 순서로 계산하는 알고리즘만 쓰게 해야 합니다. 이 강의의 확인 코드는 이 정도의 작은 차이는 허용하도록 작성했습니다. 다만 고른 옵티마이저를
# 확인하는 assert는 예외입니다(그 자리에서 설명합니다).

# %% tags=["variable"]
timed = 100  # 방식마다 시간을 재는 미니배치 수
ways = {
    "DataLoader, PIL images + ToTensor": DataLoader(train_part, batch_size=batch_size, shuffle=True,
                                                    generator=torch.Generator().manual_seed(0)),
    "DataLoader, TensorDataset": DataLoader(TensorDataset(X_all[train_idx], y_all[train_idx]), batch_size=batch_size,
                                            shuffle=True, generator=torch.Generator().manual_seed(0)),
}
for name, loader in ways.items():
    model = NeuralNetwork(hidden).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    start = time.perf_counter()
    for X, y in itertools.islice(loader, timed):
        loss = loss_fn(model(X.to(device)), y.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"{name:36} {(time.perf_counter() - start) * num_batches / timed:5.2f} s per epoch")
model = NeuralNetwork(hidden).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
start = time.perf_counter()
train_epoch(X_train[:timed * batch_size], y_train[:timed * batch_size], model, loss_fn, optimizer, batch_size,
            torch.Generator().manual_seed(0))
print(f"{'tensors on the device':36} {(time.perf_counter() - start) * num_batches / timed:5.2f} s per epoch")

# %% [markdown]
# 직접 실행한 결과의 세 줄을 비교해 보세요. 다른 작업으로 바쁜 컴퓨터에서는 측정 오차가 줄 사이의 차이만큼
# 클 수 있으니, 셀을 다시 실행해 숫자가 얼마나 흔들리는지도 확인하세요. 첫째 줄과 둘째 줄의 차이는 이미지마다
# PIL 이미지를 텐서로 바꾸는 비용이고, 이 비용은 에폭마다 다시 듭니다. 둘째 줄과 셋째 줄의 차이는 `DataLoader`가 항목을 하나씩 꺼내 쌓는 비용과,
# GPU라면 미니배치마다 장치로 복사하는 비용입니다. 나머지는 학습 계산 자체입니다. CPU에서는 이 계산이
# 느리므로 각 줄에서 큰 몫을 차지합니다. GPU에서는 계산이 빠르므로 데이터를 준비하고 옮기는 일이 차지하는 비중이 커지고,
# 데이터를 장치에 두는 이득도 커집니다. 그래도 대부분은 `DataLoader`를 씁니다. 메모리보다 큰 데이터셋도,
# 이미지마다 다르게 주는 무작위 변환(데이터 증강)도, 여러 작업자 프로세스(worker)를 이용한 병렬 로딩도
# `DataLoader`가 모두 처리해 주기 때문입니다.
#
# ## 옵티마이저 세 가지
#
# $\theta$를 매개변수, $g$를 현재 미니배치에서 구한 그 매개변수의 기울기(gradient), $\eta$를 학습률이라고
# 하겠습니다.
#
# - **SGD**는 기울기의 반대 방향으로 한 스텝 움직입니다: $\theta \leftarrow \theta - \eta\, g$.
# - **모멘텀을 더한 SGD**(줄여서 모멘텀 SGD)는 지난 기울기를 누적한 합 $v$, 즉 08강의 모멘텀
#   상태(momentum state)를 가지고 있습니다. 그리고 이 $v$를 따라 움직입니다: $v \leftarrow \mu v + g$,
#   $\theta \leftarrow \theta - \eta\, v$. 여기서 $\mu$는 모멘텀 계수(흔히 0.9)입니다. 스텝이 지날 때마다
#   지난 기울기에 $\mu$가 한 번씩 더 곱해지므로, 오래된 기울기일수록 비중이 작아집니다.
#   기울기가 계속 같은 방향을 가리키면 스텝 크기가 점점 커져, $\mu = 0.9$일 때 최대 $1/(1-\mu) = 10$배가 됩니다.
#   기울기의 부호가 스텝마다 바뀌는 방향에서는 기울기끼리 대부분 상쇄되어, 스텝 크기가 모멘텀이 없는 SGD
#   스텝의 약 $1/(1+\mu) \approx 0.53$배로 줄어듭니다.
# - **Adam**은 평균 두 개를 가지고 있습니다. 기울기의 지수 가중 평균(exponentially weighted average)과
#   기울기 제곱의 지수 가중 평균입니다. 지수 가중 평균은 오래된 값일수록 비중을 점점 줄인 평균입니다.
#   $m \leftarrow \beta_1 m + (1-\beta_1) g$, $s \leftarrow \beta_2 s + (1-\beta_2) g^2$. 두 값이 0에서
#   출발해 생기는 치우침을 바로잡은 뒤($t$번째 스텝에서 $\hat m = m / (1-\beta_1^t)$,
#   $\hat s = s / (1-\beta_2^t)$), $\theta \leftarrow \theta - \eta\, \hat m / (\sqrt{\hat s} + \epsilon)$로
#   갱신합니다. 매개변수마다 스텝 크기가 따로 정해지며, 기울기가 크든 작든 대략 $\eta$ 정도입니다.
#   PyTorch의 기본값은 $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$입니다.
#
# 이 수식이 PyTorch가 실제로 하는 계산입니다. 원소가 세 개인 텐서 `w`의 각 원소를 매개변수 하나로 보고
# 손으로 두 스텝을 계산한 값과, `optimizer.step()`을 두 번 호출한 값이 같습니다.

# %%
def two_steps(make_optimizer, grads):
    w = torch.zeros(3, requires_grad=True)
    optimizer = make_optimizer([w])
    for g in grads:
        w.grad = g.clone()
        optimizer.step()
    return w.detach()


g1, g2 = torch.tensor([1.0, -2.0, 0.001]), torch.tensor([1.0, 2.0, 0.001])
lr, mu, b1, b2, eps = 0.1, 0.9, 0.9, 0.999, 1e-8
sgd_w = -lr * g1 - lr * g2
momentum_w = -lr * g1 - lr * (mu * g1 + g2)
m1, s1 = (1 - b1) * g1, (1 - b2) * g1**2
m2, s2 = b1 * m1 + (1 - b1) * g2, b2 * s1 + (1 - b2) * g2**2
adam_w = (-lr * (m1 / (1 - b1)) / ((s1 / (1 - b2)).sqrt() + eps)
          - lr * (m2 / (1 - b1**2)) / ((s2 / (1 - b2**2)).sqrt() + eps))
for name, make, by_hand in [
    ("SGD", lambda p: torch.optim.SGD(p, lr=lr), sgd_w),
    ("SGD, momentum 0.9", lambda p: torch.optim.SGD(p, lr=lr, momentum=mu), momentum_w),
    ("Adam", lambda p: torch.optim.Adam(p, lr=lr), adam_w),
]:
    w = two_steps(make, [g1, g2])
    assert torch.allclose(w, by_hand)
    print(f"{name:18} {[round(v, 4) for v in w.tolist()]}")

# %% [markdown]
# 눈여겨볼 점은 세 가지입니다. 기울기가 아주 작은 세 번째 매개변수를 SGD는 거의 움직이지 않았지만, Adam은
# 첫 번째 매개변수만큼 움직였습니다. 이 매개변수에서 Adam은 두 스텝 모두 대략 $\eta = 0.1$씩 움직였습니다. 두 번째 매개변수는 기울기의
# 부호가 바뀌었습니다. SGD는 0으로 되돌아갔고, 모멘텀 SGD는 첫 스텝에서 움직인 만큼을 대부분 유지했고, Adam은
# 조금만 되돌아왔습니다. 그리고 기울기의 부호가 그대로인 첫 번째 매개변수는 모멘텀을 쓸 때 SGD보다 더
# 멀리 움직였습니다.
#
# 이제 실제 문제에서 짧게 비교합니다. 옵티마이저마다 새 신경망(초기 가중치는 모두 같음)을 2 에폭 학습하고,
# 에폭이 끝날 때마다 검증 정확도를 기록합니다. SGD는 09강과 같은 학습률 0.1을 쓰고, 모멘텀 0.9를 더한 SGD도
# 같은 학습률을 씁니다. Adam은 흔히 쓰는 기본값 $10^{-3}$을 씁니다. 학습률은 옵티마이저마다 알맞은 값이
# 다르기 때문입니다.

# %%
candidates = {
    "SGD, lr 0.1": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD, momentum 0.9, lr 0.1": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "Adam, lr 0.001": lambda p: torch.optim.Adam(p, lr=1e-3),
}
val_accs = {}
for name, make_optimizer in candidates.items():
    torch.manual_seed(0)  # 모두 같은 초기 가중치
    model = NeuralNetwork(hidden).to(device)
    optimizer = make_optimizer(model.parameters())
    data_order = torch.Generator().manual_seed(0)  # 미니배치 순서도 같게
    val_accs[name] = []
    for epoch in range(2):
        train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, data_order)
        val_accs[name].append(evaluate(X_val, y_val, model, loss_fn)[1])
    print(f"{name:26} validation accuracy after epochs 1, 2: {val_accs[name]}")

# %% [markdown]
# 모멘텀 SGD는 에폭마다 모멘텀이 없는 SGD보다 앞서고, 여기서는 마지막에 Adam이 둘 다 앞섭니다. 그래서 최종
# 학습에는 두 에폭 뒤 검증 정확도가 가장 높은 옵티마이저, 즉 Adam을 씁니다. 다만 두 에폭짜리 비교는 짧은
# 시험일 뿐입니다. 더 길게 학습하면 순위가 바뀔 수도 있고, 옵티마이저마다 학습률을 따로 찾아 주어야 더
# 공정합니다. 그래도 이런 결정은 테스트 세트가 아니라 검증 세트로 내려야 합니다.
#
# 게다가 Adam이 앞선 폭도 작습니다. 아래 셀은 그 차이를 표본 오차(sampling error), 즉 어떤 이미지가 검증
# 세트에 뽑혔느냐에 따라 생기는 흔들림과 나란히 보여 줍니다. 그 크기는 이미지 5,000장으로 잰 정확도 $p$의
# 표준 오차(standard error) $\sqrt{p(1-p)/5000}$로 가늠하며, 약 0.5%포인트입니다. 1%포인트 안팎, 즉 표준 오차의 두 배
# 정도인 차이는 표본 오차만으로도 생길 수 있습니다. 그러니 여기서 Adam이
# 앞섰다는 근거는 약하고, 모멘텀 SGD를 골라도 무리가 없습니다. 고른 옵티마이저는 assert로 고정해 두었습니다. 그래서 다른
# 컴퓨터나 스레드 수에서 순위가 바뀌면 이 셀에서 오류가 나며 멈춥니다. 모르는 사이에 다른 옵티마이저로
# 학습이 이어지지는 않습니다.

# %%
assert all(a < b for a, b in zip(val_accs["SGD, lr 0.1"], val_accs["SGD, momentum 0.9, lr 0.1"]))
best_optimizer = max(val_accs, key=lambda name: val_accs[name][-1])  # 마지막 에폭 뒤 검증 정확도가 가장 높은 옵티마이저
final = sorted((accs[-1] for accs in val_accs.values()), reverse=True)
lead = final[0] - final[1]  # 2위와의 차이
noise = math.sqrt(final[0] * (1 - final[0]) / len(X_val))  # 5,000장으로 잰 정확도의 표준 오차
print("chosen:", best_optimizer, f"| lead {lead:.4f}, sampling noise about {noise:.4f}")
assert best_optimizer == "Adam, lr 0.001" and lead < 0.015 and 0.004 < noise < 0.006

# %% [markdown]
# ## 학습률 스케줄
#
# 학습률을 하나로 고정하면 빠른 진행과 안정된 마무리 가운데 하나를 포기해야 합니다. 스텝이 크면 처음에는
# 빨리 나아가지만, 손실이 가장 낮은 곳 근처에서는 가중치가 그 주변을 계속 맴돕니다. 스텝이 작으면 맴돌지는
# 않지만 처음부터 느리게 나아갑니다. 미니배치마다 구한 기울기에는 잡음이 섞여 있기 때문입니다.
# **학습률 스케줄**(learning-rate schedule)은 학습이 진행되는 동안 학습률을 바꿉니다. 학습률 스케줄을
# 적용하는 객체를 스케줄러(scheduler)라고 합니다. 코사인 스케줄러 `CosineAnnealingLR`은 학습률을 처음 값
# $\eta_0$에서 코사인 곡선의 절반 모양을 따라 낮춥니다. $t$를 지금까지 `scheduler.step()`을 호출한 횟수라고
# 하면, $t = T$(`T_max` 인자)일 때 학습률이 0이 됩니다.
#
# $$\eta_t = \frac{\eta_0}{2}\left(1 + \cos\frac{\pi t}{T}\right)$$
#
# `scheduler.step()`을 에폭마다 한 번 호출하고 $T$를 에폭 수로 두면, 가중치는 처음에는 크게, 끝에서는
# 작게 움직이면서 자리를 잡습니다.

# %%
num_epochs = 20
lr = 1e-3
dummy = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=lr)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(dummy, T_max=num_epochs)
lrs = []
for epoch in range(num_epochs):
    lrs.append(scheduler.get_last_lr()[0])  # 이 에폭에 쓰는 학습률
    dummy.step()
    scheduler.step()
formula = [lr / 2 * (1 + math.cos(math.pi * t / num_epochs)) for t in range(num_epochs)]
assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(lrs, formula))
print("learning rate per epoch:", [f"{v:.2e}" for v in lrs[::4]], "...", f"{lrs[-1]:.2e}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 에폭 단위 스케줄을 미니배치마다 진행하기**
#
# `scheduler.step()`을 한 번 호출할 때마다 스케줄이 한 칸씩 진행됩니다. `T_max`는 에폭 수로 둔 채 미니배치마다
# 이 메서드를 호출하면, 미니배치 20개 만에 학습률이 0이 됩니다. 게다가 스케줄은 거기서 멈추지 않으므로 학습률이
# 처음 값까지 다시 올라갑니다.

# %% tags=["pitfall"]
dummy = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=lr)
wrong = torch.optim.lr_scheduler.CosineAnnealingLR(dummy, T_max=num_epochs)  # 의도: 20 에폭
wrong_lrs = []
for step in range(2 * num_epochs + 1):  # 그러나 미니배치마다 진행
    wrong_lrs.append(wrong.get_last_lr()[0])
    dummy.step()
    wrong.step()
print("learning rate after minibatches 0, 10, 20, 30, 40:", [f"{wrong_lrs[i]:.1e}" for i in range(0, 41, 10)])

# %% [markdown] tags=["pitfall"]
# 미니배치 430개짜리 에폭 하나 동안 학습률이 0까지 내려갔다 다시 올라오기를 10번 넘게 되풀이하는 셈입니다.
#
# **바로잡기:** 아래 최종 학습처럼 한 에폭의 학습이 끝날 때마다 `scheduler.step()`을 한 번 호출합니다. 미니배치마다
# 호출하고 싶다면 `T_max`를 전체 학습의 미니배치 수인 `num_epochs * num_batches`로 정합니다.

# %% tags=["pitfall"]
assert wrong_lrs[num_epochs] < 1e-12 and math.isclose(wrong_lrs[2 * num_epochs], lr)
print(f"one epoch: {num_batches} minibatches = {num_batches / (2 * num_epochs):.1f} times down and up")
print(f"per minibatch, T_max = {num_epochs} * {num_batches} = {num_epochs * num_batches} steps")

# %% [markdown]
# ## 최종 학습: 검증 세트로 에폭 고르기
#
# 하이퍼파라미터는 다음과 같습니다. 은닉층 너비 256은 실행 시간을 고려해 정했고, 배치 크기 128은 09강의 값을
# 그대로 썼습니다. 옵티마이저는
# 위에서 검증 세트로 고른 것(학습률 $10^{-3}$의 Adam)이며, 20 에폭에 걸친 코사인 스케줄을 씁니다. 에폭마다
# 검증 세트로 평가하고, 정확도가 지금까지의 최고 기록을 넘으면 08강에서처럼 `state_dict`를 저장합니다. 먼저
# 임시 파일에 쓴 다음 `os.replace`로 바꿔 넣으므로, 프로그램이 중간에 비정상 종료되어도 반쯤 쓰다 만
# 체크포인트가 남지 않습니다(정전까지 견디려면 `os.fsync`도 필요하다는 점은 08강에서 다뤘습니다).

# %%
checkpoint_dir = output_dir() / "checkpoints"
checkpoint_dir.mkdir(parents=True, exist_ok=True)
best_path = checkpoint_dir / "10_best_model.pt"


def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # 여기서 멈춰도 기존 파일은 그대로
    os.replace(tmp, path)  # 그다음 한 번에 바꿔 넣기


torch.manual_seed(0)
model = NeuralNetwork(hidden).to(device)
optimizer = candidates[best_optimizer](model.parameters())
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)

# %% [markdown]
# 루프는 한 에폭 학습하고 `scheduler.step()`을 호출한 뒤, 검증 세트로 평가해 최고 기록이면 저장합니다.
# 테스트 세트는 쓰지 않습니다.

# %%
history = {"train_loss": [], "train_acc": [], "val_loss": [], "val_acc": []}
best_acc, best_epoch = 0.0, 0
for epoch in range(1, num_epochs + 1):
    train_loss, train_acc = train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, generator)
    scheduler.step()
    val_loss, val_acc = evaluate(X_val, y_val, model, loss_fn)
    for key, value in zip(history, (train_loss, train_acc, val_loss, val_acc)):
        history[key].append(value)
    saved = val_acc > best_acc
    if saved:
        best_acc, best_epoch = val_acc, epoch
        save_atomic({"epoch": epoch, "model": model.state_dict(), "val_acc": val_acc}, best_path)
    print(f"epoch {epoch:2}  train loss {train_loss:.4f}  val loss {val_loss:.4f}  "
          f"val acc {val_acc:.4f}" + ("  saved" if saved else ""))

# %% [markdown]
# ## 손실과 정확도 곡선
#
# 손실과 정확도를 두 그래프에 나란히 그리고, 그래프마다 학습 곡선과 검증 곡선을 함께 표시합니다. (학습 손실과 학습 정확도는 가중치가 아직 바뀌고 있는 에폭 도중에
# 평균 낸 값이므로, 에폭이 끝난 시점의 모델 성능보다 조금 뒤처집니다.)

# %%
epochs = range(1, num_epochs + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ax1.plot(epochs, history["train_loss"], "o-", label="train / 학습")
ax1.plot(epochs, history["val_loss"], "o-", label="validation / 검증")
ax1.set(xlabel="epoch / 에폭", ylabel="loss / 손실", title="Loss / 손실")
ax1.legend()
ax2.plot(epochs, history["train_acc"], "o-", label="train / 학습")
ax2.plot(epochs, history["val_acc"], "o-", label="validation / 검증")
ax2.axvline(best_epoch, color="gray", ls=":", label=f"best epoch / 최고 에폭 ({best_epoch})")
ax2.set(xlabel="epoch / 에폭", ylabel="accuracy / 정확도", title="Accuracy / 정확도")
ax2.legend()
show(fig, "curves")

# %% [markdown]
# 학습 손실은 에폭마다 내려갑니다. 검증 손실은 처음에 빠르게 내려가다가, 스케줄 때문에 스텝이 작아진 마지막
# 에폭들에서 평평해집니다. 둘 사이의 차이는 점점 벌어집니다. 모델이 처음 보는 이미지보다 학습에 쓰는
# 이미지에 더 잘 맞는다는 뜻입니다. 검증 손실이 아직 내려가는 동안이라면 이 차이는 **일반화 격차**(generalization
# gap)이지 과적합(overfitting)이 아닙니다. 모델은 여전히 새 이미지에서 나아지고 있기 때문입니다. 학습 손실은 계속
# 내려가는데 검증 손실이 다시 올라가기 시작하면, 그때부터가 **과적합**입니다. 아래 셀은 두 가지를
# 잽니다. 하나는 마지막 에폭들의 검증 손실이 가장 낮은 검증 손실보다 얼마나 높은지이고, 다른 하나는
# 처음·중간·끝 에폭에서의 격차입니다.

# %%
val_losses, train_losses = history["val_loss"], history["train_loss"]
lowest_val = min(range(num_epochs), key=val_losses.__getitem__) + 1
gaps = [v - t for t, v in zip(train_losses, val_losses)]
print(f"lowest validation loss {min(val_losses):.4f} at epoch {lowest_val}; "
      f"highest of the last 5 epochs: {max(val_losses[-5:]):.4f}")
print(f"gap (validation - train loss) at epochs 1, {num_epochs // 2}, {num_epochs}: "
      f"{gaps[0]:.4f}, {gaps[num_epochs // 2 - 1]:.4f}, {gaps[-1]:.4f}")
assert val_losses[-1] < val_losses[0] - 0.05 and max(val_losses[-5:]) - min(val_losses) < 0.01  # 평평해짐
assert lowest_val > num_epochs // 2  # 가장 낮은 검증 손실은 뒤쪽 에폭
assert all(a > b for a, b in zip(train_losses, train_losses[1:]))  # 학습 손실은 에폭마다 감소
assert gaps[0] < gaps[num_epochs // 2 - 1] < gaps[-1]  # 격차는 커짐

# %% [markdown]
# 격차는 커지지만 검증 손실이 뚜렷하게 다시 올라가지는 않습니다. 마지막 5 에폭 동안에도 가장 낮은 값과
# 0.01 넘게 차이 나지 않습니다. 20 에폭 동안 이 모델에는 일반화 격차가 있을 뿐, 아직 과적합은 없습니다.
# (첫 에폭에서는 격차가 음수입니다. 첫 에폭의 학습 손실에는 아직 학습이 덜 된 초반 미니배치들의 높은 손실이
# 섞여 평균이 올라가기 때문입니다.)
#
# 곡선의 모양도 스케줄이 노리는 효과와 맞아떨어집니다. 학습률이 클 때는 검증 정확도가 에폭마다 크게
# 바뀝니다. 학습률이 작아진 마지막 에폭들에서는 큰 변동 없이 조금씩 오르기만 합니다. 그래서 가장 좋은
# 에폭이 학습의 뒤쪽 절반에 나옵니다. (다만 학습률을 고정하고 학습한 결과와 비교해 보지 않았으므로, 이
# 가운데 얼마만큼이 스케줄 덕분이고 얼마만큼이 어떤 학습이든 수렴하면 으레 나타나는 모습인지는 가려낼 수
# 없습니다.)

# %%
jumps = [abs(b - a) for a, b in zip(history["val_acc"], history["val_acc"][1:])]  # 에폭 사이의 변화
early, late = max(jumps[1:9]), max(jumps[-5:])
assert early > 3 * late and best_epoch > num_epochs // 2
print(f"largest change of validation accuracy, epochs 2-10: {early:.4f}; last 5 epochs: {late:.4f}")

# %% [markdown]
# ## 테스트 세트는 한 번만
#
# 새 모델에 가장 좋은 체크포인트를 불러옵니다(08강에서처럼 `weights_only=True`, `map_location=device`).
# 저장할 때 기록한 검증 정확도가 정확히 그대로 나와야 합니다. 그다음 처음이자 마지막으로 테스트 세트를
# 씁니다. 테스트 이미지를 텐서로 바꿔 장치로 옮긴 뒤 모델에 한 번에 넣으면, 테스트 손실과 테스트
# 정확도, 그리고 이 강의의 나머지 부분에서 살펴볼 모든 예측을 한꺼번에 얻습니다.

# %%
checkpoint = torch.load(best_path, map_location=device, weights_only=True)
best_model = NeuralNetwork(hidden).to(device)
best_model.load_state_dict(checkpoint["model"])
assert evaluate(X_val, y_val, best_model, loss_fn)[1] == checkpoint["val_acc"] == best_acc
print("best epoch:", checkpoint["epoch"], f"| validation accuracy {checkpoint['val_acc']:.4f}")

X_test = (test_set.data.unsqueeze(1).float() / 255).to(device)  # (10000, 1, 28, 28)
y_test = test_set.targets.to(device)  # (10000,)
best_model.eval()
with torch.no_grad():
    test_logits = best_model(X_test)  # (10000, 10)
test_loss = loss_fn(test_logits, y_test).item()
pred = test_logits.argmax(dim=1).cpu()  # (10000,)
true = y_test.cpu()
test_acc = (pred == true).float().mean().item()
print(f"test loss: {test_loss:.4f}")
print(f"test accuracy: {test_acc:.4f}")
assert abs(test_acc - best_acc) < 0.02  # 고른 에폭의 검증 정확도와 가까움

# %% [markdown]
# 테스트 정확도는 고른 에폭의 검증 정확도와 가깝고, 여기서는 그보다 조금 낮습니다. 조금 떨어져도 이상하지
# 않습니다. 검증 이미지에서 점수가 가장 높은 에폭을 골랐으니 그 검증 점수는 조금 낙관적일 수밖에 없고,
# 테스트 이미지는 검증 이미지와 다른 이미지이기 때문입니다. 보고할 숫자는 테스트 정확도입니다. 이 숫자로는 아무것도
# 고르지 않았기 때문입니다.
#
# ## 모델이 헷갈리는 클래스
#
# 클래스별 정확도와 **혼동 행렬**을 봅니다. 혼동 행렬은 실제 클래스(행)마다 모델이 각 클래스로 몇 번
# 예측했는지(열)를 셉니다. 대각선에 놓인 값이 맞힌 개수입니다. (실제, 예측) 쌍을 `true * 10 + pred`라는
# 0~99 사이의 번호 하나로 바꾸면, `torch.bincount`로 번호별 개수를 센 뒤 10×10 모양으로 바꾸기만 하면
# 됩니다.

# %%
confusion = torch.bincount(true * 10 + pred, minlength=100).reshape(10, 10)  # 행: 실제, 열: 예측
per_class = confusion.diag() / confusion.sum(dim=1)
for name, acc in zip(names, per_class.tolist()):
    print(f"{acc:.3f}  {name}")
hardest = per_class.argmin().item()
mistaken_for = confusion[hardest].clone()
mistaken_for[hardest] = 0
top3 = mistaken_for.topk(3).indices.tolist()  # 가장 잦은 오답 세 가지
print(f"{names[hardest]} taken for:", ", ".join(f"{names[j]} {mistaken_for[j].item()}" for j in top3))
print("Pullover -> Coat:", confusion[2, 4].item(), "| Coat -> Pullover:", confusion[4, 2].item())
assert set(per_class.topk(5).indices.tolist()) == {1, 5, 7, 8, 9}  # 바지, 샌들, 운동화, 가방, 앵클부츠
assert hardest == 6 and set(top3) == {0, 2, 4}  # 셔츠를 티셔츠, 풀오버, 코트로 오인

# %%
fig, ax = plt.subplots(figsize=(8.5, 7.5))
ax.imshow(confusion, cmap="Blues")
ax.set_xticks(range(10), names, rotation=60, ha="right", fontsize=8)
ax.set_yticks(range(10), names, fontsize=8)
for i in range(10):
    for j in range(10):
        count = confusion[i, j].item()
        ax.text(j, i, count, ha="center", va="center", fontsize=7,
                color="white" if count > confusion.max().item() / 2 else "black")
ax.set(xlabel="predicted / 예측", ylabel="true / 정답", title="Confusion matrix / 혼동 행렬")
show(fig, "confusion_matrix")

# %% [markdown]
# 바지, 가방, 샌들, 운동화, 앵클부츠는 쉬운 클래스입니다. 가장 어려운 클래스는 셔츠입니다. 모델은 셔츠를
# 티셔츠, 풀오버, 코트로 잘못 보고, 풀오버와 코트도 자주 서로 헷갈립니다. 28×28 픽셀에서는 상의가 모두
# 비슷해 보이기 때문입니다.
#
# ## 잘못 분류한 이미지
#
# 틀린 예를 직접 보는 것이 모델을 이해하는 가장 빠른 길일 때가 많습니다. 아래는 모델이 틀린 테스트 이미지
# 가운데 처음 12장입니다.

# %%
wrong_idx = (pred != true).nonzero().squeeze(1)  # 틀린 이미지의 인덱스
print(len(wrong_idx), "of", len(true), "test images are misclassified")
fig, axes = plt.subplots(2, 6, figsize=(14, 5.5))
for ax, i in zip(axes.flat, wrong_idx[:12].tolist()):
    ax.imshow(X_test[i, 0].cpu(), cmap="gray_r")  # (28, 28)
    ax.set_title(f"true: {names[true[i]]}\npred: {names[pred[i]]}", fontsize=7.5)
    ax.axis("off")
fig.suptitle("Misclassified test images / 잘못 분류한 테스트 이미지")
show(fig, "misclassified")

# %% [markdown]
# 28×28 픽셀에서는 이 가운데 여러 장이 사람이 봐도 무엇인지 알아보기 어렵습니다.
#
# ## 벤치마크 표와 비교하기
#
# [Fashion-MNIST 저장소](https://github.com/zalandoresearch/fashion-mnist)에는 벤치마크 표가 있습니다. 그중
# 네 줄이 이 강의의 숫자를 가늠하는 데 도움이 됩니다. 은닉층 뉴런이 256, 128, 100개인 다층 퍼셉트론(MLP),
# 합성곱(convolution) 신경망 두 개(합성곱 계층이 두 개인 작은 신경망과 VGG16), 그리고 사람입니다. 사람의
# 점수는 이렇게 구했습니다. 테스트 이미지 가운데 1,000장을 무작위로 뽑고, 패션 전문 지식이 없는
# 사람들에게서 한 장마다 레이블을 세 개씩 받아 다수결로 답을 정했습니다.

# %%
results = [
    (0.935, "benchmark: VGG16, a convolutional network, 26M parameters"),
    (0.925, "benchmark: 2 convolution layers, <100K parameters"),
    (test_acc, f"this lesson: MLP 784-{hidden}-{hidden}-10, {counts[hidden]:,} parameters"),
    (0.8833, "benchmark: MLP 256-128-100"),
    (0.835, "benchmark: human performance (1,000 test images)"),
]
for acc, what in sorted(results, reverse=True):
    print(f"{acc:.4f}  {what}")
assert 0.89 <= test_acc < 0.935

# %% [markdown]
# 이 강의의 신경망은 정확도가 벤치마크의 MLP와 비전문가보다 높고, 합성곱 신경망보다 낮습니다. 다만 이
# 순위는 조심해서 읽어야 합니다. 표에는 MLP의 학습 설정이 없고(코드 링크만 있습니다), 그 신경망은 이 강의의
# 신경망보다 조금 작습니다.
# 그러니 그 줄은 비슷한 신경망이 어느 수준까지 가는지 보여 주는 참고값일 뿐, 이 강의의 신경망이 더 낫다는
# 근거는 아닙니다. 사람의 점수는
# 10,000장 전체가 아니라 1,000장으로 잰 것이고, 패션 전문가가 아닌 사람들이 매긴 것이므로 대략적인 기준일
# 뿐, 넘을 수 없는 상한선은 아닙니다. 가장 눈여겨볼 점은 합성곱 신경망의 결과입니다. VGG16은 매개변수가
# 2,600만 개(26M)로 이 강의의 신경망보다 훨씬 많으니, VGG16이 앞선다는 것만으로는 알 수 있는 것이 별로
# 없습니다. 그런데 매개변수가 10만 개(100K)도 안 되어 이 강의의 신경망보다 적은 작은 합성곱 신경망도
# 0.925라는 결과가 보고되어 있습니다. 이는 널리 알려진 경향과 맞습니다. 06강의 합성곱처럼 이웃한 픽셀을
# 함께 보는 모델은, 숫자 784개를 한 줄로 늘어놓고 보는 모델보다 매개변수가 적어도 이미지를 더 잘 분류하는
# 경우가 많습니다. 그렇더라도 이 표는 엄밀한 측정값이 아니라 참고 자료로 읽어야 합니다. 표의 각 줄은
# 제출된 결과이고, 저장소는 이를 직접 검증하지 않았다고 밝히고 있습니다. 합성곱 계층이 두 개인 다른 줄의
# 정확도는 0.876부터 0.939까지 다양합니다.
#
# ## 요약
#
# - 매개변수는 학습하는 값이고, 하이퍼파라미터(에폭 수, 배치 크기, 학습률, 옵티마이저와 그 설정, 스케줄,
#   너비)는 고르는 값입니다. 고르는 일은 `random_split`과 시드를 정한 생성기로 원래 학습 세트에서 떼어 낸
#   검증 세트로 합니다. 테스트 세트로는 마지막에 한 번만 성능을 잽니다.
# - SGD는 $-g$ 방향으로, 모멘텀 SGD는 지난 기울기를 누적한 합을 따라 움직입니다. Adam은 매개변수마다 최근 기울기의
#   평균과 크기로 스텝을 조절하므로 스텝 크기가 대략 $\eta$ 정도입니다.
# - 코사인 스케줄은 학습률을 $\eta_0$에서 0까지 낮춰 끝에서 가중치가 자리를 잡게 합니다. `T_max`를 에폭
#   수로 정했다면 에폭마다 한 번 `scheduler.step()`을 호출합니다.
# - 학습 손실과 검증 손실의 격차가 커지더라도 검증 손실이 아직 내려가고 있다면 일반화 격차입니다. 검증
#   손실이 다시 올라가기 시작하면 그때부터가 과적합입니다.
# - 에폭은 검증 정확도로 고르고, 그 체크포인트는 원자적으로(임시 파일에 쓴 뒤 `os.replace`로) 저장하고,
#   단 한 번의 테스트 전에 다시 불러와 확인합니다.
# - 데이터셋이 장치에 통째로 들어가면, 한 번만 변환해 장치에 두고 `torch.randperm`으로 섞은 인덱스로
#   미니배치를 잘라 냅니다. 이미지마다 하는 변환도, `DataLoader`의 항목별 작업도, 미니배치마다 장치로 복사하는 일도
#   없습니다.
#
# ## 연습 문제
#
# **1.** 가장 좋은 모델이 가장 자주 헷갈리는 클래스 쌍은 무엇인가요? `confusion`에서 대각선 밖의 가장 큰
# 값을 찾아 실제 클래스와 예측 클래스의 이름을 표시해 보세요.

# %% tags=["solution"]
off_diagonal = confusion.clone()
off_diagonal.fill_diagonal_(0)
i, j = divmod(off_diagonal.argmax().item(), 10)  # 1차원 인덱스 -> (행, 열)
print(f"{off_diagonal[i, j].item()} images of {names[i]} predicted as {names[j]}")

# %% [markdown]
# **2.** 모멘텀은 지난 기울기를 누적하므로 스텝이 모멘텀이 없을 때보다 최대 $1/(1-\mu)$배까지 커집니다.
# 모멘텀 0.9, 학습률 0.01인 SGD로 위의 비교와 똑같은 조건에서 모델을 2 에폭 학습하고, 모멘텀이 없고
# 학습률이 0.1인 SGD와 검증 정확도를 비교해 보세요.

# %% tags=["solution"]
torch.manual_seed(0)
model = NeuralNetwork(hidden).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
data_order = torch.Generator().manual_seed(0)
accs = []
for epoch in range(2):
    train_epoch(X_train, y_train, model, loss_fn, optimizer, batch_size, data_order)
    accs.append(evaluate(X_val, y_val, model, loss_fn)[1])
print("SGD, momentum 0.9, lr 0.01:", accs)
print("SGD, lr 0.1:               ", val_accs["SGD, lr 0.1"])
# 모멘텀 0.9에서는 스텝이 기울기의 약 10 x 0.01 = 0.1배까지 커짐:
# 처음 몇 스텝이 지나면 모멘텀이 없고 학습률이 0.1인 SGD와 비슷

# %% [markdown]
# **3.** 상위 2개 정확도(top-2 accuracy)에서는 로짓(logit)이 가장 큰 클래스 두 개 가운데 실제 클래스가
# 있으면 맞힌 것으로 칩니다. `torch.topk`로 `best_model`의 상위 2개 정확도를 검증 세트에서 계산해 보세요(테스트 세트는 이미
# 한 번 썼습니다). 상위 1개 정확도(지금까지 쓴 보통의 정확도)보다 얼마나 높나요?

# %% tags=["solution"]
best_model.eval()
with torch.no_grad():
    top2 = best_model(X_val).topk(2, dim=1).indices  # (5000, 10) -> (5000, 2)
top2_acc = (top2 == y_val[:, None]).any(dim=1).float().mean().item()
print(f"validation top-1 {best_acc:.4f}, top-2 {top2_acc:.4f}")

# %% [markdown]
# ## 더 읽을거리
#
# - [Optimizing model parameters](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (공식 튜토리얼의 하이퍼파라미터와 최적화 루프; 한국어 번역: [모델 매개변수 최적화하기](https://tutorials.pytorch.kr/beginner/basics/optimization_tutorial.html))
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`random_split`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.random_split),
#   [`Subset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.Subset),
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html)(옵티마이저와 스케줄러,
#   `optimizer.step()`과 `scheduler.step()`을 호출하는 순서):
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html)(모멘텀 수식),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html)(전체 알고리즘),
#   [`lr_scheduler.CosineAnnealingLR`](https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html)
# - D. P. Kingma, J. Ba, [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) (2014)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html),
#   [`os.replace`](https://docs.python.org/ko/3/library/os.html#os.replace)
# - [`torch.randperm`](https://docs.pytorch.org/docs/stable/generated/torch.randperm.html),
#   [`torch.bincount`](https://docs.pytorch.org/docs/stable/generated/torch.bincount.html),
#   [`torch.topk`](https://docs.pytorch.org/docs/stable/generated/torch.topk.html)
# - [재현성(Reproducibility)](https://docs.pytorch.org/docs/stable/notes/randomness.html)
#   (`torch.use_deterministic_algorithms`, 시드, 생성기, 영문)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist)(데이터셋과 벤치마크 표)
