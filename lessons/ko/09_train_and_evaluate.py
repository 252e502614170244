# ---
# jupyter:
#   course:
#     synced_with_en: 6b3ffecdcb8f
# ---

# %% [markdown]
# # 학습과 평가
#
# 이 강의에서는 지금까지 배운 것을 한데 모읍니다. FashionMNIST를 불러와 03강의 신경망(neural network)에
# 미니배치(minibatch)로 넣고, 몇 에폭(epoch) 동안 학습시킵니다. 그다음 한 번도 보지 못한 이미지로 성능을 재고,
# 가장 좋은 체크포인트(checkpoint)를 남긴 뒤, 모델이 무엇을 틀리는지 자세히 들여다봅니다.
#
# **이 강의에서 배울 내용**
#
# - `torchvision.datasets`와 `DataLoader`로 섞은 미니배치를 재현 가능하게 받는 방법
# - `model.train()`을 부르는 `train(...)`과, `model.eval()`과 `torch.no_grad()`를 쓰는 `evaluate(...)`를
#   작성해 평균 손실과 정확도(accuracy)를 돌려받는 방법
# - `nn.Dropout`이 학습 모드(training mode)와 평가 모드(evaluation mode)에서 다르게 동작하는 이유
# - 784-512-512-10 신경망을 몇 에폭 만에 테스트 정확도 약 0.89까지 학습시키고, 학습 곡선을 그리고,
#   혼동 행렬(confusion matrix)을 읽고, 잘못 분류한 이미지를 살펴보는 방법
# - 가장 좋은 체크포인트를 남기고, 결과를 공개된 수치와 비교하는 방법
# - 더 빠른 길: 데이터셋(dataset) 전체를 장치(device) 위의 텐서(tensor)로 두기
#
# **사전 지식:** 03강(`NeuralNetwork` 클래스), 07강(학습 루프), 08강(`state_dict` 저장, 체크포인트를
# 안전하게 쓰기).

# %%
import itertools
import math
import os
import time

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from course_lib import (
    as_tensors,
    class_names,
    describe_device,
    get_device,
    load_fashion_mnist,
    output_dir,
    seed_everything,
    show,
)

generator = seed_everything(0)  # torch의 시드를 정하고, DataLoader 섞기에 쓸 생성기를 돌려줍니다
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## 데이터: FashionMNIST
#
# FashionMNIST는 옷 10종류를 찍은 28×28 흑백 이미지 70,000장입니다. 60,000장은 학습용, 10,000장은
# 테스트용입니다. `load_fashion_mnist()`는 이 두 부분을 먼저 디스크에서 찾고, 없을 때만 내려받아
# `torchvision.datasets.FashionMNIST` 데이터셋으로 돌려줍니다. 변환은 `ToTensor()`이므로, 각 항목은 모양이
# `(1, 28, 28)`이고 값이 $[0, 1]$ 범위인 이미지 텐서와 정수 레이블의 쌍입니다.

# %%
train_set, test_set = load_fashion_mnist()
names = class_names()  # "T-shirt/top / 티셔츠/상의", ...
image, label = train_set[0]
print(len(train_set), len(test_set))
print(image.shape, image.dtype, image.min().item(), image.max().item())
print(label, names[label])

# %% [markdown]
# ## 이미지 살펴보기
#
# 클래스마다 한 장씩 그리고, `class_names()`로 영어와 한국어 제목을 함께 붙입니다.

# %%
first_of_class = [(train_set.targets == c).nonzero()[0].item() for c in range(10)]
fig, axes = plt.subplots(2, 5, figsize=(11, 5))
for ax, i in zip(axes.flat, first_of_class):
    image, label = train_set[i]
    ax.imshow(image.squeeze(0), cmap="gray_r")  # (1, 28, 28) -> (28, 28)
    ax.set_title(names[label], fontsize=9)
    ax.axis("off")
fig.suptitle("FashionMNIST: one image per class / 클래스별 이미지 한 장")
show(fig, "samples")

