# ---
# jupyter:
#   course:
#     synced_with_en: 45ffc53815e2
# ---

# %% [markdown]
# # 모델 만들기
#
# PyTorch에서 신경망(neural network)은 모든 모듈(module)의 기본 클래스인 `nn.Module`을 상속한 파이썬
# 클래스로 만듭니다. `__init__`에서 계층(layer)을 만들고, `forward`에는 데이터가 그 계층들을 어떤 순서로
# 지나가는지 적습니다. 이 강의에서 만드는 신경망은 [09강](09_train_and_evaluate.ipynb)에서
# FashionMNIST로 학습합니다. FashionMNIST는 옷 사진을 28×28 흑백 이미지로 모은 데이터셋(dataset)이고,
# 옷 종류 10가지가 곧 모델이 분류할 클래스(class, 분류 범주) 10개입니다.
#
# **이 강의에서 배울 내용**
#
# - 도우미 함수 없이 PyTorch만으로 장치(device)를 고르는 방법(CUDA, MPS, CPU)
# - `__init__`과 `forward`를 갖춘 `class NeuralNetwork(nn.Module)`을 작성하고, 그 모델을 화면에
#   표시하고 장치로 옮기는 방법
# - `model.forward(X)` 대신 `model(X)`로 호출해야 하는 이유와, 그 차이를 순전파(forward pass) 때
#   실행되는 훅(hook)으로 확인하는 방법
# - 출력 로짓(logit)을 확률(probability)과 예측 클래스로 바꾸는 방법
# - `super().__init__()`을 빠뜨리거나 마지막 계층 뒤에 ReLU를 붙이면 생기는 문제
#
# **사전 지식:** 01강(`nn.Linear`, `.to(device)`, `torch.no_grad()` 안에서 `copy_`로 값 복사하기)과
# 02강(ReLU와 `F.relu`, `dim=1` 소프트맥스). 이 강의에서는 02강에서 본 다음 두 가지 사실도 활용합니다.
# 모든 로짓에 같은 수를 더해도 소프트맥스 결과는 바뀌지 않고, ReLU는 입력이 음수인 자리로
# 기울기(gradient)를 돌려보내지 않습니다.

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import class_names, get_device, seed_everything, show

_ = seed_everything(0)  # 돌려받는 생성기는 여기서 쓰지 않음

# %% [markdown]
# ## 장치 고르기
#
# 신경망 학습은 GPU처럼 계산 속도를 높여 주는 가속기(accelerator)에서 하면 대개 훨씬 빨리 끝납니다.
# NVIDIA GPU(CUDA)와 Apple 실리콘 Mac의 GPU(MPS)가 대표적입니다. 보통 CUDA, MPS 순서로 쓸 수 있는지
# 확인하고, 둘 다 없으면 CPU를 씁니다. 다른 강의에서 쓰는 강좌 도우미 함수 `course_lib.get_device()`도
# 똑같은 순서로 고릅니다.
#
# 이 페이지는 GPU가 없는 컴퓨터에서 만들었기 때문에 결과에 `cpu`가 나옵니다. NVIDIA GPU가 있으면
# `cuda`, Apple 실리콘 Mac에서는 `mps`가 나옵니다. 이 강의의 무작위 텐서(tensor)는 모두 고정된
# 시드(seed, 난수를 만드는 출발값)로 CPU에서 만든 뒤 장치로 옮기므로, GPU에서도 같은 값으로 계산합니다.
# 다만 GPU는 CPU와 덧셈 순서가 달라서, 결과의 마지막 자릿수가 가끔 다를 수 있습니다.

# %%
if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print(f"Using {device} device")
assert device == get_device()  # 강좌 도우미 함수도 같은 장치 선택

# %% [markdown]
# PyTorch 2.7부터는 장치 종류와 상관없이 쓸 수 있는 API도 있습니다.
# `torch.accelerator.current_accelerator(check_available=True)`는 지금 쓸 수 있는 가속기(CUDA, MPS 등)를,
# 없으면 `None`을 돌려줍니다. 이 페이지에서는 `None`이고, GPU가 있는 컴퓨터에서는 `cuda`나
# `mps`입니다. `check_available=True`는 빼지 마세요. 이 인자를 빼면 설치된 PyTorch가 어떤 가속기용으로
# 빌드되었는지만 보고 결과를 정하므로, 가속기가 없는 컴퓨터에서도 `cuda` 같은 값이 나올 수 있습니다.

# %%
print("torch.accelerator:", torch.accelerator.current_accelerator(check_available=True))

