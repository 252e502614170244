# ---
# jupyter:
#   course:
#     synced_with_en: 7abd06a4f09e
# ---

# %% [markdown]
# # 저장하고 불러오기
#
# 학습에는 시간이 듭니다. 그렇게 얻은 결과를 남겨 두어야 나중에 모델을 쓰거나, 다른 사람과 공유하거나, 중단한
# 곳부터 학습을 이어 갈 수 있습니다. 이 강의에서는 PyTorch에서 모델을 안전하게 저장하고 불러오는 방법을
# 다룹니다.
#
# **이 강의에서 배울 내용**
#
# - 모델의 `state_dict`를 `torch.save`로 저장하고 `load_state_dict`로 다시 불러온 뒤, 모든 텐서(tensor)가
#   그대로 돌아왔는지 확인하는 방법
# - 모델과 옵티마이저(optimizer)의 상태, 마친 에폭(epoch) 수를 함께 담은 체크포인트(checkpoint)를 저장한 뒤,
#   그 체크포인트에서 학습을 재개해 한 번도 중단하지 않은 학습과 정확히 같은 결과를 얻는 방법(CPU에서는 비트
#   단위까지 같음)
# - 체크포인트를 덮어쓰다가 프로그램이 죽어도, 마지막으로 온전하게 저장한 체크포인트는 잃지 않는 방법
# - GPU에서 저장한 체크포인트를 `map_location`으로 CPU에 불러오는 방법
# - 모델 객체 전체를 피클(pickle, 파이썬 객체를 파일로 저장하는 표준 형식)로 저장하면 나중에 불러오지
#   못하기 쉬운 이유, 그리고 불러오는 순간 코드를 실행하는 파일을 `weights_only=True`로 막는 방법
#
# **사전 지식:** `.to(device)`(03강), 매개변수(parameter)와 `state_dict()`(05강), `nn.MSELoss`와
# `torch.optim.SGD`를 쓰는 학습 루프(07강).

# %%
import copy
import os
import pickle
import pickletools
import zipfile

import matplotlib.pyplot as plt
import torch
from torch import nn

from course_lib import get_device, output_dir, seed_everything, show

seed_everything(0)
device = get_device()
ckpt_dir = output_dir() / "checkpoints"
ckpt_dir.mkdir(parents=True, exist_ok=True)
print("device:", device, "| checkpoints in:", ckpt_dir)

# %% [markdown]
# ## 학습에 쓸 작은 문제
#
# 강의가 빨리 실행되도록 회귀(regression) 문제를 하나 만듭니다. 샘플(sample)은 256개이고 샘플마다
# 특성(feature)이 8개입니다. 목푯값(target)은 가중치(weight)를 무작위로 정해 숨겨 둔 선형 모델(교사 모델)의
# 출력에 잡음을 조금 더해 만듭니다. 07강처럼 데이터셋(dataset) 전체를 한꺼번에 모델에 넣으므로 에폭 하나가 곧
# 스텝(step) 하나입니다.
#
# 이 강의의 학습은 모두 CPU에서 합니다. 그래야 결과가 비트 단위까지 똑같이 재현됩니다. GPU에서는 일부 연산이
# 실행될 때마다 수를 더하는 순서가 바뀔 수 있어서, 결과의 마지막 자릿수가 어긋나기도 합니다.

# %%
teacher = torch.randn(8, 1)
X = torch.randn(256, 8)
y = X @ teacher + 0.1 * torch.randn(256, 1)  # (256, 8) -> (256, 1)
loss_fn = nn.MSELoss()
print("X:", tuple(X.shape), "| y:", tuple(y.shape))

# %% [markdown]
# 첫 번째 보조 함수 `fresh_run(seed)`는 주어진 시드로 새 모델과 옵티마이저를 만듭니다.
#
# 옵티마이저는 **모멘텀**(momentum)을 쓰는 SGD입니다. 모멘텀이 없는 SGD는 지금의 기울기(gradient) $g$만
# 보고 매개변수를 옮깁니다. 모멘텀을 쓰면 지난 기울기들을 누적한 $v$를 따라 옮기는데, 오래된 기울기일수록
# 영향이 줄어듭니다. 식으로는 $v \leftarrow 0.9\,v + g$, 그다음 $w \leftarrow w - \text{lr}\cdot v$입니다.
# 그래서 옵티마이저는 매개변수마다 텐서 $v$를 하나씩 따로 가지고 있으며, 체크포인트를 만들 때는 이 텐서도
# 챙겨야 합니다. 모멘텀이 없는 SGD와의 비교는 [10강](10_validate_and_tune.ipynb)에서 합니다.
#
# 두 번째 보조 함수 `train_epochs`는 07강의 학습 루프를 실행하고 에폭마다 기록한 손실을 돌려줍니다.