# %% [markdown]
# ## `DataLoader`로 미니배치 만들기
#
# 데이터로더(data loader, `DataLoader`)는 데이터셋의 항목을 미니배치로 묶어 줍니다. 학습용 데이터는
# 섞어서(shuffle) 에폭마다 이미지를 새로운 순서로 보게 합니다. `generator=`를 넘기면 그 순서가 실행할 때마다
# 똑같아집니다. `num_workers=0`은 메인 프로세스에서 데이터를 읽으라는 뜻이며, 가장 단순하고 재현 가능한
# 선택입니다.

# %%
batch_size = 128
image_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=generator, num_workers=0)

X, y = next(iter(image_loader))
print(X.shape, X.dtype)  # (128, 1, 28, 28)
print(y.shape, y.dtype)  # (128,)
print(len(image_loader), "batches,", len(image_loader.dataset), "images")

# %% [markdown]
# `len(loader)`는 미니배치 개수로, 469입니다(60000 / 128 = 468.75를 올림한 값이며, 마지막 미니배치에는
# 96장만 들어 있습니다). `len(loader.dataset)`는 이미지 개수입니다. 둘을 헷갈리지 마세요. 뒤에 나오는
# 흔한 실수가 바로 이 차이에서 생깁니다.
#
# ## 한 번만 변환하기: `as_tensors`와 `TensorDataset`
#
# 이 데이터로더는 미니배치 하나를 만들 때마다 데이터셋에 항목 128개를 하나씩 요청하고, 각 항목은 PIL과
# `ToTensor()`를 거칩니다. 작은 CPU에서는 이렇게 이미지마다 하는 일에 학습 계산 자체와 맞먹는 시간이
# 듭니다(강의 끝에서 직접 재 봅니다). FashionMNIST는 한꺼번에 변환해 둘 수 있을 만큼 작습니다. `as_tensors`는
# 같은 값을 텐서 두 개로 돌려주고, `TensorDataset`은 이 텐서들을 데이터로더가 쓸 수 있는 데이터셋으로 다시
# 감쌉니다. 테스트용 데이터는 섞지 않습니다. 평가에는 기울기(gradient)가 필요 없으므로 미니배치를 더 크게
# 잡아도 됩니다.

# %%
X_train, y_train = as_tensors(train_set)  # (60000, 1, 28, 28) float32, 값은 [0, 1], (60000,) int64
X_test, y_test = as_tensors(test_set)  # (10000, 1, 28, 28), (10000,)
assert torch.equal(X_train[0], train_set[0][0])  # ToTensor와 같은 값

train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True,
                          generator=generator, num_workers=0)
test_loader = DataLoader(TensorDataset(X_test, y_test), batch_size=1000, shuffle=False, num_workers=0)
X, y = next(iter(train_loader))
print(X.shape, y.shape)  # (128, 1, 28, 28), (128,)
print(len(train_loader), "train batches,", len(test_loader), "test batches")

# %% [markdown]
# ## 03강의 모델
#
# 03강과 같은 신경망입니다. 이미지를 펼친 뒤 ReLU가 붙은 512유닛짜리 은닉층(hidden layer) 두 개를 지나고,
# 마지막 `nn.Linear`가 **로짓(logit)** 10개를 내놓습니다. 마지막 계층(layer) 뒤에는 ReLU가 없으므로 로짓은
# 음수가 될 수도 있습니다.

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
            nn.Linear(512, 10),  # 로짓: 여기에는 활성화 함수(activation function)가 없습니다
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 1, 28, 28) -> (N, 784)
        return self.linear_relu_stack(x)  # (N, 784) -> (N, 10)


model = NeuralNetwork().to(device)
print(sum(p.numel() for p in model.parameters()), "parameters")
print(model(X.to(device)).shape)  # (128, 1, 28, 28) -> (128, 10)

# %% [markdown]
# ## 학습 모드와 평가 모드
#
# 어떤 계층은 학습할 때와 평가할 때 다르게 동작합니다. `nn.Dropout(p)`는 학습 모드에서 각 값을
# 확률(probability) `p`로 0으로 만들고, 남은 값은 $1/(1-p)$배로 키워 기댓값이 그대로 유지되게 합니다. 평가
# 모드에서는 입력에 손대지 않고 그대로 내보냅니다.