# %% [markdown]
# ## 모델을 파이썬 클래스로 정의하기
#
# `__init__`은 먼저 `super().__init__()`을 호출해 하위 모듈(submodule, 모듈 안에 든 모듈)과
# 매개변수(parameter)를 관리할 내부 구조를 준비하고, 그다음 계층을 만들어 `self.flatten`처럼
# 속성(attribute)에 할당합니다. 처음 보는 계층이 두 가지 있습니다. `nn.Flatten`은 28×28 이미지 한 장을
# 숫자 784개짜리 행 하나로 펼치고, `nn.Sequential`은 담고 있는 계층을 차례로 실행합니다. 둘 다
# [04강](04_layers.ipynb)에서 자세히 살펴봅니다. `forward`는 미니배치(minibatch)를 받아 **로짓**을
# 돌려줍니다. 로짓은 분류할 클래스(옷 종류)마다 하나씩 나오는, 가공하지 않은 점수입니다. 마지막 계층은
# `nn.Linear`이고 그 뒤에 활성화 함수(activation function)가 없으므로, 로짓은 음수를 포함해 어떤 값이든
# 될 수 있습니다.

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
            nn.Linear(512, 10),  # 마지막 계층 뒤에는 활성화 함수 없음: 이 출력이 로짓
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 28, 28) -> (N, 784); 0번 차원(미니배치)은 유지
        logits = self.linear_relu_stack(x)  # (N, 784) -> (N, 10)
        return logits

# %% [markdown]
# ## 만들고, 표시하고, 옮기기
#
# `NeuralNetwork()`로 모델을 만들면 모든 가중치(weight)와 편향(bias)이 CPU에서 무작위 값으로
# 초기화됩니다. `print(model)`은 하위 모듈을 할당한 순서대로 보여 줍니다. `.to(device)`는 모든
# 매개변수를 그 장치로 옮깁니다. 모듈의 `.to()`는 모듈을 제자리에서(in-place) 바꾸고 그 모듈을 그대로
# 돌려주므로, 보통 `model = NeuralNetwork().to(device)` 한 줄로 작성합니다. GPU에서는 매개변수의 장치가
# `cuda:0`(첫 번째 GPU)으로, Mac에서는 `mps:0`으로 표시됩니다.

# %%
model = NeuralNetwork().to(device)
print(model)
print("parameters on:", next(model.parameters()).device)
print("model.to(device) is model:", model.to(device) is model)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `super().__init__()` 빠뜨리기**
#
# `nn.Module.__init__`은 하위 모듈과 매개변수를 등록할 내부 딕셔너리를 만듭니다. 이 호출이 없으면
# `__init__`에서 계층을 할당하는 첫 줄(`self.flatten = nn.Flatten()`)에서 바로 오류가 납니다.

# %% tags=["pitfall"]
class Forgetful(nn.Module):
    def __init__(self):
        self.flatten = nn.Flatten()  # super().__init__() 호출 누락


try:
    Forgetful()
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 계층을 할당하기 전에 `super().__init__()`부터 호출합니다. 한 줄이면 됩니다.

