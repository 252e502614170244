# ---
# jupyter:
#   course:
#     synced_with_en: dd9bf3ab1047
# ---

# %% [markdown]
# # 모델 만들기
#
# PyTorch에서 신경망(neural network)은 클래스로 만듭니다. `nn.Module`을 상속한 클래스의 `__init__`에서
# 계층(layer)을 만들고, `forward`에서 데이터가 그 계층들을 어떤 순서로 지나가는지 적습니다. 이 강의에서는
# 강좌의 나머지 부분에서 계속 쓸 FashionMNIST(옷 종류 10가지를 담은 28×28 흑백 이미지)용 신경망을
# 만듭니다.
#
# **이 강의에서 배울 내용**
#
# - 순수 PyTorch 코드로 장치(device)를 고르는 방법: CUDA, MPS, CPU
# - `__init__`과 `forward`를 갖춘 `class NeuralNetwork(nn.Module)`을 작성하고, 출력해 보고, 장치로
#   옮기는 방법
# - `model.forward(X)`가 아니라 `model(X)`로 호출해야 하는 이유: 순전파(forward pass) 훅으로 확인합니다
# - 출력 로짓(logit)을 확률(probability)과 예측 클래스로 바꾸는 방법
# - `super().__init__()`을 빠뜨리거나 마지막 계층 뒤에 ReLU를 붙이면 생기는 문제
#
# **사전 지식:** 01강(`nn.Linear`)과 02강(ReLU, `dim=1` 소프트맥스).

# %%
import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import class_names, get_device, seed_everything, show

_ = seed_everything(0)  # 돌려주는 생성기는 여기서 쓰지 않습니다

# %% [markdown]
# ## 장치 고르기
#
# 모델은 가속기에서 가장 빠르게 돌아갑니다. NVIDIA GPU(CUDA)나 Apple 실리콘 Mac의 GPU(MPS)가
# 대표적입니다. 보통은 이 순서대로 확인하고, 둘 다 없으면 CPU를 씁니다. 다른 강의에서 쓰는 강좌 도우미
# 함수 `course_lib.get_device()`도 정확히 같은 순서로 고릅니다.

# %%
if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print(f"Using {device} device")
assert device == get_device()  # 강좌 도우미 함수도 같은 장치를 고릅니다

# %% [markdown]
# PyTorch 2.7 이상에는 장치 종류에 구애받지 않는 API도 있습니다.
# `torch.accelerator.current_accelerator(check_available=True)`는 사용할 수 있는 가속기(CUDA, MPS 등)를
# 돌려주고, 없으면 `None`을 돌려줍니다.

# %%
print("torch.accelerator:", torch.accelerator.current_accelerator(check_available=True))

# %% [markdown]
# ## 모델 클래스 정의하기
#
# `__init__`은 먼저 `super().__init__()`을 호출해 하위 모듈(module)과 매개변수(parameter)를 관리할
# 내부 구조를 준비한 다음, 계층을 속성으로 만듭니다. `forward`는 미니배치(minibatch)를 받아 클래스마다
# 가공하지 않은 점수 하나, 즉 **로짓**을 돌려줍니다. 마지막 계층은 평범한 `nn.Linear`입니다. 로짓은
# 음수를 포함해 어떤 실수든 될 수 있어야 하기 때문입니다.

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
            nn.Linear(512, 10),  # 마지막 계층 뒤에는 활성화 함수가 없습니다. 이 출력이 로짓입니다
        )

    def forward(self, x):
        x = self.flatten(x)  # (N, 28, 28) -> (N, 784); 0번 차원(미니배치)은 그대로 둡니다
        logits = self.linear_relu_stack(x)  # (N, 784) -> (N, 10)
        return logits

# %% [markdown]
# ## 만들고, 출력하고, 옮기기
#
# 인스턴스를 만들면 모든 가중치(weight)가 무작위로 초기화됩니다. `print(model)`은 하위 모듈을 할당한
# 순서대로 보여 줍니다. `.to(device)`는 모든 매개변수를 해당 장치로 옮깁니다. 모듈의 `.to()`는
# 제자리(in-place)에서 동작하고 모듈 자신을 돌려주므로, 보통 `model = NeuralNetwork().to(device)` 한 줄로
# 씁니다.

# %%
model = NeuralNetwork().to(device)
print(model)
print("parameters on:", next(model.parameters()).device)
print("model.to(device) is model:", model.to(device) is model)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: `super().__init__()` 빠뜨리기**
#
# `nn.Module.__init__`은 하위 모듈과 매개변수를 등록할 내부 딕셔너리를 만듭니다. 이 호출이 없으면
# `__init__` 안의 첫 번째 `self.layer = nn.…(...)` 줄에서 바로 오류가 납니다.

# %% tags=["pitfall"]
class Forgetful(nn.Module):
    def __init__(self):
        self.flatten = nn.Flatten()  # super().__init__()을 호출하지 않았습니다


