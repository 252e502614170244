# ---
# jupyter:
#   course:
#     synced_with_en: 30b75f989fad
# ---

# %% [markdown]
# # 저장하고 불러오기
#
# 학습에는 시간이 듭니다. 그래서 학습한 결과는 남겨 두어야 나중에 모델을 쓰거나, 다른 사람과 나누거나,
# 멈춘 곳부터 학습을 이어 갈 수 있습니다. 이 강의에서는 PyTorch에서 모델을 안전하게 저장하고 불러오는
# 방법을 다룹니다.
#
# **이 강의에서 배울 내용**
#
# - 모델의 `state_dict`를 `torch.save`로 저장하고 `load_state_dict`로 다시 불러온 뒤, 모든 텐서(tensor)가
#   그대로 돌아왔는지 확인합니다.
# - 모델, 옵티마이저(optimizer), 에폭(epoch)을 함께 담은 체크포인트(checkpoint)를 저장하고, 여기서 학습을
#   재개해 한 번도 멈추지 않은 학습과 *정확히* 같은 결과를 얻습니다.
# - 중간에 끊긴 파일을 남기지 않고 "최고(best)" 체크포인트를 저장합니다.
# - GPU에서 저장한 체크포인트를 `map_location`으로 CPU에 불러옵니다.
# - 모델 객체 전체를 피클(pickle)로 저장하면 왜 깨지기 쉬운지, 그리고 불러오는 순간 코드를 실행하는 파일로부터
#   `weights_only=True`가 어떻게 지켜 주는지 알아봅니다.
#
# **사전 지식:** 01–07강에서 다룬 모듈(module)과 매개변수(parameter), `state_dict()`, 손실 함수(loss
# function)와 옵티마이저를 쓰는 학습 루프.

# %%
import copy
import os
import pickle
import pickletools
import zipfile

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from course_lib import get_device, output_dir, seed_everything, show

seed_everything(0)
device = get_device()
ckpt_dir = output_dir() / "checkpoints"
ckpt_dir.mkdir(parents=True, exist_ok=True)
print("device:", device, "| checkpoints in:", ckpt_dir)

# %% [markdown]
# ## 학습에 쓸 작은 문제
#
# 강의가 빨리 실행되도록 분류 문제를 하나 만듭니다. 입력 특성은 8개, 클래스는 3개이고, 레이블은 숨겨 둔 무작위
# 선형 "교사" 모델이 정합니다. 이 강의의 학습은 모두 CPU에서 합니다. 그래야 학습 결과가 비트 단위까지
# 똑같이 재현됩니다(GPU 커널은 실행할 때마다 수를 더하는 순서가 달라질 수 있습니다).

# %%
teacher = torch.randn(8, 3)
X_train = torch.randn(256, 8)
y_train = (X_train @ teacher + 0.5 * torch.randn(256, 3)).argmax(dim=1)  # (256, 8) -> (256,)
X_val = torch.randn(128, 8)
y_val = (X_val @ teacher + 0.5 * torch.randn(128, 3)).argmax(dim=1)  # (128, 8) -> (128,)
train_set = TensorDataset(X_train, y_train)
loss_fn = nn.CrossEntropyLoss()
print(X_train.shape, y_train.shape, "class counts:", torch.bincount(y_train).tolist())

# %% [markdown]
# 도우미 함수 두 개를 만듭니다. `fresh_run(seed)`는 새 모델, 모멘텀(momentum)을 쓰는 SGD 옵티마이저,
# 그리고 데이터로더(data loader, `DataLoader`)를 만듭니다. 데이터로더는 데이터를 섞어 샘플 32개짜리
# 미니배치(minibatch)로 내어 주는데, 섞는 순서는 전용 생성기(generator)가 정합니다. `train_epochs`는 익숙한
# 학습 루프를 실행하고 스텝마다 기록한 손실을 돌려줍니다.

# %%
def fresh_run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    g = torch.Generator().manual_seed(seed)
    loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=g)
    return model, optimizer, loader, g