# %% tags=["pitfall"]
class Remembers(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()


print(Remembers())

# %% [markdown]
# ## `model.forward(X)`가 아니라 `model(X)`로 호출하기
#
# `model(X)`처럼 모듈을 호출하면 `nn.Module.__call__`이 실행됩니다. 이 메서드는 `forward`를 실행하고,
# 그 앞뒤로 모듈에 등록된 훅도 함께 실행합니다. 훅은 모듈의 `forward` 직전이나 직후에 PyTorch가
# 호출하도록 등록해 두는 함수입니다. 입력에서 출력을 계산하는 과정을 순전파라고 하고, `forward` 직후에
# 실행되는 훅을 순전파 훅(forward hook)이라고 합니다.
#
# 모델 코드를 고치지 않고 훅을 등록해 기능을 덧붙이는 도구가 많습니다. 예를 들어 가지치기(pruning,
# 가중치 일부를 0으로 만드는 기법) 도구인 `torch.nn.utils.prune`은 가지치기한 계층마다 훅을 등록해 두고,
# `forward` 직전에 어떤 가중치를 0으로 둘지 표시한 마스크(mask)를 가중치에 곱합니다.
#
# `model.forward(X)`를 직접 호출하면 `model` 자체에 등록된 훅을 건너뜁니다. 안쪽 계층의 훅은 그대로
# 실행됩니다. `forward`가 각 계층을 `self.layer(x)` 형태로 호출하기 때문입니다. 아래에서는 같은 순전파
# 훅을 모델과 모델의 마지막 계층에 하나씩 등록해 봅니다.

# %%
calls = []


def record_call(module, inputs, output):  # 순전파 훅: forward 직후에 실행
    calls.append(type(module).__name__)


handles = [model.register_forward_hook(record_call),  # 모델 자체에 등록
           model.linear_relu_stack[-1].register_forward_hook(record_call)]  # 마지막 계층에 등록
X = torch.rand(1, 28, 28).to(device)  # 무작위 이미지 한 장, CPU에서 만들므로 어느 장치에서나 같은 값
logits = model(X)  # (1, 28, 28) -> (1, 10)
print("hooks run by model(X):        ", calls)
calls.clear()
logits_direct = model.forward(X)
print("hooks run by model.forward(X):", calls)
for handle in handles:
    handle.remove()
assert torch.allclose(logits, logits_direct)  # 값은 같음. 모델 자체의 훅만 건너뜀

# %% [markdown]
# 두 호출의 로짓이 똑같아서 잘못을 알아챌 단서가 없습니다. 모델 자체에 등록한 훅이 있다면, `forward`를
# 직접 호출하는 순간 그 훅만 아무 오류 없이 빠집니다.
#
# ## 로짓에서 예측까지
#
# 로짓은 가공하지 않은 점수입니다. `nn.Softmax(dim=1)`은 1번 차원, 즉 클래스 차원을 따라 각 행을 합이
# 1인 확률로 바꾸고, `argmax(1)`은 확률이 가장 높은 클래스를 고릅니다. 소프트맥스를 거쳐도 로짓이 큰
# 순서는 그대로이므로, 로짓에 바로 `argmax`를 적용해도 같은 클래스가 나옵니다.

# %%
print("logits:", [round(v, 3) for v in logits[0].tolist()])
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)  # (1, 10), 각 행의 합은 1
y_pred = pred_probab.argmax(1)  # (1, 10) -> (1,)
print("probabilities sum to:", round(pred_probab.sum(dim=1).item(), 4))
print(f"Predicted class: {y_pred.item()} = {class_names()[y_pred.item()]}")
assert torch.equal(y_pred, logits.argmax(1))

# %% [markdown]
# 아직 학습하지 않은 모델이라 모든 확률이 $1/10$ 근처입니다. 아래 그림에서 주황색으로 표시한 "예측"은
# 확률이 거의 같은 클래스 10개 가운데 하나를 고른 것일 뿐입니다.

# %%
p_min, p_max = pred_probab.min().item(), pred_probab.max().item()
print(f"smallest probability {p_min:.3f}, largest {p_max:.3f}")
assert 0.08 < p_min and p_max < 0.12  # 모두 1/10 근처
colors = ["tab:orange" if i == y_pred.item() else "tab:blue" for i in range(10)]
fig, ax = plt.subplots(figsize=(7, 4))
ax.barh(class_names(), pred_probab[0].detach().cpu(), color=colors)  # 주황색: argmax
ax.axvline(0.1, color="gray", ls="--", label="1/10")
ax.invert_yaxis()  # 0번 클래스를 맨 위에
ax.set_xlim(0, 0.15)
ax.set_xlabel("probability / 확률")
ax.set_title("untrained model, random input / 학습 전 모델, 무작위 입력")
ax.legend(loc="lower right")
show(fig)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 마지막 계층 뒤의 ReLU**
#
# 앞의 계층들처럼 마지막 `nn.Linear` 뒤에도 `nn.ReLU()`를 붙이기 쉽습니다. 그러면 로짓은 절대 음수가
# 될 수 없습니다. 로짓이 음수였을 클래스는 모두 정확히 0으로 잘려 서로 동점이 됩니다. 게다가 ReLU는
# 입력이 음수인 자리로 기울기를 돌려보내지 않습니다(02강). 그래서 학습 중에 어떤 샘플(sample)에서
# 로짓이 0으로 잘린 클래스는 그 샘플에서 기울기를 전혀 받지 못하고, 그만큼 로짓을 바로잡을 기회를
# 잃습니다.
#
# 이 효과만 따로 보려고 끝에 ReLU를 하나 더 붙인 신경망을 만들고, 01강에서처럼 `copy_`로 `model`의
# 가중치와 편향을 그대로 복사합니다.

# %% tags=["pitfall"]
class ReluOnLogits(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 10), nn.ReLU(),  # 실수: 로짓에 ReLU 적용
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