# %%
def fresh_run(seed):
    seed_everything(seed)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    return model, optimizer


def train_epochs(model, optimizer, num_epochs):
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)  # 데이터셋 전체: 에폭마다 스텝 하나
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


model, optimizer = fresh_run(seed=0)
losses = train_epochs(model, optimizer, num_epochs=20)
print(f"{len(losses)} epochs, loss {losses[0]:.4f} -> {losses[-1]:.4f}")

# %% [markdown]
# ## `state_dict` 저장하고 불러오기
#
# PyTorch는 모델의 `state_dict()`를 `torch.save`로 저장하는 방법을 권장합니다. `state_dict()`는 이름과 텐서를
# 짝지어 순서대로 담은 딕셔너리입니다. 불러올 때는 구조가 같은 모델을 만들고,
# `torch.load(path, weights_only=True)`로 파일을 불러와 그 딕셔너리를 `load_state_dict`에 넘깁니다.
# `weights_only=True`는 텐서 같은 안전한 데이터만 되살리라는 옵션으로, 이 강의 끝의 보안 절에서 다룹니다.

# %%
path = ckpt_dir / "model.pt"
torch.save(model.state_dict(), path)

model2, _ = fresh_run(seed=1)  # 구조는 같고 매개변수 초깃값은 다른 모델
print("equal before loading:", torch.equal(model[0].weight, model2[0].weight))
state = torch.load(path, weights_only=True)
print(model2.load_state_dict(state))
for name, tensor in model.state_dict().items():
    print(f"{name:10} {str(tuple(tensor.shape)):8} equal: {torch.equal(tensor, model2.state_dict()[name])}")

# %% [markdown]
# 원래 모델이 아닌 다른 모델(`model2`)에 일부러 불러와 비교했습니다. `model.state_dict()`의 텐서는 모델의
# 매개변수와 메모리를 공유합니다. 그래서 `old = model.state_dict()`로 받아 둔 뒤 같은 모델에 파일을 불러와
# `old`와 비교하면, 불러오기가 잘못되었더라도 언제나 같다고 나옵니다. 이런 비교로는 아무것도 확인할 수
# 없습니다.
#
# `load_state_dict`는 이름, 즉 딕셔너리의 키(key)도 검사합니다. 기본값인 `strict=True`에서는 모델에는 있지만
# 파일에 없는 키(missing keys)나, 파일에는 있지만 모델에 없는 키(unexpected keys)가 있으면 `RuntimeError`가
# 납니다. 따라서 호출이 오류 없이 끝났다면 언제나 `<All keys matched successfully>`를 돌려받습니다.
# `strict=False`를 주면 이름이 맞는 키만 불러옵니다. 맞지 않는 키가 있어도 오류를 내지 않고, 그 키들을
# `missing_keys`와 `unexpected_keys` 두 목록에 담아 돌려줍니다. 다만 이름이 맞는 키끼리는 모양도 같아야
# 하며, 모양이 다르면 이때도 오류가 납니다. 저장한 모델보다 `nn.Linear` 계층(layer)이 하나 더 많은 모델로
# 확인해 봅니다.

# %%
bigger = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU(), nn.Linear(1, 1))
try:
    bigger.load_state_dict(state)  # 기본값 strict=True
except RuntimeError as err:
    print("RuntimeError:", err.args[0].splitlines()[1].strip())
print("strict=False:", bigger.load_state_dict(state, strict=False))
print("first layer loaded:", torch.equal(bigger[0].weight, model[0].weight))

# %% [markdown]
# ## 체크포인트: 모델, 옵티마이저, 에폭
#
# 학습을 이어 가려면 모델 매개변수만으로는 부족합니다. 매개변수마다 하나씩 있는 모멘텀 텐서 $v$는 모델이
# 아니라 옵티마이저가 가지고 있기 때문입니다. 옵티마이저의 `state_dict()`에는 이 모멘텀 상태(momentum state)가
# 학습률(learning rate), 모멘텀 계수 같은 설정값과 함께 들어 있습니다.