def train_epochs(model, optimizer, loader, num_epochs):
    losses = []
    for _ in range(num_epochs):
        for X, y in loader:
            loss = loss_fn(model(X), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses


model, optimizer, train_loader, g = fresh_run(seed=0)
losses = train_epochs(model, optimizer, train_loader, num_epochs=2)
print(f"{len(losses)} steps, loss {losses[0]:.4f} -> {losses[-1]:.4f}")

# %% [markdown]
# ## `state_dict` 저장하고 불러오기
#
# 모델을 저장하는 권장 방법은 `state_dict()`, 즉 이름을 텐서에 대응시킨 순서 있는 딕셔너리를
# `torch.save`로 저장하는 것입니다. 불러올 때는 구조가 같은 모델을 만들고, `torch.load(path, weights_only=True)`로 파일을
# 읽어 그 딕셔너리를 `load_state_dict`에 넘깁니다.

# %%
path = ckpt_dir / "model.pt"
torch.save(model.state_dict(), path)

model2, _, _, _ = fresh_run(seed=1)  # 구조는 같고 무작위 가중치는 다른 모델
print("equal before loading:", torch.equal(model[0].weight, model2[0].weight))
state = torch.load(path, weights_only=True)
print(model2.load_state_dict(state))
for name, tensor in model.state_dict().items():
    print(f"{name:10} {str(tuple(tensor.shape)):8} equal: {torch.equal(tensor, model2.state_dict()[name])}")

# %% [markdown]
# 일부러 *다른* 모델과 비교했습니다. `model.state_dict()`의 텐서는 모델의 매개변수와 메모리를 공유하므로,
# "`old = model.state_dict()`를 받아 두고, 같은 모델에 불러온 다음, `old`와 비교"하면 언제나 같다고 나와서
# 아무것도 증명하지 못합니다. `load_state_dict`는 빠진 키와 예상하지 못한 키를 알려 주는 결과를 돌려주는데,
# `<All keys matched successfully>`가 나오면 됩니다.
#
# ## 체크포인트: 모델, 옵티마이저, 에폭
#
# 학습을 *이어 가려면* 가중치(weight)만으로는 부족합니다. 모멘텀을 쓰는 SGD는 매개변수마다 누적된 "속도"를
# 기억하는데, 이 값은 모델이 아니라 옵티마이저 안에 있습니다. 직접 들여다봅시다.

# %%
opt_state = optimizer.state_dict()
print("keys:", list(opt_state))
print("hyperparameters:", {k: opt_state["param_groups"][0][k] for k in ("lr", "momentum")})
for i, s in opt_state["state"].items():
    print(f"param {i}: momentum_buffer {tuple(s['momentum_buffer'].shape)}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 옵티마이저 인자의 오타.** 이 강좌의 바탕이 된 노트 가운데 하나는 `SGD(..., momemtum=0.9)`라고
# 썼습니다. 파이썬은 뜻을 짐작해 주지 않습니다. 모르는 키워드 인자를 받으면 `TypeError`가 나므로, 이 줄은
# 끝까지 실행되지 못합니다.

# %% tags=["pitfall"]
try:
    torch.optim.SGD(model.parameters(), lr=0.01, momemtum=0.9)  # "momemtum": 철자 오류
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# 바로잡기: 올바른 철자 `momentum=0.9`로 씁니다. 그러면 옵티마이저 설정에 그 값이 들어갑니다.

# %% tags=["pitfall"]
fixed = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print("momentum:", fixed.param_groups[0]["momentum"])

# %% [markdown]
# 체크포인트는 학습을 이어 가는 데 필요한 모든 것을 담은 딕셔너리일 뿐입니다. 모델과 옵티마이저의
# `state_dict`, 마친 에폭 수, 그리고 여기서는 데이터를 섞는 생성기의 상태까지 담습니다(그래야 남은 에폭도
# 같은 순서로 미니배치를 봅니다). 6 에폭 가운데 3 에폭을 학습하고 저장한 뒤, 프로그램이 여기서 멈췄다고
# 칩시다.

# %%
num_epochs, stop_at = 6, 3

model, optimizer, train_loader, g = fresh_run(seed=0)
losses_first = train_epochs(model, optimizer, train_loader, stop_at)
checkpoint = {
    "epoch": stop_at,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
    "rng": g.get_state(),
}
torch.save(checkpoint, ckpt_dir / "checkpoint.pt")
print("saved after epoch", stop_at, "| keys:", list(checkpoint))

# %% [markdown]
# ## 재개한 학습은 멈추지 않은 학습과 같다
#
# 이제 "새 프로그램"입니다. 일부러 다른 시드로 새 모델과 옵티마이저를 만들고, 체크포인트를 불러온 뒤,
# 남은 3 에폭을 학습합니다. 비교용으로 한 번도 멈추지 않고 6 에폭을 학습한 모델도 만듭니다. 재개가 제대로
# 되었다면 모든 매개변수가 *정확히* 같아야 합니다. 비슷한 정도가 아니라 `torch.equal`로 같아야 합니다.

# %%
straight_model, straight_opt, straight_loader, _ = fresh_run(seed=0)
losses_straight = train_epochs(straight_model, straight_opt, straight_loader, num_epochs)

model, optimizer, train_loader, g = fresh_run(seed=123)  # 새로 시작: 가중치가 다름
checkpoint = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
g.set_state(checkpoint["rng"])  # train_loader는 바로 이 생성기로 섞음
losses_rest = train_epochs(model, optimizer, train_loader, num_epochs - checkpoint["epoch"])

same = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model.parameters()))
assert same and losses_first + losses_rest == losses_straight
print("resumed == never stopped (every parameter torch.equal):", same)

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 가중치만으로 재개하기.** 체크포인트에 모델의 가중치만 있으면 새 옵티마이저는 빈 모멘텀
# 버퍼(`momentum_buffer`)로 시작합니다. 학습은 그대로 돌고 손실도 줄어드니 겉보기에는 아무 문제가 없지만, 원래 얻었어야 할
# 모델과는 다른 모델이 나옵니다.