bad_model = ReluOnLogits().to(device)
with torch.no_grad():  # model과 같은 가중치와 편향: 마지막 ReLU만 다름
    for mine, theirs in zip(bad_model.linear_relu_stack[0::2], model.linear_relu_stack[0::2]):
        mine.weight.copy_(theirs.weight)
        mine.bias.copy_(theirs.bias)
same = all(torch.equal(a, b) for a, b in zip(bad_model.parameters(), model.parameters()))
print("same parameters as model:", same)

# %% tags=["pitfall"]
X_batch = torch.rand(64, 28, 28).to(device)  # 무작위 이미지 64장짜리 미니배치
with torch.no_grad():  # 출력만 필요: autograd가 기록할 필요 없음
    good, bad = model(X_batch), bad_model(X_batch)  # (64, 28, 28) -> (64, 10)
print(f"smallest logit       model: {good.min():+.3f}   ReLU on logits: {bad.min():+.3f}")
zeros_good, zeros_bad = (good == 0).float().mean(), (bad == 0).float().mean()
print(f"logits exactly 0     model: {zeros_good:.0%}      ReLU on logits: {zeros_bad:.0%}")
print("sample 0, model          :", [round(v, 3) for v in good[0].tolist()])
print("sample 0, ReLU on logits :", [round(v, 3) for v in bad[0].tolist()])

# %% [markdown] tags=["pitfall"]
# 결과를 보면 원래 모델의 로짓에는 음수가 있지만, ReLU를 붙인 모델의 로짓에는 음수가 하나도 없고
# 상당수가 정확히 0입니다.
#
# 학습을 마친 모델에서는 이 ReLU가 어떤 문제를 일으킬까요? 학습된 분류 모델은 정답으로 꼽은 클래스보다
# 나머지 클래스에 훨씬 낮은 로짓을 줍니다. 이때 로짓이 양수인지 음수인지는 중요하지 않습니다.
# 소프트맥스는 로짓 사이의 차이만 보기 때문에, 모든 로짓에 같은 수를 더해도 확률은 하나도 바뀌지
# 않습니다(02강). 그래서 로짓이 모두 음수여도 문제없습니다.
# 아래 `z`는 학습된 모델이 내놓을 법한 로짓을 지어낸 예입니다. 값은 모두 음수이고, 로짓이 가장 큰 4번
# 클래스의 확률이 가장 높습니다. ReLU를 거치면 로짓이 전부 0이 되어 확률이 똑같아지고, `argmax`는
# 동점인 클래스 가운데 맨 앞이라는 이유만으로 0번 클래스를 돌려줍니다.

# %% tags=["pitfall"]
z = torch.tensor([[-4.0, -1.0, -3.0, -2.5, -0.2, -5.0, -1.5, -3.3, -2.2, -0.9]])
assert torch.allclose(softmax(z), softmax(z + 5))  # 모두 5씩 더해도 확률은 그대로
for name, scores in [("logits      ", z), ("ReLU(logits)", torch.relu(z))]:
    p = softmax(scores)
    print(f"{name} probabilities: {[round(v, 2) for v in p[0].tolist()]}  argmax: {p.argmax(1).item()}")

# %% [markdown] tags=["pitfall"]
# **바로잡기:** `NeuralNetwork`처럼 마지막 `nn.Linear`에서 신경망을 끝냅니다. 소프트맥스는 확률이
# 필요할 때만 적용하고, `nn.CrossEntropyLoss`에는 로짓을 그대로 넘깁니다. 02강에서 본 것처럼 이 손실
# 함수(loss function)는 `log_softmax`를 내부에서 적용하기 때문입니다.

# %% tags=["pitfall"]
print("last layer of model:", model.linear_relu_stack[-1])
print("negative logits possible:", bool((good < 0).any()))

# %% [markdown]
# ## 요약
#
# - 장치를 고를 때는 `torch.cuda.is_available()`, `torch.backends.mps.is_available()` 순서로 확인하고,
#   둘 다 `False`이면 CPU를 씁니다(`course_lib.get_device()`도 같은 순서입니다). 모델은 `.to(device)`로
#   옮깁니다.
# - 모델은 `nn.Module`을 상속한 파이썬 클래스입니다. `__init__`은 맨 먼저 `super().__init__()`을
#   호출하고 계층을 만들며, `forward`는 미니배치에서 로짓을 계산합니다.
# - 모델은 `model(X)`로 호출합니다. 그래야 `forward`와 함께 `model`에 등록된 훅도 실행됩니다.
#   `model.forward(X)`로 호출하면 안쪽 계층의 훅은 실행되지만 `model`에 등록된 훅은 건너뜁니다.
# - 로짓 → `nn.Softmax(dim=1)` → 확률 → `argmax(1)` → 예측 클래스.
# - 마지막 계층 뒤에는 활성화 함수를 두지 않습니다. 그 자리에 ReLU가 있으면 로짓이 음수였을 클래스가
#   모두 0으로 잘려 동점이 되고, 그 클래스들 사이의 순위가 사라집니다.