# %%
dropout = nn.Dropout(p=0.5)
x = torch.ones(2, 8)
dropout.train()
print(dropout(x))  # 각 값이 확률 0.5로 0, 아니면 1 / (1 - 0.5) = 2
big = dropout(torch.ones(100_000))
print(f"zeros: {(big == 0).float().mean().item():.3f}, mean: {big.mean().item():.3f}")
dropout.eval()
print(dropout(x))  # 입력 그대로

# %% [markdown]
# `model.train()`과 `model.eval()`은 모듈(module) *그리고 그 안의 모든 하위 모듈*의 `training` 플래그를
# 바꿉니다. 이 플래그를 읽는 것은 `nn.Dropout`이나 `nn.BatchNorm1d` 같은 계층입니다. 우리 신경망에는 둘 다
# 없으므로 여기서는 모드를 바꿔도 결과가 조금도 달라지지 않습니다. 그래도 이런 계층이 들어간 모델을 올바르게
# 다루려면 두 메서드를 늘 불러 주는 습관을 들여야 합니다.

# %%
model.eval()
print(model.training, model.linear_relu_stack[0].training)
model.train()
print(model.training, model.linear_relu_stack[0].training)

# %% [markdown]
# ## 한 에폭 학습하기: `train`
#
# `train`은 07강의 루프를 데이터로더 전체에 대해 한 번 돌리고, 미니배치당 평균 손실을 돌려줍니다. 루프는
# 순전파(forward pass) → 손실 → `zero_grad` → `backward` → `step` 순서입니다. 장치는 모델의
# 매개변수(parameter)에서 알아내므로, 이 함수는 인자로 받은 것 말고는 아무것도 쓰지 않습니다.

# %%
def train(dataloader, model, loss_fn, optimizer):
    """One epoch over `dataloader`; returns the average loss per batch."""
    device = next(model.parameters()).device  # 모델이 있는 장치에서 계산합니다
    model.train()
    total_loss = 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)  # (B, 1, 28, 28), (B,)
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss / len(dataloader)

# %% [markdown]
# ## 성능 재기: `evaluate`
#
# `evaluate`는 평가 모드로 바꾸고 `torch.no_grad()`로 기울기 추적을 끕니다. 그러면 계산이 더 빠르고, 계산
# 그래프도 메모리에 남지 않습니다. 이 함수는 *인자로 받은 데이터로더*의 미니배치 $B$개에 대한 평균 손실과,
# 그 데이터셋 $N$장에 대한 정확도를 돌려줍니다.
#
# $$\text{loss} = \frac{1}{B}\sum_{b=1}^{B} L_b, \qquad \text{accuracy} = \frac{\text{correct}}{N}$$

# %%
def evaluate(dataloader, model, loss_fn):
    """Average loss per batch and accuracy of `model` over `dataloader`."""
    device = next(model.parameters()).device
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            logits = model(X)  # (B, 10)
            total_loss += loss_fn(logits, y).item()
            correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(dataloader), correct / len(dataloader.dataset)

# %% [markdown]
# 학습하지 않은 모델은 아무렇게나 찍는 것과 다름없습니다. 정확도는 $1/10$ 근처이고, 교차 엔트로피 손실은
# 10개 클래스에 확률을 똑같이 나눠 줄 때의 손실인 $\ln 10 \approx 2.30$ 근처입니다.