# %%
opt_state = optimizer.state_dict()
print("keys:", list(opt_state))
print("lr and momentum:", {k: opt_state["param_groups"][0][k] for k in ("lr", "momentum")})
for i, s in opt_state["state"].items():
    print(f"param {i}: momentum_buffer {tuple(s['momentum_buffer'].shape)}")

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 옵티마이저 인자의 오타**
#
# `SGD(..., momemtum=0.9)`처럼 철자를 틀리기 쉽습니다. 파이썬은 오타를 알아서 고쳐 주지 않습니다. 함수에 없는
# 키워드 인자를 넘기면 `TypeError`가 나고, 옵티마이저는 만들어지지 않습니다.

# %% tags=["pitfall"]
try:
    torch.optim.SGD(model.parameters(), lr=0.01, momemtum=0.9)  # "momemtum": 철자 오류
except TypeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown] tags=["pitfall"]
# **바로잡기:** `momentum=0.9`로 바르게 씁니다. 그러면 옵티마이저 설정에 그 값이 들어갑니다.

# %% tags=["pitfall"]
fixed = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print("momentum:", fixed.param_groups[0]["momentum"])

# %% [markdown]
# 체크포인트는 학습을 이어 가는 데 필요한 모든 것을 담은 딕셔너리일 뿐입니다. 모델과 옵티마이저의
# `state_dict`, 그리고 마친 에폭 수를 담습니다. [09강](09_train_and_evaluate.ipynb)처럼 에폭마다 데이터를
# 섞는 등 학습 도중에 난수를 쓴다면, 난수 생성기의 상태도 함께 저장해야 합니다. 이 강의의 학습은 난수를
# 쓰지 않습니다. 40 에폭 가운데 20 에폭을 학습하고 저장한 뒤, 학습이 여기서 중단되었다고 가정합니다.

# %%
num_epochs, stop_at = 40, 20

model, optimizer = fresh_run(seed=0)
losses_first = train_epochs(model, optimizer, stop_at)
checkpoint = {
    "epoch": stop_at,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
}
torch.save(checkpoint, ckpt_dir / "checkpoint.pt")
print("saved after epoch", stop_at, "| keys:", list(checkpoint))

# %% [markdown]
# ## 중단 없는 학습과 똑같이 재개하기
#
# 이제부터는 프로그램을 새로 시작했다고 생각합니다. 일부러 다른 시드로 새 모델과 옵티마이저를 만들고,
# 체크포인트를 불러온 뒤, 남은 20 에폭을 학습합니다. 비교용으로 한 번도 중단하지 않고 40 에폭을 학습한 모델도
# 만듭니다. 재개가 제대로 되었다면 모든 매개변수가 대략 비슷한 정도가 아니라, `torch.equal`로 비교해도 같을
# 만큼 **정확히** 같아야 합니다.

# %%
straight_model, straight_opt = fresh_run(seed=0)
losses_straight = train_epochs(straight_model, straight_opt, num_epochs)

model, optimizer = fresh_run(seed=123)  # 새로 시작: 매개변수 초깃값이 다름
checkpoint = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
losses_rest = train_epochs(model, optimizer, num_epochs - checkpoint["epoch"])

same = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model.parameters()))
assert same and losses_first + losses_rest == losses_straight
print("resumed == never stopped (every parameter torch.equal):", same)

# %% [markdown]
# 알아 둘 부작용이 하나 있습니다. 모델의 `load_state_dict`는 받은 값을 매개변수에 복사하지만,
# `optimizer.load_state_dict`는 받은 텐서가 이미 매개변수와 같은 장치(device), 같은 자료형(dtype)이면 복사하지
# 않고 그대로 씁니다. 여기서도 그렇습니다. 그래서 위에서 학습하는 동안 `checkpoint["optimizer"]`에 든 모멘텀
# 텐서가 제자리(in-place) 연산으로 바뀌었고, 이 딕셔너리에는 이제 20 에폭째의 상태가 남아 있지 않습니다. 그
# 상태는 파일에만 있습니다. 저장한 옵티마이저 상태를 다시 쓰려면 파일에서 새로 불러옵니다.

# %%
in_dict = checkpoint["optimizer"]["state"][0]["momentum_buffer"]
from_file = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)
on_disk = from_file["optimizer"]["state"][0]["momentum_buffer"]
print("optimizer uses the dict's tensor:", optimizer.state_dict()["state"][0]["momentum_buffer"] is in_dict)
print("dict still as saved after epoch 20:", torch.equal(in_dict, on_disk))