# %% tags=["pitfall"]
model_w, optimizer_w, loader_w, g_w = fresh_run(seed=123)
model_w.load_state_dict(checkpoint["model"])
g_w.set_state(checkpoint["rng"])  # 옵티마이저 상태는 복원하지 않음
losses_w = train_epochs(model_w, optimizer_w, loader_w, num_epochs - checkpoint["epoch"])

same_w = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_w.parameters()))
diff_w = max((p - q).abs().max().item() for p, q in zip(straight_model.parameters(), model_w.parameters()))
print("without optimizer state, equal:", same_w, f"| largest difference: {diff_w:.4f}")

# %% [markdown] tags=["pitfall"]
# 바로잡기: 앞 절처럼 체크포인트에 `optimizer.state_dict()`를 저장하고, 재개할 때
# `optimizer.load_state_dict(...)`를 호출합니다. 학습률(learning rate) 스케줄러처럼 상태가 있는 다른 객체도
# 마찬가지입니다.

# %% [markdown]
# 그림은 스텝마다 기록한 손실입니다. 재개한 학습은 멈추지 않은 학습 위에 정확히 겹치고, 옵티마이저 상태 없이
# 재개한 학습은 다시 시작한 뒤로 조금씩 벗어납니다.

# %%
steps = range(1, len(losses_straight) + 1)
restart = len(losses_first)
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(steps, losses_straight, lw=3, color="lightgray", label="never stopped / 중단 없음")
ax.plot(steps[restart:], losses_rest, "o", ms=3, color="tab:blue", label="resumed / 재개")
ax.plot(steps[restart:], losses_w, "--", color="tab:red", label="resumed, weights only / 가중치만 재개")
ax.axvline(restart + 0.5, color="black", lw=0.8, ls=":")
ax.set(xlabel="step / 스텝", ylabel="loss / 손실", title="Resuming from a checkpoint / 체크포인트에서 재개")
ax.legend()
show(fig)

# %% [markdown]
# ## 최고 체크포인트를 안전하게 저장하기
#
# 검증 손실이 좋아질 때마다 "최고" 체크포인트를 저장하는 방식을 흔히 씁니다. 그런데 `torch.save`가 파일을 쓰는
# 도중에 프로그램이 죽거나 강제로 종료되면 반쯤 쓰인 파일이 남고, 그 전의 멀쩡한 체크포인트는 이미 사라진
# 뒤입니다. 그래서 같은 폴더의 임시 파일에 먼저 쓰고 `os.replace`로 이름을 바꿉니다. 이 교체는 한 번에
# 일어나므로 `best.pt`는 언제나 이전 것이든 새 것이든 온전한 체크포인트입니다.