# %%
loss_fn = nn.CrossEntropyLoss()
test_loss, test_acc = evaluate(test_loader, model, loss_fn)
print(f"untrained: test loss {test_loss:.4f} (ln 10 = {math.log(10):.4f}), test accuracy {test_acc:.4f}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 다른 데이터로더의 길이로 나누기**
#
# 이 강좌의 바탕이 된 노트 가운데 하나에 있는 `evaluate(model, test_loader, ...)`는
# `return running_loss / len(train_loader)`로 끝납니다. 그런데 `train_loader`는 이 함수가 인자로 받은 적이
# 없는 이름입니다. 새로 시작한 스크립트라면 `NameError`가 납니다. 더 나쁜 경우는 전역 변수 `train_loader`가
# 있는 노트북입니다. 파이썬은 그 전역 변수를 조용히 가져다 쓰고, 테스트 미니배치 10개의 손실 합을 학습
# 미니배치 469개로 나눠 버립니다.

# %% tags=["pitfall"]
def evaluate_wrong(model, test_loader, loss_fn):  # 그 노트의 함수를 줄인 것
    device = next(model.parameters()).device
    model.eval()
    running_loss = 0.0
    with torch.no_grad():
        for X, y in test_loader:
            running_loss += loss_fn(model(X.to(device)), y.to(device)).item()
    return running_loss / len(train_loader)  # 버그: 전역 변수 train_loader


wrong_loss = evaluate_wrong(model, test_loader, loss_fn)
print(f"wrong: test loss {wrong_loss:.4f}  (sum / {len(train_loader)} train batches)")

# %% [markdown] tags=["pitfall"]
# 학습도 안 한 모델이 거의 완벽해 보입니다. 오류는 나지 않고, 숫자만 47배 작게 나옵니다.
#
# **바로잡기:** 우리 `evaluate`처럼 함수가 받은 데이터로더의 `len(dataloader)`로 나눕니다. 더 일반적으로
# 말하면, 함수는 인자로 받은 것만 써야 합니다.

# %% tags=["pitfall"]
print(f"right: test loss {test_loss:.4f}  (sum / {len(test_loader)} test batches)")
print(f"ratio: {test_loss / wrong_loss:.1f} = {len(train_loader)} / {len(test_loader)}")

# %% [markdown]
# ## 몇 에폭 학습하기
#
# 손실 함수(loss function)로는 로짓을 그대로 받는 `nn.CrossEntropyLoss`를, 옵티마이저(optimizer)로는
# 학습률(learning rate) $10^{-3}$의 `torch.optim.Adam`을 씁니다. 여기에 코사인 스케줄을 더해, 학습이 진행되는
# 동안 학습률을 0 쪽으로 부드럽게 낮춥니다. 처음에는 크게 움직이고, 끝에서는 작게 움직여 자리를 잡게 하려는
# 것입니다. (우리 실험에서는 학습률을 고정하면 이 신경망의 테스트 정확도가 0.89 바로 아래에서 오르내렸습니다.)
# 테스트 정확도가 지금까지의 최고 기록을 넘을 때마다 `state_dict`를 저장합니다. 08강에서처럼 먼저 임시 파일에
# 쓴 다음 `os.replace`로 바꿔 넣습니다.

# %%
num_epochs = 8
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)

checkpoint_dir = output_dir() / "checkpoints"
checkpoint_dir.mkdir(parents=True, exist_ok=True)
best_path = checkpoint_dir / "09_best_model.pt"


