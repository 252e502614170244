# ---
# jupyter:
#   course:
#     synced_with_en: 7268c79e7192
# ---

# %% [markdown]
# # 학습과 평가
#
# 07강에서는 온도 측정값 열한 개로 아주 작은 모델을 학습했습니다. 이번에는 03강의 신경망(neural network)을 실제
# 이미지로 학습합니다. 데이터로더(data loader)가 FashionMNIST를 섞어 미니배치(minibatch)로 나눠 주면, 이것을
# 받는 함수 두 개를 작성합니다. 하나는 한 에폭(epoch) 동안 모델을 학습하고, 다른 하나는 학습에 쓰지 않은
# 이미지로 모델을 평가합니다.
# 목표는 높은 점수가 아니라 믿을 수 있는 학습 루프입니다.
#
# **이 강의에서 배울 내용**
#
# - `torchvision.datasets`와 `DataLoader`로 섞은 미니배치를 받되, 실행할 때마다 같은 순서로 받는 방법
# - `model.train()`을 호출하는 `train(...)`과, `model.eval()`과 `torch.no_grad()`를 쓰는 `evaluate(...)`를
#   작성해 평균 손실과 정확도(accuracy)를 돌려받는 방법
# - `nn.Dropout`이 학습 모드(training mode)와 평가 모드(evaluation mode)에서 다르게 동작하는 이유
# - 오류 없이 틀린 손실이 나오는 `evaluate`의 흔한 실수
# - 학습이 제대로 되는지 확인하는 방법: 모멘텀이 없는 SGD로 몇 에폭 학습하며 손실이 줄고 정확도가 오르는지 보기
#
# **사전 지식:** 03강(`NeuralNetwork` 파이썬 클래스, 장치(device) 고르기, 로짓과 `argmax`), 06강(로짓과
# 클래스 번호를 받는 `nn.CrossEntropyLoss`), 07강(`torch.optim.SGD`를 쓰는 학습 루프, `torch.no_grad()`).

# %%
import math

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader

from course_lib import class_names, describe_device, get_device, load_fashion_mnist, seed_everything, show

generator = seed_everything(0)  # torch의 시드 설정, DataLoader 섞기에 쓸 생성기 반환
device = get_device()
print(describe_device(device))

# %% [markdown]
# ## 데이터: FashionMNIST
#
# FashionMNIST는 옷 사진을 10개 클래스로 나눈 28×28 흑백 이미지 70,000장입니다. 60,000장은 학습용,
# 10,000장은 테스트용입니다. `load_fashion_mnist()`는 이 둘을 `torchvision.datasets.FashionMNIST`
# 데이터셋(dataset)으로 돌려줍니다. 파일은 먼저 디스크에서 찾고, 없을 때만 내려받습니다. 변환(transform)으로는
# 이미지를 텐서(tensor)로 바꾸는 `ToTensor()`를 씁니다. 그래서 이미지 한 장은 모양이 `(1, 28, 28)`이고
# 값이 $[0, 1]$ 범위인 텐서가 됩니다. 데이터셋의 항목 하나는 이 이미지 텐서와 0부터 9까지의 정수 레이블(label)로 이루어진 쌍입니다.

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
# 클래스마다 이미지를 한 장씩 골라 그림으로 표시합니다. 제목에는 `class_names()`로 영어와 한국어 이름을
# 함께 붙입니다.

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
# `DataLoader`는 데이터셋에서 항목을 받아 미니배치로 쌓아 줍니다. 학습 세트는 섞어서(shuffle) 에폭마다 다른
# 순서로 모델에 넣습니다. 테스트 세트는 섞지 않습니다. 평가할 때는 기울기(gradient)를 계산하지 않아 메모리가
# 덜 들므로 미니배치를 더 크게 잡습니다. `num_workers=0`(기본값)은 작업자 프로세스를 따로 띄우지 않고,
# 지금 코드를 실행하는 메인 프로세스가 직접 데이터를 불러온다는 뜻입니다. 가장 단순한 설정입니다. 작업자
# 프로세스를 쓰든 쓰지 않든, 섞는 순서는 데이터로더의 생성기(generator)가 정합니다.

# %%
batch_size = 128
train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=generator, num_workers=0)
test_loader = DataLoader(test_set, batch_size=1000, shuffle=False, num_workers=0)