# %%
def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # 여기서 죽어도 best.pt는 그대로
    os.replace(tmp, path)  # 같은 파일 시스템 안에서는 원자적(atomic)


def val_loss(model):
    with torch.no_grad():
        return loss_fn(model(X_val), y_val).item()


# %% [markdown]
# 처음부터 10 에폭을 학습하면서, 검증 손실이 지금까지보다 낮아졌을 때만 저장합니다.

# %%
model, optimizer, train_loader, g = fresh_run(seed=0)
best = float("inf")
for epoch in range(1, 11):
    train_epochs(model, optimizer, train_loader, 1)
    loss = val_loss(model)
    if loss < best:
        best = loss
        save_atomic({"epoch": epoch, "model": model.state_dict(), "val_loss": loss}, ckpt_dir / "best.pt")
    print(f"epoch {epoch:2}  val loss {loss:.4f}", "saved" if loss == best else "")

best_ckpt = torch.load(ckpt_dir / "best.pt", weights_only=True)
model.load_state_dict(best_ckpt["model"])
print("best epoch:", best_ckpt["epoch"], f"| val loss after loading: {val_loss(model):.4f}")

# %% [markdown]
# ## `map_location`: GPU 체크포인트를 CPU 컴퓨터에서
#
# `torch.save`는 텐서마다 어느 장치(device)에 있었는지도 기록합니다. GPU에서 저장한 체크포인트에는 CUDA
# 텐서가 들어 있어서, CUDA가 없는 컴퓨터에서 그냥 `torch.load`를 하면 `map_location`을 쓰라는
# `RuntimeError`가 납니다. `map_location="cpu"`를 주면 읽는 동안 모든 텐서를 CPU에 올립니다. 여기서는 이
# 강의가 실행되는 `device`(GPU가 있으면 GPU)에서 저장해 봅니다.

# %%
model_dev = copy.deepcopy(model).to(device)
torch.save(model_dev.state_dict(), ckpt_dir / "from_device.pt")

state = torch.load(ckpt_dir / "from_device.pt", map_location="cpu", weights_only=True)
print("saved from:", model_dev[0].weight.device, "| loaded onto:", state["0.weight"].device)
print("values unchanged:", all(torch.equal(t, model.state_dict()[k]) for k, t in state.items()))

# %% [markdown]
# `load_state_dict`는 모델에 *이미 있는* 텐서에 값을 복사합니다. 그래서 CPU의 `state_dict`도 GPU에 올라가
# 있는 모델에 그대로 불러올 수 있고, 매개변수는 원래 장치에 남습니다. 학습할 장치로 바로 읽고 싶다면
# `map_location=device`라고 써도 됩니다.

# %%
model_dev.load_state_dict(state)  # CPU 텐서를 `device`에 있는 매개변수로 복사
print("parameters still on:", model_dev[0].weight.device)

# %% [markdown]
# ## 모델 전체를 저장하면 안 되는 이유
#
# `torch.save(model)`도 동작합니다. 모델 객체 자체를 피클로 저장하는 것입니다. 하지만 피클은 클래스의
# 코드를 저장하지 않고, 클래스를 가리키는 *참조*, 즉 모듈 경로와 이름만 저장합니다. 파일(`data.pkl`을 담은
# zip 압축 파일) 안의 참조를 표준 라이브러리의 `pickletools`로 읽어 봅시다.

# %%
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


def pickled_globals(path):
    with zipfile.ZipFile(path) as zf:
        data = zf.read(next(n for n in zf.namelist() if n.endswith("data.pkl")))
    return list(dict.fromkeys(arg for op, arg, _ in pickletools.genops(data) if op.name == "GLOBAL"))


torch.save(TinyNet(), ckpt_dir / "whole_model.pt")
torch.save(TinyNet().state_dict(), ckpt_dir / "tiny_state.pt")
print("whole model:", pickled_globals(ckpt_dir / "whole_model.pt"))
print("state_dict: ", pickled_globals(ckpt_dir / "tiny_state.pt"))