# %% [markdown] tags=["pitfall"]
# **흔한 실수: 모델 매개변수만으로 재개하기**
#
# 체크포인트에 모델의 매개변수만 있으면 새 옵티마이저는 빈 모멘텀 상태로 시작합니다. 즉 모든 $v$가 다시 0에서
# 출발합니다. 학습은 그대로 진행되고 손실도 줄어들므로 겉보기에는 아무 문제가 없지만, 중단 없이 학습한 결과와는
# 다른 모델이 나옵니다.

# %% tags=["pitfall"]
model_w, optimizer_w = fresh_run(seed=123)
model_w.load_state_dict(checkpoint["model"])  # 옵티마이저 상태는 복원하지 않음
losses_w = train_epochs(model_w, optimizer_w, num_epochs - checkpoint["epoch"])

same_w = all(torch.equal(p, q) for p, q in zip(straight_model.parameters(), model_w.parameters()))
diff_w = max((p - q).abs().max().item() for p, q in zip(straight_model.parameters(), model_w.parameters()))
print("without optimizer state, equal:", same_w, f"| largest difference: {diff_w:.4f}")

# %% [markdown] tags=["pitfall"]
# **바로잡기:** 앞 절처럼 체크포인트에 `optimizer.state_dict()`를 저장하고, 재개할 때
# `optimizer.load_state_dict(...)`를 호출합니다. 학습률 스케줄(learning-rate schedule, 10강)처럼 학습 중에
# 바뀌는 상태가 또 있다면, 그 상태도 같은 방법으로 저장하고 복원합니다.

# %% [markdown]
# 아래 그림은 에폭마다 기록한 손실을 보여 줍니다. 체크포인트에서 재개한 학습의 손실은 중단 없는 학습의 손실과
# 정확히 겹치고, 옵티마이저 상태 없이 재개한 학습의 손실은 중단 지점(점선) 바로 뒤에서 갈라져 다른 곡선을
# 그립니다.

# %%
epochs = range(1, len(losses_straight) + 1)
restart = len(losses_first)
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(epochs, losses_straight, lw=3, color="lightgray", label="never stopped / 중단 없음")
ax.plot(epochs[restart:], losses_rest, "o", ms=3, color="tab:blue", label="resumed / 재개")
ax.plot(epochs[restart:], losses_w, "--", color="tab:red", label="resumed, weights only / 매개변수만으로 재개")
ax.axvline(restart + 0.5, color="black", lw=0.8, ls=":")
ax.set_ylim(0, 1.5)  # 손실이 12까지 올라가는 처음 몇 에폭은 그래프 위로 벗어남
ax.set(xlabel="epoch / 에폭", ylabel="MSE loss / 손실", title="Resuming from a checkpoint / 체크포인트에서 재개")
ax.legend()
show(fig)

# %% [markdown]
# ## 체크포인트를 안전하게 덮어쓰기
#
# 오래 걸리는 학습에서는 보통 에폭마다 체크포인트를 저장해 이전 파일을 덮어씁니다. 그래야 프로그램이 비정상
# 종료되어도 잃는 것이 적습니다. 그런데 `torch.save`가 파일을 쓰는 도중에 프로그램이 죽거나 강제로 종료되면
# 쓰다 만 파일이 남습니다. 게다가 `torch.save`는 쓰기를 시작할 때 기존 파일의 내용부터 비우므로, 그 전의
# 온전한 체크포인트도 이미 사라진 뒤입니다. 그래서 같은 폴더의 임시 파일에 먼저 쓰고, `os.replace`로 임시
# 파일의 이름을 체크포인트 파일 이름으로 바꿉니다. 이름 바꾸기는 중간 상태 없이 한 번에 일어나므로,
# 체크포인트 파일은 이전 것이든 새 것이든 언제나 온전합니다. 이렇게 중간 상태 없이 한 번에 일어나는 동작을
# 원자적(atomic)이라고 합니다. 파이썬 문서에 따르면 Linux, macOS 같은 POSIX 시스템에서는 `os.replace`가
# 성공하면 원자적으로 동작합니다.

# %%
def save_atomic(obj, path):
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)  # 여기서 죽어도 path는 그대로
    os.replace(tmp, path)  # 한 번에 교체: 이제 path는 새로 쓴 온전한 파일