X, y = next(iter(train_loader))
print(X.shape, X.dtype)  # (128, 1, 28, 28)
print(y.shape, y.dtype)  # (128,)
print(len(train_loader), "train batches,", len(train_loader.dataset), "train images")
print(len(test_loader), "test batches,", len(test_loader.dataset), "test images")

# %% [markdown]
# `len(loader)`는 미니배치 개수입니다. `train_loader`는 469개입니다. 60000 / 128 = 468.75를 올림한 값이고,
# 마지막 미니배치에는 남은 이미지 96장만 들어갑니다. 이미지 개수는 `len(loader.dataset)`입니다. 두 값을
# 구분해 두세요. 뒤에 나오는 흔한 실수를 이해하려면 이 구분이 필요합니다.

# %%
last_batch = len(train_set) - (len(train_loader) - 1) * batch_size
assert len(train_loader) == math.ceil(len(train_set) / batch_size) == 469 and last_batch == 96
print("images in the last batch:", last_batch)

# %% [markdown]
# ## 재현할 수 있는 섞기
#
# `shuffle=True`이면 데이터로더는 반복을 시작할 때마다 `generator=`로 받은 생성기에서 새 순서를
# 뽑습니다. 시드가 같은 생성기 두 개에서는 같은 순서가 나오고, 한 데이터로더 안에서는 에폭마다 다른 순서가
# 나옵니다.
# `generator=`를 넘기지 않으면 데이터로더는 PyTorch의 전역 생성기에서 순서를 뽑습니다. 그러면 그 앞의
# 코드가 난수를 하나만 더 뽑아도(예를 들어 새 계층(layer)의 초기 가중치(weight)를 만들 때) 순서가 바뀝니다. 데이터로더에
# 생성기를 따로 주면 데이터 순서가 나머지 코드와 상관없이 정해집니다.

# %%
def first_labels(loader):
    return next(iter(loader))[1][:8].tolist()  # 한 에폭의 첫 이미지 8장의 레이블


loader_a = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1))
loader_b = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1))
print("a, epoch 1:", first_labels(loader_a))
print("b, epoch 1:", first_labels(loader_b))
print("a, epoch 2:", first_labels(loader_a))

# %% [markdown]
# ## 03강의 모델
#
# 03강과 같은 신경망입니다. 이미지를 한 줄로 펼친 뒤 ReLU가 붙은 은닉층(hidden layer) 두 개를 지나게
# 합니다. 은닉층마다 뉴런(neuron)은 512개입니다. 마지막 `nn.Linear`는 **로짓**(logit) 10개를 내놓습니다.
# 마지막 계층 뒤에는 ReLU가 없으므로 로짓은 음수도 될 수 있습니다.

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
            nn.Linear(512, 10),  # 로짓: 활성화 함수 없음
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
# 확률(probability) `p`로 0으로 만들고, 살아남은 값은 $1/(1-p)$배로 키워 기댓값을 그대로 유지합니다. 평가 모드에서는
# 입력을 그대로 내보냅니다. 값을 무작위로 지우면 신경망이 어느 한 값에 기대지 못하므로, 처음 보는
# 데이터에서도 잘 맞히는 모델이 되는 경우가 많습니다. 하지만 모델을 평가할 때는 신경망 전체를 쓰고,
# 같은 입력에는 늘 같은 답을 얻어야 합니다.

# %%
dropout = nn.Dropout(p=0.5)
x = torch.ones(2, 8)
dropout.train()
print(dropout(x))  # 확률 0.5로 0, 아니면 1 / (1 - 0.5) = 2
big = dropout(torch.ones(100_000))
share_zero = (big == 0).float().mean().item()
assert 0.49 < share_zero < 0.51 and 0.98 < big.mean().item() < 1.02
print(f"zeros: {share_zero:.3f}, mean: {big.mean().item():.3f}")
dropout.eval()
print(dropout(x))  # 입력 그대로

# %% [markdown]
# `model.train()`과 `model.eval()`은 모듈(module) 자신과 그 안의 하위 모듈 전부의 `training` 플래그를
# 바꿉니다. 이 플래그를 보고 동작을 바꾸는 계층으로는 `nn.Dropout`, `nn.BatchNorm1d`를 비롯한
# 드롭아웃(dropout) 계층과 배치 정규화 계층(`nn.BatchNorm2d` 등)이 있습니다. `nn.LayerNorm`은 두 모드에서
# 똑같이 동작합니다. 이 신경망에는 그런 계층이 없으므로 지금은 모드를 바꿔도 숫자가 하나도 달라지지 않습니다. 그래도 두 메서드를 늘 호출하는 습관을 들여 두면,
# 나중에 이런 계층을 넣어도 모델이 올바르게 동작합니다.