# %% [markdown]
# 모델 전체를 담은 파일에는 `__main__ TinyNet`이 적혀 있습니다. 이 파일을 불러오려면 불러오는 프로그램의
# `__main__` 모듈에 `TinyNet`이라는 클래스가 있어야 한다는 뜻입니다. 우선
# `weights_only=True`는 이 파일을 아예 거부합니다. `TinyNet`은 믿을 수 있는 기본 타입이 아니기 때문입니다.

# %%
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# `weights_only=False`로 불러오더라도, 클래스 이름을 바꾸거나 다른 모듈로 옮기거나, 다른 스크립트에서
# 불러올 때처럼 클래스가 아예 없으면 파일은 곧바로 깨집니다. 클래스를 지워서 이 상황을 흉내 내 봅시다.

# %%
del TinyNet  # 클래스 이름을 바꾸거나 옮긴 것처럼
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=False)
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown]
# 반면 `state_dict` 파일에는 PyTorch 자신의 텐서 재구성 함수만 적혀 있습니다. 그래서 지금 클래스 이름이
# 무엇이든 매개변수 이름만 맞으면 어떤 클래스에든 불러올 수 있습니다.
#
# ## 보안: `weights_only=True`
#
# 언피클링(unpickling)은 파일에 적힌 *어떤* 함수든, 파일에 적힌 인자로 호출할 수 있습니다. 클래스는
# `__reduce__`로 자신을 어떻게 다시 만들지 피클에 알려 줄 수 있는데, 아래는 불러오는 순간 `print(...)`를
# 호출하게 하는 무해한 예입니다. 악성 파일이라면 그 자리에 `os.system`을 적었을 것입니다.

# %%
class Surprise:
    def __reduce__(self):
        return (print, ("this code ran while loading!",))


torch.save({"weight": torch.ones(2), "extra": Surprise()}, ckpt_dir / "crafted.pt")
del Surprise  # 파일에는 클래스가 필요 없음: print 호출이 저장되어 있음
print("crafted file:", pickled_globals(ckpt_dir / "crafted.pt"))

# %% [markdown]
# (`__builtin__ print`는 피클이 `builtins.print`를 적는 방식입니다.) `weights_only=True`이면(PyTorch 2.6부터
# 기본값이지만 명시적으로 쓰는 편이 좋습니다) `torch.load`는 텐서, 딕셔너리, 리스트, 숫자와 몇 가지 안전한
# 타입만 다시 만들고, 그 밖의 것은 호출하기 *전에* 거부합니다.

# %%
try:
    torch.load(ckpt_dir / "crafted.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# `weights_only=False`이면 파일에 적힌 호출이 불러오는 도중에 실행됩니다. 우리 파일은 무해하므로 이렇게
# 보여 줄 수 있을 뿐입니다. 아래 메시지는 `torch.load` *안에서* 출력됩니다. 직접 만들지 않은 파일에는 절대
# `weights_only=False`를 쓰지 마세요.

# %%
print("--- torch.load(..., weights_only=False) on the crafted file ---")
loaded = torch.load(ckpt_dir / "crafted.pt", weights_only=False)
print("--- done; loaded:", loaded)

# %% [markdown]
# ## 요약
#
# - `model.state_dict()`를 `torch.save`로 저장하고, 구조가 같은 모델에
#   `model.load_state_dict(torch.load(path, weights_only=True))`로 불러옵니다.
# - 학습을 재개하려면 체크포인트 딕셔너리에 모델과 옵티마이저의 `state_dict`, 에폭, 그 밖의 상태(여기서는
#   데이터를 섞는 생성기)를 저장합니다. 모두 복원하면 한 번도 멈추지 않은 것과 정확히 같이 학습이 이어지고,
#   옵티마이저 상태가 빠지면 아무 경고 없이 다른 모델이 나옵니다.
# - 중요한 체크포인트는 임시 파일에 쓴 뒤 `os.replace`로 바꿔 넣어, 프로그램이 죽어도 반쯤 쓰인 파일이 남지
#   않게 합니다.
# - `map_location="cpu"`로 GPU 체크포인트를 GPU 없는 컴퓨터에서 불러옵니다.
# - `torch.save(model)`은 클래스를 모듈 경로로 참조할 뿐이어서 코드가 바뀌면 깨집니다. `weights_only=True`는
#   이런 파일도, 불러오는 동안 코드를 실행하려는 파일도 거부합니다.
#
# ## 연습 문제
#
# **1.** 강의에서처럼 `checkpoint.pt`에서 재개하되, 생성기 상태(`g.set_state`)는 복원하지 *마세요*.
# 매개변수가 여전히 멈추지 않은 학습과 같나요? 그 이유는 무엇일까요?

# %% tags=["solution"]
model_e, optimizer_e, loader_e, g_e = fresh_run(seed=123)
model_e.load_state_dict(checkpoint["model"])
optimizer_e.load_state_dict(checkpoint["optimizer"])  # g_e는 복원하지 않음
train_epochs(model_e, optimizer_e, loader_e, num_epochs - checkpoint["epoch"])
print("equal:", all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_e.parameters())))
# 생성기가 시드 123에서 새로 시작하므로, 남은 에폭이 미니배치를 다른 순서로 봅니다.