model, optimizer = fresh_run(seed=0)
for epoch in range(1, 6):
    train_epochs(model, optimizer, 1)
    ckpt = {"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}
    torch.save(ckpt, ckpt_dir / "plain.pt")  # 같은 파일에 바로 덮어씀
    save_atomic(ckpt, ckpt_dir / "latest.pt")  # 임시 파일로 교체
print("epochs saved:", [torch.load(ckpt_dir / n, weights_only=True)["epoch"] for n in ("plain.pt", "latest.pt")])

# %% [markdown]
# 이 페이지를 만드는 동안 프로그램을 실제로 죽일 수는 없지만, `torch.save`가 파일을 쓰다가 중간에 실패하게
# 만들 수는 있습니다. 피클은 `lambda`를 저장하지 못합니다. 그래서 `lambda`가 든 체크포인트는 저장 도중에
# 오류가 나고, 프로그램이 죽었을 때처럼 손상된 파일이 남습니다. 이 체크포인트를 `torch.save`로 `plain.pt`에,
# `save_atomic`으로 `latest.pt`에 저장해 본 뒤 두 파일을 불러와 봅니다.

# %%
unsaveable = {"epoch": 6, "model": model.state_dict(), "note": lambda: None}  # 저장 도중 실패: 프로그램이 죽은 상황 흉내
for how, save, name in (("torch.save", torch.save, "plain.pt"), ("save_atomic", save_atomic, "latest.pt")):
    try:
        save(unsaveable, ckpt_dir / name)
    except Exception as err:
        print(f"{how} to {name} failed halfway:", type(err).__name__)
for name in ("plain.pt", "latest.pt"):
    try:
        print(name, "still holds epoch", torch.load(ckpt_dir / name, weights_only=True)["epoch"])
    except RuntimeError as err:
        print(name, "is damaged:", str(err).split(":")[0])

# %% [markdown]
# `plain.pt`는 손상되어 쓸 수 없지만, `latest.pt`에는 5 에폭째의 체크포인트가 그대로 남아 있습니다. 임시
# 파일만 손상되었고, 다음에 저장할 때 이 파일을 새로 덮어씁니다. [10강](10_validate_and_tune.ipynb)에서는 같은
# 함수로 긴 학습에서 가장 좋은 모델을 보관합니다.
#
# 이 방법은 프로그램이 죽는 경우에만 체크포인트를 지켜 줍니다. 정전이 되거나 운영체제가 멈추면 체크포인트가
# 손상될 수 있습니다. 운영체제는 방금 쓴 데이터를 한동안 메모리에 두며, 새 파일의 내용보다 이름 바꾸기를
# 먼저 디스크에 기록할 수도 있습니다. 이런 상황까지 대비하려면 `os.fsync`를 호출해, 메모리에 남은 내용을
# 디스크에 바로 기록하게 합니다. 이름을 바꾸기 전에는 임시 파일을 대상으로, 바꾼 뒤에는 그 파일이 든 폴더를
# 대상으로 호출합니다.

# %% [markdown]
# ## `map_location`: GPU 체크포인트를 CPU에서 불러오기
#
# `torch.save`는 텐서마다 어느 장치에 있었는지도 기록합니다. CUDA GPU에서 저장한 체크포인트에는 CUDA 텐서가
# 들어 있습니다. CUDA가 없는 컴퓨터에서 이 파일을 옵션 없이 `torch.load`로 불러오면 `RuntimeError`가 나고,
# 오류 메시지가 `map_location`을 쓰라고 알려 줍니다. `map_location="cpu"`를 주면 불러오는 동안 모든 텐서를
# CPU로 옮깁니다. 아래에서는 이 강의가 실행되는 `device`에서 저장합니다. 이 페이지는 CPU에서 만들었으므로 첫
# 줄에 `saved from: cpu`가 나옵니다. NVIDIA GPU가 있는 컴퓨터에서는 `cuda:0`(Apple GPU에서는 `mps:0`)이
# 나오고, 불러온 텐서는 그래도 CPU에 있습니다.

# %%
model_dev = copy.deepcopy(model).to(device)
torch.save(model_dev.state_dict(), ckpt_dir / "from_device.pt")

state = torch.load(ckpt_dir / "from_device.pt", map_location="cpu", weights_only=True)
print("saved from:", model_dev[0].weight.device, "| loaded onto:", state["0.weight"].device)
print("values unchanged:", all(torch.equal(t, model.state_dict()[k]) for k, t in state.items()))

# %% [markdown]
# `load_state_dict`는 모델에 이미 있는 텐서에 값을 복사합니다. 그래서 CPU에 있는 `state_dict`도 GPU에
# 올라가 있는 모델에 그대로 불러올 수 있고, 매개변수는 원래 장치에 남습니다(CPU에서 만든 이 페이지에서는
# `cpu`, GPU에서는 `cuda:0`이나 `mps:0`). 학습할 장치로 바로 불러오고 싶다면 `map_location=device`라고
# 써도 됩니다.

# %%
model_dev.load_state_dict(state)  # CPU 텐서를 `device`에 있는 매개변수에 복사
print("parameters still on:", model_dev[0].weight.device)

# %% [markdown]
# ## 모델 전체를 저장하지 않는 이유
#
# `torch.save(model)`도 동작합니다. 모델 객체 자체를 피클로 저장하는 방식입니다. 하지만 피클은 클래스의
# 코드를 저장하지 않고, 클래스를 가리키는 참조, 즉 파이썬 모듈 경로와 클래스 이름만 저장합니다.
# 파일(`data.pkl`을 담은 zip 압축 파일) 안의 참조를 파이썬 표준 라이브러리의 `pickletools`로 살펴봅니다.

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
# 모델 전체를 담은 파일에는 `__main__ TinyNet`이 적혀 있습니다. 즉 이 파일을 불러오려면, 불러오는 프로그램의
# `__main__` 파이썬 모듈에 `TinyNet`이라는 클래스가 있어야 합니다. 우선 `weights_only=True`로 불러오면 이
# 파일은 아예 거부됩니다. `TinyNet`이 안전하다고 허용된 타입 목록에 없기 때문입니다.

# %%
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])