def save_atomic(state_dict, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(state_dict, tmp)  # 여기서 멈춰도 기존 파일은 그대로입니다
    os.replace(tmp, path)  # 그다음 한 번에 바꿔 넣습니다

# %% [markdown]
# 에폭마다 `train_loader`로 한 번 학습하고, 스케줄러를 한 단계 진행한 뒤, `test_loader`로 평가합니다.

# %%
history = {"train_loss": [], "test_loss": [], "test_acc": []}
best_acc, best_epoch, epoch_seconds = 0.0, 0, []
for epoch in range(1, num_epochs + 1):
    start = time.perf_counter()
    train_loss = train(train_loader, model, loss_fn, optimizer)
    epoch_seconds.append(time.perf_counter() - start)  # 아래 시간 측정 셀에서만 출력합니다
    scheduler.step()
    test_loss, test_acc = evaluate(test_loader, model, loss_fn)
    for key, value in zip(history, (train_loss, test_loss, test_acc)):
        history[key].append(value)
    saved = test_acc > best_acc
    if saved:
        best_acc, best_epoch = test_acc, epoch
        save_atomic(model.state_dict(), best_path)
    print(f"epoch {epoch}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  "
          f"test acc {test_acc:.4f}" + ("  saved" if saved else ""))

# %% [markdown]
# ## 손실과 정확도 곡선
#
# 학습 손실은 계속 내려갑니다. 테스트 손실은 더 천천히 내려가다가 점점 평평해집니다. 학습 손실이 테스트
# 손실보다 낮아지고 그 차이가 점점 벌어지는 것이 **과적합**(overfitting)의 시작입니다. 모델이 처음 보는
# 이미지보다 학습 이미지에 더 잘 맞춰지고 있다는 뜻입니다. (학습 손실은 가중치(weight)가 아직 바뀌는 *도중에*
# 에폭 동안 평균 낸 값이므로, 에폭이 끝난 시점의 모델보다 조금 뒤처진 값입니다.)

# %%
epochs = range(1, num_epochs + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ax1.plot(epochs, history["train_loss"], "o-", label="train / 학습")
ax1.plot(epochs, history["test_loss"], "o-", label="test / 테스트")
ax1.set(xlabel="epoch / 에폭", ylabel="loss / 손실", title="Loss / 손실")
ax1.legend()
ax2.plot(epochs, history["test_acc"], "o-", color="tab:green", label="test / 테스트")
ax2.axhline(0.89, color="gray", ls="--", label="0.89")
ax2.set(xlabel="epoch / 에폭", ylabel="accuracy / 정확도", title="Test accuracy / 테스트 정확도")
ax2.legend()
show(fig, "curves")

# %% [markdown]
# ## 가장 좋은 체크포인트 다시 불러오기
#
# 새 모델에 저장해 둔 `state_dict`를 불러옵니다. 08강에서처럼 `weights_only=True`와 `map_location=device`를
# 씁니다. 저장할 때 기록한 정확도와 정확히 같은 값이 나와야 합니다.

# %%
best_model = NeuralNetwork().to(device)
best_model.load_state_dict(torch.load(best_path, map_location=device, weights_only=True))
test_loss, test_acc = evaluate(test_loader, best_model, loss_fn)
assert test_acc == best_acc  # 같은 가중치, 같은 데이터, 같은 예측
print("best epoch:", best_epoch)
print(f"test accuracy: {test_acc:.4f}")

# %% [markdown]
# 한 가지는 솔직하게 짚고 넘어가야 합니다. 우리는 *테스트* 정확도를 보고 에폭을 골랐으므로 이 숫자는 조금
# 낙관적입니다. 실제 프로젝트에서는 학습 데이터 일부를 검증 세트(validation set)로 떼어 내고(예:
# `torch.utils.data.random_split`), 에폭과 설정은 검증 세트로 고릅니다. 테스트 세트는 맨 마지막에 한 번만
# 씁니다.
#
# ## 어떤 클래스를 헷갈릴까?
#
# **혼동 행렬**은 실제 클래스(행)마다 모델이 각 클래스로 몇 번 예측했는지(열)를 셉니다. 대각선에 놓인 값이
# 맞힌 개수입니다. `torch.bincount`를 한 번 호출해 만들 수 있습니다.

# %%
def predict(dataloader, model):
    """Predicted class of every item in `dataloader`, in order, as a CPU tensor."""
    device = next(model.parameters()).device
    model.eval()
    with torch.no_grad():
        return torch.cat([model(X.to(device)).argmax(dim=1).cpu() for X, _ in dataloader])


pred = predict(test_loader, best_model)  # (10000,)
true = y_test  # (10000,), test_loader는 섞지 않으므로 순서가 같습니다
confusion = torch.bincount(true * 10 + pred, minlength=100).reshape(10, 10)  # 행: 실제, 열: 예측
per_class = confusion.diag() / confusion.sum(dim=1)
for name, acc in zip(names, per_class.tolist()):
    print(f"{acc:.3f}  {name}")
print(f"overall: {confusion.diag().sum().item() / len(true):.4f}")

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
# 바지, 가방, 샌들, 운동화는 쉽습니다. 어려운 클래스는 "셔츠"입니다. 모델은 셔츠를 티셔츠, 풀오버, 코트와
# 헷갈립니다. 풀오버와 코트도 서로 헷갈립니다. 28×28 픽셀에서는 상의가 모두 비슷해 보이기 때문입니다. (위의
# 예시 그림에 나온 "셔츠"도 풀오버라고 해도 믿을 만합니다.)
#
# ## 잘못 분류한 이미지
#
# 틀린 예를 직접 보는 것이 모델을 이해하는 가장 빠른 길일 때가 많습니다. 아래는 모델이 틀린 테스트 이미지
# 가운데 처음 12장입니다.

# %%
wrong = (pred != true).nonzero().squeeze(1)  # 틀린 이미지의 인덱스
print(len(wrong), "of", len(true), "test images are misclassified")
fig, axes = plt.subplots(2, 6, figsize=(14, 5.5))
for ax, i in zip(axes.flat, wrong[:12].tolist()):
    ax.imshow(X_test[i, 0], cmap="gray_r")  # (28, 28)
    ax.set_title(f"true: {names[true[i]]}\npred: {names[pred[i]]}", fontsize=7.5)
    ax.axis("off")
fig.suptitle("Misclassified test images / 잘못 분류한 테스트 이미지")
show(fig, "misclassified")

# %% [markdown]
# 이 가운데 상당수는 사람이 봐도 어렵습니다. 그래서 다음 비교가 흥미롭습니다.
#
# ## 공개된 수치와 나란히 놓기
#
# [Fashion-MNIST 저장소](https://github.com/zalandoresearch/fashion-mnist)에는 벤치마크 표가 있습니다. 그중
# 우리 모델과 견줄 만한 줄은 둘입니다. 하나는 은닉층이 256, 128, 100 유닛인 다층 퍼셉트론(MLP)으로,
# 0.8833입니다. 다른 하나는 사람의 성능으로, 0.835입니다. 패션 전문 지식이 없는 사람들이 무작위로 뽑은 테스트
# 이미지 1,000장에 한 장당 세 번씩 레이블을 달고 다수결로 정한 결과입니다.

# %%
results = [
    (best_acc, "this lesson: MLP 784-512-512-10"),
    (0.8833, "benchmark: MLP 256-128-100"),
    (0.835, "benchmark: human performance"),
]
for acc, what in results:
    print(f"{acc:.4f}  {what}")

# %% [markdown]
# 평범한 완전 연결 신경망을 몇 에폭만 학습해도 공개된 MLP와 어깨를 나란히 하고, 전문 지식이 없는 사람보다
# 정확합니다. 다만 실험 조건이 서로 다르고, 우리는 에폭을 테스트 세트로 골랐습니다. 그러니 순위로 보기보다는
# "비슷한 수준"으로 읽어야 합니다. 같은 표에서 합성곱(convolution) 신경망은 0.9를 훌쩍 넘습니다.
#
# ## 더 빠른 길: 장치 위의 텐서
#
# `train_loader`도 여전히 항목 128개를 하나씩 골라 미니배치로 쌓고, `train`은 미니배치마다 장치로 복사합니다.
# 데이터셋 전체가 장치에 들어간다면(여기서는 `float32`로 $60000 \times 784 \times 4$ 바이트, 약 188 MB)
# 한 번에 옮겨 두고 `DataLoader`를 건너뛸 수 있습니다.

# %%
X_train_dev, y_train_dev = X_train.to(device), y_train.to(device)  # (60000, 1, 28, 28), (60000,)
X_test_dev, y_test_dev = X_test.to(device), y_test.to(device)  # (10000, 1, 28, 28), (10000,)
print(X_train_dev.device, X_train_dev.shape, y_train_dev.shape)

# %% [markdown]
# 이제 미니배치 하나는 섞은 인덱스로 한 번 인덱싱하면 얻을 수 있습니다. 시드를 정한 생성기를 넘겨
# `torch.randperm`을 부르면, 에폭마다 새로우면서도 재현 가능한 순서가 나옵니다.

# %%
def train_tensors(X, y, model, loss_fn, optimizer, batch_size, generator):
    """One epoch over tensors `X`, `y` in shuffled minibatches; returns the average loss per batch."""
    model.train()
    perm = torch.randperm(len(X), generator=generator).to(X.device)  # 에폭마다 새 순서
    total_loss, num_batches = 0.0, 0
    for start in range(0, len(X), batch_size):
        idx = perm[start:start + batch_size]  # (batch_size,) 인덱스
        loss = loss_fn(model(X[idx]), y[idx])  # (B, 1, 28, 28) -> (B, 10)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        num_batches += 1
    return total_loss / num_batches

# %% [markdown]
# 세 가지 방식의 시간을 재 봅니다. 첫째는 `image_loader`로 PIL 이미지를 읽기만 하는 시간(미니배치 50개로
# 추정), 둘째는 `train_loader`로 학습하는 한 에폭(위 에폭들의 중앙값), 셋째는 장치 위의 텐서로 학습하는 한
# 에폭입니다. 시간은 컴퓨터와 그때의 부하에 따라 달라집니다. 그래서 실행할 때마다 출력이 바뀌는 셀은 이
# 셀 하나뿐입니다.

# %% tags=["variable"]
fast_model = NeuralNetwork().to(device)
fast_optimizer = torch.optim.Adam(fast_model.parameters(), lr=1e-3)
start = time.perf_counter()
fast_loss = train_tensors(X_train_dev, y_train_dev, fast_model, loss_fn, fast_optimizer, batch_size, generator)
tensor_seconds = time.perf_counter() - start
start = time.perf_counter()
for _ in itertools.islice(image_loader, 50):  # 읽기만 하고 학습은 하지 않습니다
    pass
image_seconds = (time.perf_counter() - start) * len(image_loader) / 50
print(f"PIL images + ToTensor, loading alone: {image_seconds:5.2f} s per epoch")
print(f"train_loader (TensorDataset), train:  {sorted(epoch_seconds)[num_epochs // 2]:5.2f} s per epoch")
print(f"tensors on the device, train:         {tensor_seconds:5.2f} s per epoch")

# %% [markdown]
# CPU에서는 학습 에폭 시간의 대부분이 계산이므로, `DataLoader`를 건너뛰어 아낄 수 있는 시간은 그중
# 일부뿐입니다. 반면 PIL 이미지를 읽기만 하는 데에도 학습 한 에폭과 맞먹거나 그보다 긴 시간이 듭니다.
# GPU에서는 계산이 빠르므로 그 주변의 일(항목별 인덱싱, 장치로의 복사)이 차지하는 비중이 커지고, 텐서를
# 장치에 두는 이득도 커집니다. 텐서로 돈 에폭도 평범한 학습 에폭입니다. 이 한 에폭만으로도 새 모델의
# 정확도는 이미 무작위로 찍는 수준을 훌쩍 넘습니다.

# %%
fast_model.eval()
with torch.no_grad():
    fast_acc = (fast_model(X_test_dev).argmax(dim=1) == y_test_dev).float().mean().item()
print(f"after 1 epoch from tensors: train loss {fast_loss:.4f}, test accuracy {fast_acc:.4f}")

# %% [markdown]
# 그래도 일반적인 도구는 `DataLoader`입니다. 메모리보다 큰 데이터셋, 이미지마다 다르게 적용하는 무작위
# 증강, 여러 작업자 프로세스를 이용한 병렬 읽기를 모두 처리합니다. 장치 위의 텐서는 지금처럼 데이터셋 전체가
# 장치에 들어갈 때 이득입니다.
#
# ## 요약
#
# - `DataLoader(dataset, batch_size=..., shuffle=True, generator=g)`는 재현 가능한 순서로 섞은 미니배치를
#   내줍니다. `len(loader)`는 미니배치 개수, `len(loader.dataset)`는 항목 개수입니다.
# - 작은 데이터셋은 한 번만 변환해(`as_tensors`) `TensorDataset`으로 내주면, 에폭마다 이미지를 하나하나
#   PIL → `ToTensor()`로 바꾸는 일을 건너뛸 수 있습니다.
# - `train`은 `model.train()`을 부르고 미니배치마다 순전파 → 손실 → `zero_grad` → `backward` → `step`을
#   수행합니다. `evaluate`는 `model.eval()`을 부르고 `torch.no_grad()` 안에서 동작하며, *자기가 받은*
#   데이터로더의 미니배치 수로 평균 낸 손실과 *자기가 받은* 데이터셋에 대한 정확도를 돌려줍니다.
# - `nn.Dropout`은 학습 모드에서만 값을 0으로 만들고 남은 값을 키웁니다. `model.eval()`을 부르면 이 동작이
#   꺼집니다.
# - 784-512-512-10 신경망은 Adam과 코사인 학습률 스케줄로 8 에폭 만에 테스트 정확도 약 0.89에 이릅니다.
#   공개된 MLP와 비슷하고, 사람의 성능보다 높습니다.
# - 가장 좋은 `state_dict`는 원자적으로(임시 파일에 쓴 뒤 `os.replace`로) 저장하고, 다시 불러와 확인합니다.
#   실제 작업에서는 에폭을 검증 세트로 고릅니다.
# - 데이터셋이 장치에 통째로 들어가면, 장치 위의 텐서를 `torch.randperm`으로 섞은 인덱스로 잘라 미니배치를
#   만듭니다. 그러면 `DataLoader`의 항목별 작업과 복사를 건너뛸 수 있고, 이득은 GPU에서 가장 큽니다.
#
# ## 연습 문제
#
# **1.** 가장 좋은 모델이 가장 자주 헷갈리는 클래스 쌍은 무엇인가요? `confusion`에서 대각선 밖의 가장 큰
# 값을 찾아 실제 클래스와 예측 클래스의 이름을 출력해 보세요.

# %% tags=["solution"]
off_diagonal = confusion.clone()
off_diagonal.fill_diagonal_(0)
i, j = divmod(off_diagonal.argmax().item(), 10)  # 1차원으로 펼친 인덱스 -> (행, 열)
print(f"{off_diagonal[i, j].item()} images of {names[i]} predicted as {names[j]}")

# %% [markdown]
# **2.** ReLU마다 뒤에 `nn.Dropout(0.2)`를 붙인 `NeuralNetwork` 변형을 만들어 보세요. 같은 미니배치를 학습
# 모드에서 두 번, 평가 모드에서 두 번 통과시키면 어느 모드에서 두 출력이 서로 같나요? `model.eval()`을 빠뜨린
# `evaluate`라면 어떤 일이 생길까요?

# %% tags=["solution"]
dropout_model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 10),
).to(device)
X_batch = X_test_dev[:8]  # (8, 1, 28, 28)
with torch.no_grad():
    dropout_model.train()
    print("train mode, equal:", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
    dropout_model.eval()
    print("eval mode, equal: ", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
# 학습 모드에서는 호출할 때마다 다른 유닛이 꺼집니다. 그래서 model.eval()을 빠뜨린 evaluate는
# 실행할 때마다 달라지는(그리고 대개 더 낮은) 들쭉날쭉한 정확도를 보고합니다.

# %% [markdown]
# **3.** 상위 2개 정확도(top-2 accuracy)는 가장 큰 로짓 두 개 가운데 실제 클래스가 있으면 맞힌 것으로
# 칩니다. `torch.topk`로 `best_model`의 상위 2개 정확도를 `X_test_dev`, `y_test_dev`에서 계산해 보세요. 상위
# 1개 정확도보다 얼마나 높나요?

# %% tags=["solution"]
best_model.eval()
with torch.no_grad():
    top2 = best_model(X_test_dev).topk(2, dim=1).indices  # (10000, 10) -> (10000, 2)
top2_acc = (top2 == y_test_dev[:, None]).any(dim=1).float().mean().item()
print(f"top-1 {best_acc:.4f}, top-2 {top2_acc:.4f}")

# %% [markdown]
# ## 더 읽을거리
#
# - [모델 매개변수 최적화하기](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (공식 튜토리얼의 학습·테스트 루프, 영문)
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset),
#   [`random_split`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.random_split)
# - [`torchvision.datasets.FashionMNIST`](https://docs.pytorch.org/vision/stable/generated/torchvision.datasets.FashionMNIST.html),
#   [`transforms.ToTensor`](https://docs.pytorch.org/vision/stable/generated/torchvision.transforms.ToTensor.html)
# - [`Module.train`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html)
# - [`torch.optim.Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html),
#   [`lr_scheduler.CosineAnnealingLR`](https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict),
#   [`os.replace`](https://docs.python.org/ko/3/library/os.html#os.replace)
# - [`torch.randperm`](https://docs.pytorch.org/docs/stable/generated/torch.randperm.html),
#   [`torch.bincount`](https://docs.pytorch.org/docs/stable/generated/torch.bincount.html),
#   [`torch.topk`](https://docs.pytorch.org/docs/stable/generated/torch.topk.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - [재현성(Reproducibility)](https://docs.pytorch.org/docs/stable/notes/randomness.html) (시드, `DataLoader` 생성기)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) (데이터셋과 벤치마크 표)