# %% [markdown]
# **2.** SGD를 `torch.optim.Adam(model.parameters(), lr=0.01)`으로 바꿔 보세요. Adam은 `state_dict`에
# 매개변수마다 어떤 텐서를 저장하나요? 3 에폭 뒤에 멈췄다가 재개해도 멈추지 않고 6 에폭을 학습한 결과와
# 정확히 같은지 확인하세요.

# %% tags=["solution"]
def adam_run(seed):
    model, _, loader, g = fresh_run(seed)
    return model, torch.optim.Adam(model.parameters(), lr=0.01), loader, g


m_a, o_a, l_a, _ = adam_run(0)
train_epochs(m_a, o_a, l_a, 6)
print("Adam state of param 0:", list(o_a.state_dict()["state"][0]))

m_b, o_b, l_b, g_b = adam_run(0)
train_epochs(m_b, o_b, l_b, 3)
ckpt = {"model": m_b.state_dict(), "optimizer": o_b.state_dict(), "rng": g_b.get_state()}
save_atomic(ckpt, ckpt_dir / "adam.pt")

m_c, o_c, l_c, g_c = adam_run(123)
ckpt = torch.load(ckpt_dir / "adam.pt", weights_only=True)
m_c.load_state_dict(ckpt["model"])
o_c.load_state_dict(ckpt["optimizer"])
g_c.set_state(ckpt["rng"])
train_epochs(m_c, o_c, l_c, 3)
print("equal:", all(torch.equal(p, q) for p, q in zip(m_a.parameters(), m_c.parameters())))

# %% [markdown]
# **3.** `best.pt`를 `map_location=device`로 바로 `device`에 읽어 들이고, `device`에 있는 모델에 불러온 뒤,
# 그 장치에서 검증 정확도(accuracy)를 계산해 보세요.

# %% tags=["solution"]
best_ckpt = torch.load(ckpt_dir / "best.pt", map_location=device, weights_only=True)
model_best, _, _, _ = fresh_run(seed=0)
model_best = model_best.to(device)
model_best.load_state_dict(best_ckpt["model"])
with torch.no_grad():
    pred = model_best(X_val.to(device)).argmax(dim=1)
print("tensor device:", best_ckpt["model"]["0.weight"].device)
print(f"val accuracy: {(pred == y_val.to(device)).float().mean().item():.3f}")

# %% [markdown]
# ## 더 읽을거리
#
# - [모델 저장하고 불러오기](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)
#   (PyTorch 튜토리얼, 영문)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html)
# - [직렬화(serialization) 동작](https://docs.pytorch.org/docs/stable/notes/serialization.html)
#   (`weights_only`, 체크포인트 파일에 담기는 것)
# - [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html)과
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html)
# - [`torch.Generator`](https://docs.pytorch.org/docs/stable/generated/torch.Generator.html),
#   [`DataLoader`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader),
#   [`TensorDataset`](https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.TensorDataset)
# - [`nn.CrossEntropyLoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html)
# - [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - 파이썬: [`pickle`](https://docs.python.org/ko/3/library/pickle.html)(보안 경고 참고),
#   [`os.replace`](https://docs.python.org/ko/3/library/os.html#os.replace)