# %% [markdown]
# `weights_only=False`로 불러오더라도, 클래스 이름을 바꾸거나 클래스를 다른 파이썬 모듈(파일)로 옮기면 이
# 파일은 더는 불러올 수 없습니다. 다른 스크립트에서 불러올 때처럼 클래스가 아예 없어도 마찬가지입니다.
# 클래스를 지워서 이 상황을 흉내 내 봅니다.

# %%
del TinyNet  # 클래스 이름을 바꾸거나 옮긴 것처럼
try:
    torch.load(ckpt_dir / "whole_model.pt", weights_only=False)
except AttributeError as err:
    print(type(err).__name__ + ":", err)

# %% [markdown]
# 반면 `state_dict` 파일에는 `collections.OrderedDict`(`state_dict`가 쓰는 딕셔너리 타입)와 PyTorch 내부의
# 텐서 복원 함수만 적혀 있습니다. 그래서 모델 클래스의 이름이나 위치가 바뀌어도, 매개변수의 이름과 모양만
# 맞으면 어떤 모델에든 불러올 수 있습니다.
#
# ## 보안: `weights_only=True`
#
# 피클 파일에서 객체를 되살리는 언피클링(unpickling)은 파일에 적힌 함수라면 무엇이든, 파일에 적힌 인자로
# 호출할 수 있습니다. 클래스에 `__reduce__` 메서드를 정의하면, 그 객체를 되살릴 때 호출할 함수와 인자를
# 직접 정할 수 있습니다. 아래는 불러오는 순간 `print(...)`를 호출하게 하는 무해한 예입니다. 악성 파일이라면
# 그 자리에 셸 명령을 실행하는 `os.system`이 들어 있을 것입니다.

# %%
class Surprise:
    def __reduce__(self):
        return (print, ("this code ran while loading!",))


torch.save({"weight": torch.ones(2), "extra": Surprise()}, ckpt_dir / "crafted.pt")
del Surprise  # 파일에는 클래스가 필요 없음: print 호출이 저장되어 있음
print("crafted file:", pickled_globals(ckpt_dir / "crafted.pt"))

# %% [markdown]
# `__builtin__ print`는 `builtins.print`를 가리킵니다. `torch.save`가 기본으로 쓰는 예전 피클 형식에서는
# `builtins` 파이썬 모듈을 `__builtin__`이라고 적기 때문입니다. `weights_only=True`이면 `torch.load`는
# 텐서, 딕셔너리, 리스트, 숫자와 몇 가지 안전한 타입만 되살리고, 그 밖의 함수나 클래스는 호출하기 **전에**
# 거부합니다.
# PyTorch 2.6부터는 `weights_only=True`가 기본값입니다. 인자를 빼고 불러오다가 거부되면 오류 메시지에도
# 기본값이 바뀌었다는 안내가 나옵니다. 그래도 `weights_only=True`를 직접 적어 두는 편이 좋습니다. 그래야
# 기본값이 `False`였던 이전 버전에서도 똑같이 안전합니다.