# %%
model.eval()
print(model.training, model.linear_relu_stack[0].training)
model.train()
print(model.training, model.linear_relu_stack[0].training)

# %% [markdown]
# ## 한 에폭 학습하기: `train`
#
# `train`은 07강의 루프를 데이터로더 전체에 걸쳐 한 번 돌립니다. 미니배치마다 순전파(forward pass),
# 손실 계산, `zero_grad`, `backward`, `step`을 차례로 실행하고, 미니배치당 평균 손실을 돌려줍니다.
# 장치는 모델의 매개변수(parameter)가 있는 장치를 그대로 쓰므로, 이 함수는 인자로 받은 것만 씁니다.

# %%
def train(dataloader, model, loss_fn, optimizer):
    """One epoch over `dataloader`; returns the average loss per batch."""
    device = next(model.parameters()).device  # 모델이 있는 장치에서 계산
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
# `evaluate`는 모델을 평가 모드로 바꾸고, `torch.no_grad()` 블록 안에서 autograd가 연산을 기록하지 않게
# 합니다. 그러면 계산이 빨라지고, 역전파(backpropagation)에 쓸 연산 기록, 즉 계산 그래프(computational graph)도 메모리에
# 남지 않습니다. 돌려주는 값은 인자로 받은 데이터로더의 미니배치 $K$개로 평균 낸 손실과, 그 데이터로더에
# 든 이미지 $N$장으로 잰 정확도입니다.
#
# $$\text{loss} = \frac{1}{K}\sum_{k=1}^{K} L_k, \qquad \text{accuracy} = \frac{\text{correct}}{N}$$
#
# 이 손실은 미니배치의 크기가 모두 같을 때 이미지당 평균과 같습니다. `test_loader`가 그렇습니다(1,000장짜리
# 미니배치 10개). [10강](10_validate_and_tune.ipynb)에서는 미니배치마다 손실에 그 미니배치의 이미지 수를
# 곱해 더한 뒤 전체 이미지 수로 나눠, 정확한 이미지당 평균을 냅니다.

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
# 학습하지 않은 모델은 무작위로 답을 고르는 것과 다름없습니다. 정확도는 $1/10$ 근처이고, 교차 엔트로피 손실은
# $\ln 10 \approx 2.30$ 근처입니다. 10개 클래스에 모두 확률 $1/10$을 주는 모델의 손실이 바로 $\ln 10$입니다.