try:
    Forgetful()
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# 고치는 데는 한 줄이면 충분합니다. 단, 이 줄은 계층을 할당하기 전에 와야 합니다.

# %% tags=["pitfall"]
class Remembers(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()


print(Remembers())

# %% [markdown]
# ## `model.forward(X)`가 아니라 `model(X)`로 호출하기
#
# 모델을 호출하면 `nn.Module.__call__`이 실행되고, 이 메서드가 `forward` 앞뒤로 모듈에 등록된
# 훅(hook)을 실행합니다. `forward`를 직접 부르면 훅을 건너뜁니다. 많은 도구가 모델 코드를 고치지 않고
# 훅을 통해 모델에 연결되므로(예: `torch.nn.utils.prune`이나 특성 추출기), 훅을 건너뛰면 오류 없이
# 동작이 틀어집니다. 아래에서는 순전파 훅(forward hook)으로 호출될 때마다 기록을 남겨 봅니다.

# %%
calls = []


def record_call(module, inputs, output):  # 순전파 훅은 forward 직후에 실행됩니다
    calls.append(tuple(output.shape))


handle = model.register_forward_hook(record_call)
X = torch.rand(1, 28, 28).to(device)  # 무작위 이미지 한 장, CPU에서 뽑으므로 어느 장치에서나 같은 값
logits = model(X)  # (1, 28, 28) -> (1, 10)
print("after model(X):         hook calls =", len(calls), calls)
logits_direct = model.forward(X)
print("after model.forward(X): hook calls =", len(calls))
handle.remove()
assert torch.allclose(logits, logits_direct)  # 값은 같지만 훅이 본 호출은 한 번뿐입니다

# %% [markdown]
# ## 로짓에서 예측까지
#
# 로짓은 가공하지 않은 점수입니다. `nn.Softmax(dim=1)`은 각 행을 합이 1인 확률로 바꾸고(1번 차원이
# 클래스 차원입니다), `argmax(1)`은 가장 가능성이 높은 클래스를 고릅니다. 소프트맥스는 점수의 순서를
# 바꾸지 않으므로, 로짓에 바로 argmax를 적용해도 같은 클래스가 나옵니다.

# %%
print("logits:", [round(v, 3) for v in logits[0].tolist()])
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)  # (1, 10), 각 행의 합은 1
y_pred = pred_probab.argmax(1)  # (1, 10) -> (1,)
print("probabilities sum to:", round(pred_probab.sum(dim=1).item(), 4))
print(f"Predicted class: {y_pred.item()} = {class_names()[y_pred.item()]}")
assert torch.equal(y_pred, logits.argmax(1))

# %% [markdown]
# 아직 학습하지 않은 모델이라 모든 확률이 $1/10$ 근처입니다. 주황색으로 표시한 "예측"은 거의 똑같은
# 선택지 가운데 하나를 찍은 것에 불과합니다. 09강에서는 이 신경망을 학습해 테스트 정확도(accuracy)를
# 약 89%까지 끌어올립니다.

# %%
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
# 어떤 학습 노트처럼 스택 끝에 `nn.ReLU()`를 하나 더 붙이고 싶어질 수 있습니다. 그러면 로짓은 절대
# 음수가 될 수 없습니다. 점수가 음수였을 클래스는 모두 정확히 0으로 잘려서 서로 동점이 됩니다. 게다가
# ReLU는 음수 입력에 대해 기울기(gradient)를 전혀 전달하지 않으므로(02강), 학습 중에 그 클래스들은 해당
# 샘플에서 아무 신호도 받지 못합니다. 이 효과만 따로 보기 위해, 가중치는 `model`과 똑같고 마지막에
# ReLU만 더한 신경망을 만들어 비교합니다.

# %% tags=["pitfall"]
class ReluOnLogits(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 10), nn.ReLU(),  # 실수: 로짓에 ReLU를 적용합니다
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


bad_model = ReluOnLogits().to(device)
print(bad_model.load_state_dict(model.state_dict()))  # 가중치는 같고 마지막 ReLU만 다릅니다

# %% tags=["pitfall"]
X_batch = torch.rand(64, 28, 28).to(device)  # 무작위 이미지 64장짜리 미니배치
with torch.no_grad():
    good, bad = model(X_batch), bad_model(X_batch)  # (64, 28, 28) -> (64, 10)
print(f"smallest logit       model: {good.min():+.3f}   ReLU on logits: {bad.min():+.3f}")
zeros_good, zeros_bad = (good == 0).float().mean(), (bad == 0).float().mean()
print(f"logits exactly 0     model: {zeros_good:.0%}      ReLU on logits: {zeros_bad:.0%}")
print("sample 0, model          :", [round(v, 3) for v in good[0].tolist()])
print("sample 0, ReLU on logits :", [round(v, 3) for v in bad[0].tolist()])