# %%
try:
    torch.load(ckpt_dir / "crafted.pt", weights_only=True)
except pickle.UnpicklingError as err:
    print(type(err).__name__ + ":", str(err).split("WeightsUnpickler error: ")[-1].split(". ")[0])
try:
    torch.load(ckpt_dir / "crafted.pt")  # weights_only를 생략: 기본값
except pickle.UnpicklingError as err:
    print("without the argument:", type(err).__name__)
    assert "In PyTorch 2.6" in str(err)  # 기본값을 바꾼 버전이 메시지에 나옴

# %% [markdown]
# `weights_only=False`이면 파일에 적힌 호출이 불러오는 도중에 실행됩니다. 여기서는 파일이 무해하므로 실제로
# 불러와 봅니다. 아래 출력의 가운데 줄(`this code ran while loading!`)은 `torch.load`가 실행되는 도중에 화면에
# 표시됩니다. 직접 만들지 않은 파일에는 절대 `weights_only=False`를 쓰지 마세요.

# %%
print("--- torch.load(..., weights_only=False) on the crafted file ---")
loaded = torch.load(ckpt_dir / "crafted.pt", weights_only=False)
print("--- done; loaded:", loaded)

# %% [markdown]
# ## 요약
#
# - `model.state_dict()`를 `torch.save`로 저장하고, 구조가 같은 모델에
#   `model.load_state_dict(torch.load(path, weights_only=True))`로 불러옵니다. 기본값인 `strict=True`에서는
#   이름이 맞지 않으면 오류가 납니다.
# - 학습을 재개하려면 체크포인트 딕셔너리에 모델과 옵티마이저의 `state_dict`, 에폭, 그 밖에 학습 중에 바뀌는
#   상태를 저장합니다. 모두 복원하면 한 번도 중단하지 않았을 때와 똑같이 학습이 이어집니다. CPU에서는 위에서
#   본 것처럼 비트 단위까지 같고, GPU에서는 실행할 때마다 결과가 조금씩 달라지는 연산 때문에 마지막 자릿수가
#   어긋날 수 있습니다. 옵티마이저 상태가 빠지면 아무 경고 없이 다른 모델이 나옵니다.
# - 체크포인트는 임시 파일에 쓴 뒤 `os.replace`로 바꿔 넣습니다. 그러면 프로그램이 죽어도 쓰다 만
#   체크포인트가 남지 않습니다(정전까지 대비하려면 `os.fsync`도 필요합니다).
# - `map_location="cpu"`로 GPU 체크포인트를 GPU 없는 컴퓨터에서 불러옵니다.
# - `torch.save(model)`은 클래스를 파이썬 모듈 경로로 참조할 뿐이어서, 클래스 이름을 바꾸거나 옮기거나
#   클래스가 없으면 불러오지 못합니다. `weights_only=True`는 이런 파일도, 불러오는 동안 코드를 실행하려는
#   파일도 거부합니다.
#
# ## 연습 문제
#
# **1.** 새로 만든 옵티마이저의 상태는 비어 있습니다. `fresh_run`으로 옵티마이저를 만들어
# `state_dict()["state"]`의 항목 수를 세고, `checkpoint.pt`에 저장한 옵티마이저 상태를 불러온 뒤 다시 세어
# 보세요. 0번 항목에는 모멘텀 텐서가 들어 있습니다. 이 텐서는 모델의 어느 매개변수에 해당할까요?

# %% tags=["solution"]
_, optimizer_e = fresh_run(seed=123)
print("entries before loading:", len(optimizer_e.state_dict()["state"]))
saved = torch.load(ckpt_dir / "checkpoint.pt", weights_only=True)  # 파일에서: checkpoint["optimizer"]는 이미 바뀜
optimizer_e.load_state_dict(saved["optimizer"])
entries = optimizer_e.state_dict()["state"]
print("entries after loading: ", len(entries), "| entry 0:", tuple(entries[0]["momentum_buffer"].shape))
# 항목 번호는 model.parameters()의 순서: 0번 항목은 "0.weight", 모양 (16, 8)