# %%
loss_fn = nn.CrossEntropyLoss()
test_loss, test_acc = evaluate(test_loader, model, loss_fn)
assert abs(test_loss - math.log(10)) < 0.05 and 0.05 < test_acc < 0.15
print(f"untrained: test loss {test_loss:.4f} (ln 10 = {math.log(10):.4f}), test accuracy {test_acc:.4f}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 다른 데이터로더의 길이로 나누기**
#
# `evaluate(model, test_loader, ...)`를 `return running_loss / len(train_loader)`로 끝내는 실수가
# 흔합니다. `train_loader`는 이 함수가 인자로 받지 않은 이름입니다. 어디에도 `train_loader`가 없으면
# `NameError`가 납니다. 더 나쁜 경우는 전역 변수 `train_loader`가 있을 때인데, 학습을 돌리는 스크립트나
# 노트북에는 거의 언제나 이 변수가 있습니다. 그러면 파이썬은 아무 경고 없이 그 변수를 가져다 쓰고,
# 테스트 미니배치 10개의 손실 합을 학습 미니배치 수인 469로 나눕니다.

# %% tags=["pitfall"]
def evaluate_wrong(model, test_loader, loss_fn):
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
# 학습도 하지 않은 모델이 거의 완벽해 보입니다. 오류는 나지 않고, 손실만 실제 값의 46.9분의 1로 나옵니다.
#
# **바로잡기:** 위의 `evaluate`처럼 함수가 받은 데이터로더의 `len(dataloader)`로 나눕니다. 일반 원칙으로
# 정리하면, 함수는 인자로 받은 것만 써야 합니다.

# %% tags=["pitfall"]
print(f"right: test loss {test_loss:.4f}  (sum / {len(test_loader)} test batches)")
print(f"ratio: {test_loss / wrong_loss:.1f} = {len(train_loader)} / {len(test_loader)}")

# %% [markdown]
# ## 모멘텀이 없는 SGD로 몇 에폭 학습하기
#
# 이제 두 함수를 함께 씁니다. 손실 함수(loss function)는 로짓을 그대로 받는 `nn.CrossEntropyLoss`이고,
# 옵티마이저(optimizer)는 07강과 같은 `torch.optim.SGD`이며 학습률(learning rate)은 0.1입니다. 에폭마다
# `train_loader`로 한 번 학습한 뒤 `test_loader`로 평가합니다. 루프가 제대로 도는지 보는 데는 세 에폭이면
# 충분합니다.

# %%
num_epochs = 3
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
history = []
for epoch in range(1, num_epochs + 1):
    train_loss = train(train_loader, model, loss_fn, optimizer)
    test_loss, test_acc = evaluate(test_loader, model, loss_fn)
    history.append((train_loss, test_loss, test_acc))
    print(f"epoch {epoch}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  test acc {test_acc:.4f}")

# %% [markdown]
# GPU에서 실행하거나 CPU 스레드 수가 다르면 끝자리 숫자가 이 페이지와 달라집니다. 스레드 수는 첫 셀이
# 표시한 줄에서 확인할 수 있습니다. 그래도 아래의 확인은 그대로 통과합니다.
#
# 루프가 제대로 돈다는 신호는 세 가지이고, 아래 셀에서 하나씩 확인합니다. 첫째, 학습 손실이 에폭마다
# 줄어듭니다. 둘째, 마지막 에폭의 테스트 손실이 첫 에폭보다 낮습니다. 셋째, 마지막 에폭의 테스트 정확도가
# 첫 에폭보다 높습니다. 테스트 이미지는 학습에 쓰지 않은 이미지이므로,
# 여기서 정확도가 오른다면 모델이 학습 이미지만 외우지 않고 옷의 공통된 모양을 익혔다는 뜻입니다.

# %%
train_losses, test_losses, test_accs = zip(*history)
assert all(a > b for a, b in zip(train_losses, train_losses[1:]))  # 학습 손실 감소
assert test_losses[-1] < test_losses[0]  # 테스트 손실 감소(첫 에폭 -> 마지막 에폭)
assert test_accs[-1] > test_accs[0]  # 테스트 정확도 상승(첫 에폭 -> 마지막 에폭)
print("train loss:", [round(v, 4) for v in train_losses])
print("test acc:  ", [round(v, 4) for v in test_accs])

# %% [markdown]
# 이것으로 학습 루프는 완성되었지만, 아직 남에게 보고할 결과는 아닙니다. 에폭마다 테스트 세트를 들여다봤고,
# 옵티마이저, 학습률, 에폭 수 같은 설정도 모두 손으로 정했기 때문입니다. [10강](10_validate_and_tune.ipynb)에서는
# 학습 이미지 일부를 따로 떼어 이런 설정을 고르는 데 쓰고, 테스트 세트는 마지막에 한 번만 씁니다.
#
# ## 요약
#
# - `DataLoader(dataset, batch_size=..., shuffle=True, generator=g)`는 섞은 미니배치를 재현 가능한
#   순서로 내줍니다. `len(loader)`는 미니배치 개수, `len(loader.dataset)`은 항목 개수입니다.
# - `train`은 `model.train()`을 호출하고 미니배치마다 순전파 → 손실 → `zero_grad` → `backward` → `step`을
#   실행합니다. `evaluate`는 `model.eval()`을 호출하고 `torch.no_grad()` 안에서 동작합니다. 손실은 인자로
#   받은 데이터로더의 미니배치 수로 평균 내고, 정확도는 그 데이터로더의 데이터셋 전체로 잽니다.
# - `nn.Dropout`은 학습 모드에서만 일부 값을 무작위로 0으로 만들고 나머지 값을 키웁니다. `model.eval()`을 호출하면 이 동작이
#   꺼집니다.
# - 함수가 인자 대신 전역 데이터로더를 가져다 쓰면 오류 없이 틀린 숫자가 나올 수 있습니다. 함수는 받은 것만
#   써야 합니다.
# - 학습 손실이 줄고, 처음 보는 이미지에서도 손실과 정확도가 함께 좋아지면 학습이 제대로 되고 있는
#   것입니다. 여기서는 모멘텀이 없는 SGD로 세 에폭 학습해 세 가지를 모두 확인했습니다.
#
# ## 연습 문제
#
# **1.** ReLU마다 뒤에 `nn.Dropout(0.2)`를 붙인 `NeuralNetwork` 변형을 만들어 보세요. 같은 미니배치를
# 학습 모드에서 두 번, 평가 모드에서 두 번 통과시키면 어느 쪽 출력 두 개가 서로 같나요? `model.eval()`을
# 빠뜨린 `evaluate`라면 어떤 일이 생길까요?

# %% tags=["solution"]
dropout_model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(512, 10),
).to(device)
X_batch = X[:8].to(device)  # (8, 1, 28, 28)
with torch.no_grad():
    dropout_model.train()
    print("train mode, equal:", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
    dropout_model.eval()
    print("eval mode, equal: ", torch.equal(dropout_model(X_batch), dropout_model(X_batch)))
# 학습 모드에서는 호출할 때마다 지워지는 값이 달라짐: model.eval()을 빠뜨린 evaluate는
# 호출할 때마다 다른 정확도를 돌려줌

# %% [markdown]
# **2.** 학습한 `model`로 테스트 이미지 처음 8장의 클래스를 예측해 보세요. 예측한 클래스 이름과 실제
# 클래스 이름을 나란히 표시해 보세요.

# %% tags=["solution"]
X_first, y_first = next(iter(test_loader))  # test_loader는 섞지 않음: 테스트 이미지 처음 1000장
model.eval()
with torch.no_grad():
    pred = model(X_first[:8].to(device)).argmax(dim=1).cpu()  # (8, 1, 28, 28) -> (8, 10) -> (8,)
for p, t in zip(pred.tolist(), y_first[:8].tolist()):
    print(f"{'ok ' if p == t else 'NO '} predicted {names[p]:28} true {names[t]}")

# %% [markdown]
# **3.** 전역 시드만으로는 데이터 순서가 고정되지 않는다는 점을 확인해 보세요. `generator=` 없이
# 데이터로더를 만들고, `torch.manual_seed(0)`으로 시드를 다시 정한 뒤 첫 미니배치를 받습니다. 그다음 다시
# 시드를 정하고 난수를 하나 뽑은 뒤(`torch.rand(1)`) 첫 미니배치를 또 받습니다. 두 레이블 목록이 같나요?

# %% tags=["solution"]
plain_loader = DataLoader(train_set, batch_size=8, shuffle=True)  # 생성기 없음
torch.manual_seed(0)
labels_1 = first_labels(plain_loader)
torch.manual_seed(0)
torch.rand(1)  # 새 계층의 초기화처럼 난수를 하나 더 뽑음
labels_2 = first_labels(plain_loader)
print(labels_1, labels_2, "same:", labels_1 == labels_2)

# %% [markdown]
# ## 더 읽을거리
#
# - [Optimizing model parameters](https://docs.pytorch.org/tutorials/beginner/basics/optimization_tutorial.html)
#   (공식 튜토리얼의 학습·테스트 루프; 한국어 번역: [모델 매개변수 최적화하기](https://tutorials.pytorch.kr/beginner/basics/optimization_tutorial.html))
# - [Datasets & DataLoaders](https://docs.pytorch.org/tutorials/beginner/basics/data_tutorial.html)
#   (공식 튜토리얼; 한국어 번역: [Dataset과 DataLoader](https://tutorials.pytorch.kr/beginner/basics/data_tutorial.html))
# - [`torch.utils.data`](https://docs.pytorch.org/docs/stable/data.html):
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader)
# - [`torchvision.datasets.FashionMNIST`](https://docs.pytorch.org/vision/stable/generated/torchvision.datasets.FashionMNIST.html),
#   [`transforms.ToTensor`](https://docs.pytorch.org/vision/stable/generated/torchvision.transforms.ToTensor.html)
# - [`Module.train`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train),
#   [`Module.eval`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html)
# - [`nn.Dropout`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Dropout.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`torch.optim.SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html)
# - [`torch.Generator`](https://docs.pytorch.org/docs/stable/generated/torch.Generator.html),
#   [재현성(Reproducibility)](https://docs.pytorch.org/docs/stable/notes/randomness.html) (시드, `DataLoader` 생성기, 영문)
# - [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) (데이터셋)