# %% [markdown]
# ## 연습 문제
#
# **1.** 계층을 `fc1`, `fc2`, `fc3` 속성으로 두고 `forward` 안에서 `torch.nn.functional`의 `F.relu`를
# 호출하는 방식으로 같은 신경망을 작성해 보세요. `model`의 가중치와 편향을 복사한 뒤, 두 모델에
# `X_batch`를 넣어 로짓이 같은지 확인하세요.

# %% tags=["solution"]
import torch.nn.functional as F


class FunctionalNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, 512)
        self.fc2 = nn.Linear(512, 512)
        self.fc3 = nn.Linear(512, 10)

    def forward(self, x):
        x = x.flatten(1)  # (N, 28, 28) -> (N, 784)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)

# %% tags=["solution"]
fnet = FunctionalNet().to(device)
with torch.no_grad():
    for mine, theirs in zip([fnet.fc1, fnet.fc2, fnet.fc3], model.linear_relu_stack[0::2]):
        mine.weight.copy_(theirs.weight)
        mine.bias.copy_(theirs.bias)
    same_logits = torch.allclose(fnet(X_batch), model(X_batch))
print("FunctionalNet gives the same logits:", same_logits)
assert same_logits

# %% [markdown]
# **2.** `model`의 `nn.Linear`마다 계층과 그 출력의 모양을 표시하는 순전파 훅을 등록하고, 무작위
# 이미지 4장짜리 미니배치를 통과시킨 다음 훅을 제거하세요.

# %% tags=["solution"]
def print_shape(module, inputs, output):
    print(f"{module} -> {tuple(output.shape)}")


handles = [layer.register_forward_hook(print_shape)
           for layer in model.linear_relu_stack if isinstance(layer, nn.Linear)]
with torch.no_grad():
    model(torch.rand(4, 28, 28).to(device))
for h in handles:
    h.remove()

# %% [markdown]
# **3.** 무작위 이미지 5장의 클래스를 한 번에 예측해 보세요. 확률을 행마다 더하면 1이 되는지 확인하고,
# 예측한 클래스 이름을 영어와 한국어로 표시하세요(`class_names("en")`, `class_names("ko")`).

# %% tags=["solution"]
with torch.no_grad():
    probs = nn.Softmax(dim=1)(model(torch.rand(5, 28, 28).to(device)))  # (5, 10)
print("row sums:", [round(v, 4) for v in probs.sum(dim=1).tolist()])
for i in probs.argmax(1).tolist():
    print(i, class_names("en")[i], "/", class_names("ko")[i])

# %% [markdown]
# ## 더 읽을거리
#
# - 이 강의가 따라가는 공식 튜토리얼:
#   [Build the Neural Network](https://docs.pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html)
#   (한국어 번역: [신경망 모델 구성하기](https://tutorials.pytorch.kr/beginner/basics/buildmodel_tutorial.html))
# - 장치: [`torch.cuda.is_available`](https://docs.pytorch.org/docs/stable/generated/torch.cuda.is_available.html),
#   [`torch.backends.mps`](https://docs.pytorch.org/docs/stable/backends.html#torch-backends-mps),
#   [`torch.accelerator`](https://docs.pytorch.org/docs/stable/accelerator.html),
#   [`torch.device`](https://docs.pytorch.org/docs/stable/tensor_attributes.html#torch-device)
# - 모듈: [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html)
#   ([`to`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.to),
#   [`register_forward_hook`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.register_forward_hook) 포함),
#   [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.relu.html),
#   [`torch.nn.utils.prune`](https://docs.pytorch.org/tutorials/intermediate/pruning_tutorial.html)
# - 텐서: [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.argmax`](https://docs.pytorch.org/docs/stable/generated/torch.argmax.html),
#   [`torch.relu`](https://docs.pytorch.org/docs/stable/generated/torch.relu.html),
#   [`Tensor.flatten`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.flatten.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`Tensor.copy_`](https://docs.pytorch.org/docs/stable/generated/torch.Tensor.copy_.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html)