# %% [markdown]
# **2.** SGD를 `torch.optim.Adam(model.parameters(), lr=0.01)`으로 바꿔 보세요. Adam도 매개변수마다 상태를
# 가지고 있는 옵티마이저이며, 어떻게 동작하는지는 [10강](10_validate_and_tune.ipynb)에서 설명합니다. Adam의
# `state_dict`에는 매개변수마다 어떤 텐서가 담기나요? 20 에폭 뒤에 중단했다가 재개해도 중단 없이 40 에폭을
# 학습한 결과와 정확히 같은지 확인하세요.

# %% tags=["solution"]
def adam_run(seed):
    model, _ = fresh_run(seed)
    return model, torch.optim.Adam(model.parameters(), lr=0.01)


m_a, o_a = adam_run(0)
train_epochs(m_a, o_a, 40)
print("Adam state of param 0:", list(o_a.state_dict()["state"][0]))

m_b, o_b = adam_run(0)
train_epochs(m_b, o_b, 20)
save_atomic({"model": m_b.state_dict(), "optimizer": o_b.state_dict()}, ckpt_dir / "adam.pt")

m_c, o_c = adam_run(123)
ckpt = torch.load(ckpt_dir / "adam.pt", weights_only=True)
m_c.load_state_dict(ckpt["model"])
o_c.load_state_dict(ckpt["optimizer"])
train_epochs(m_c, o_c, 20)
print("equal:", all(torch.equal(p, q) for p, q in zip(m_a.parameters(), m_c.parameters())))

# %% [markdown]
# **3.** `latest.pt`를 `map_location=device`로 불러온 뒤, 그 안의 모델 상태를 `load_state_dict`로 `device`에
# 있는 모델에 불러오세요. 그런 다음 그 장치에서 계산한 손실이 같은 매개변수로 CPU에서 계산한 손실과 같은지
# 확인해 보세요.

# %% tags=["solution"]
latest = torch.load(ckpt_dir / "latest.pt", map_location=device, weights_only=True)
model_on_device, _ = fresh_run(seed=0)
model_on_device = model_on_device.to(device)
model_on_device.load_state_dict(latest["model"])
print("tensor device:", latest["model"]["0.weight"].device)

model_cpu, _ = fresh_run(seed=0)
model_cpu.load_state_dict(torch.load(ckpt_dir / "latest.pt", weights_only=True)["model"])
with torch.no_grad():
    loss_device = loss_fn(model_on_device(X.to(device)), y.to(device)).item()
    loss_cpu = loss_fn(model_cpu(X), y).item()
print(f"loss on {device}: {loss_device:.4f} | on cpu: {loss_cpu:.4f}")
assert abs(loss_device - loss_cpu) < 1e-4  # GPU에서는 마지막 자릿수의 반올림이 다를 수 있음

# %% [markdown]
# ## 더 읽을거리
#
# - [모델 저장하기 & 불러오기](https://tutorials.pytorch.kr/beginner/saving_loading_models.html)(PyTorch 한국어
#   튜토리얼),
#   [Saving and loading models](https://docs.pytorch.org/tutorials/beginner/saving_loading_models.html)(영문 원문)
# - [`torch.save`](https://docs.pytorch.org/docs/stable/generated/torch.save.html),
#   [`torch.load`](https://docs.pytorch.org/docs/stable/generated/torch.load.html)
# - [직렬화(serialization) 동작](https://docs.pytorch.org/docs/stable/notes/serialization.html)(`weights_only`,
#   체크포인트 파일에 담기는 것, 영문)
# - [`Module.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.state_dict),
#   [`Module.load_state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.load_state_dict)
# - [`torch.optim`](https://docs.pytorch.org/docs/stable/optim.html)과
#   [`SGD`](https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html)(모멘텀 식),
#   [`Adam`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html),
#   [`Optimizer.state_dict`](https://docs.pytorch.org/docs/stable/generated/torch.optim.Optimizer.state_dict.html)
# - [`nn.MSELoss`](https://docs.pytorch.org/docs/stable/generated/torch.nn.MSELoss.html),
#   [`torch.equal`](https://docs.pytorch.org/docs/stable/generated/torch.equal.html)
# - 파이썬: [`pickle`](https://docs.python.org/ko/3/library/pickle.html)(보안 경고 참고),
#   [`pickletools`](https://docs.python.org/ko/3/library/pickletools.html),
#   [`os.replace`](https://docs.python.org/ko/3/library/os.html#os.replace),
#   [`os.fsync`](https://docs.python.org/ko/3/library/os.html#os.fsync)