# %% [markdown] tags=["pitfall"]
# 학습된 분류 모델은 "이 클래스는 확실히 아니다"를 음수 로짓으로 표현합니다. 그런 출력을 하나 가정해
# 봅시다. 4번 클래스가 뚜렷한 1등이고, 점수는 모두 음수입니다. ReLU를 거치면 모든 점수가 0이 되어
# 확률이 균등해지고, `argmax`는 동점 가운데 맨 앞이라는 이유만으로 0번 클래스를 돌려줍니다.

# %% tags=["pitfall"]
z = torch.tensor([[-4.0, -1.0, -3.0, -2.5, -0.2, -5.0, -1.5, -3.3, -2.2, -0.9]])
for name, scores in [("logits      ", z), ("ReLU(logits)", torch.relu(z))]:
    p = softmax(scores)
    print(f"{name} probabilities: {[round(v, 2) for v in p[0].tolist()]}  argmax: {p.argmax(1).item()}")

# %% [markdown] tags=["pitfall"]
# **바로잡기:** `NeuralNetwork`처럼 마지막 `nn.Linear`에서 신경망을 끝냅니다. 확률이 필요할 때만
# 소프트맥스를 적용하고, `nn.CrossEntropyLoss`에는 가공하지 않은 로짓을 넘깁니다. 이 손실 함수(loss
# function)는 내부에서 `log_softmax`를 직접 적용합니다.

# %% tags=["pitfall"]
print("last layer of model:", model.linear_relu_stack[-1])
print("negative logits possible:", bool((good < 0).any()))

# %% [markdown]
# ## 요약
#
# - 장치는 `torch.cuda.is_available()`, 그다음 `torch.backends.mps.is_available()`을 확인하고, 둘 다
#   없으면 CPU를 고릅니다(`course_lib.get_device()`도 같습니다). 모델은 `.to(device)`로 옮깁니다.
# - 모델은 `nn.Module`의 하위 클래스입니다. `__init__`은 맨 먼저 `super().__init__()`을 호출하고
#   계층을 만들며, `forward`는 미니배치로부터 로짓을 계산합니다.
# - `model(X)`로 호출하세요. 그래야 `forward`와 함께 등록된 훅도 실행됩니다. `model.forward(X)`는 훅을
#   건너뜁니다.
# - 로짓 → `nn.Softmax(dim=1)` → 확률 → `argmax(1)` → 예측 클래스.
# - 마지막 계층 뒤에는 활성화 함수(activation function)를 두지 않습니다. 로짓은 음수도 될 수 있어야
#   합니다.

# %% [markdown]
# ## 연습 문제
#
# **1.** 계층을 `fc1`, `fc2`, `fc3` 속성으로 두고 `forward` 안에서 `torch.nn.functional`의 `F.relu`를
# 호출하는 방식으로 같은 신경망을 작성해 보세요. `model`의 가중치를 복사해 넣고, `X_batch`에 대해 두
# 모델의 로짓이 같은지 확인하세요.

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
    assert torch.allclose(fnet(X_batch), model(X_batch))
print("FunctionalNet gives the same logits: True")

# %% [markdown]
# **2.** `model`의 모든 `nn.Linear`에 계층과 그 출력 모양을 출력하는 순전파 훅을 등록하고, 무작위 이미지
# 4장짜리 미니배치를 통과시킨 다음 훅을 제거하세요.

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
# **3.** 무작위 이미지 5장의 클래스를 한 번에 예측해 보세요. 확률의 각 행을 더하면 1인지 확인하고,
# 예측한 클래스 이름을 영어와 한국어로 출력하세요(`class_names("en")`, `class_names("ko")`).

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
# - 장치: [`torch.cuda.is_available`](https://docs.pytorch.org/docs/stable/generated/torch.cuda.is_available.html),
#   [`torch.backends.mps`](https://docs.pytorch.org/docs/stable/backends.html#torch-backends-mps),
#   [`torch.accelerator`](https://docs.pytorch.org/docs/stable/accelerator.html),
#   [`torch.device`](https://docs.pytorch.org/docs/stable/tensor_attributes.html#torch-device)
# - 모듈: [`nn.Module`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html)
#   ([`to`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.to),
#   [`register_forward_hook`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.register_forward_hook),
#   [`load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict) 포함),
#   [`nn.Flatten`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Flatten.html),
#   [`nn.Linear`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html),
#   [`nn.ReLU`](https://docs.pytorch.org/docs/stable/generated/torch.nn.ReLU.html),
#   [`nn.Sequential`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Sequential.html),
#   [`nn.Softmax`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Softmax.html),
#   [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html),
#   [`F.relu`](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.relu.html),
#   [`torch.nn.utils.prune`](https://docs.pytorch.org/tutorials/intermediate/pruning_tutorial.html)
# - 텐서(tensor): [`torch.rand`](https://docs.pytorch.org/docs/stable/generated/torch.rand.html),
#   [`torch.argmax`](https://docs.pytorch.org/docs/stable/generated/torch.argmax.html),
#   [`torch.no_grad`](https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html),
#   [`torch.allclose`](https://docs.pytorch.org/docs/stable/generated/torch.allclose.html)
