"""The learner modules against plain PyTorch and the data files: device choice, seeding,
FashionMNIST on the real files, figures, and a light import that pulls in nothing of the build."""
from __future__ import annotations

import gzip
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import course_lib
from course_lib import data as data_mod


def test_device_choice_matches_torch():
    """PyTorch's own answer (lesson 03 teaches it): the available accelerator, else the CPU."""
    accelerator = torch.accelerator.current_accelerator(check_available=True)
    assert course_lib.get_device() == (accelerator or torch.device("cpu"))


def test_importing_the_learner_modules_is_light_and_needs_nothing_of_the_build():
    code = ("import sys, course_lib, course_lib.data\n"
            "light = 'torch' not in sys.modules and 'matplotlib' not in sys.modules\n"
            "import course_lib.device, course_lib.seed, course_lib.plotting\n"
            "build = ('course_lib.build', 'mkdocs', 'nbclient', 'nbconvert', 'jupytext', 'bs4', 'yaml')\n"
            "print(light, sorted(m for m in sys.modules if m.split('.')[0] in build or m == 'course_lib.build'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split(None, 1) == ["True", "[]\n"]


def test_describe_device_is_one_line():
    text = course_lib.describe_device(torch.device("cpu"))
    assert re.fullmatch(rf"cpu: {torch.get_num_threads()} threads?", text)
    assert "\n" not in course_lib.describe_device()


def test_seed_everything_repeats_random_numbers():
    g1 = course_lib.seed_everything(7)
    a, ga = torch.randn(5), torch.randperm(10, generator=g1)
    g2 = course_lib.seed_everything(7)
    b, gb = torch.randn(5), torch.randperm(10, generator=g2)
    assert torch.equal(a, b) and torch.equal(ga, gb)


def _idx(path: Path) -> torch.Tensor:
    """Parse an IDX file by hand (the oracle for torchvision's reader)."""
    raw = path.read_bytes()
    ndim = raw[3]
    dims = struct.unpack(f">{ndim}I", raw[4:4 + 4 * ndim])
    return torch.frombuffer(bytearray(raw[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)


@pytest.fixture(scope="module")
def fashion():
    return course_lib.load_fashion_mnist()


def test_fashion_mnist_shapes_dtypes_labels(fashion):
    train, test = fashion
    assert (len(train), len(test)) == (60000, 10000)
    image, label = train[0]
    assert image.shape == (1, 28, 28) and image.dtype == torch.float32
    assert 0.0 <= image.min() and image.max() <= 1.0
    assert isinstance(label, int) and 0 <= label <= 9
    assert sorted(set(test.targets.tolist())) == list(range(10))
    assert torch.bincount(test.targets).tolist() == [1000] * 10  # the test split is balanced


def test_fashion_mnist_matches_the_raw_files(fashion):
    train, test = fashion
    raw = course_lib.data_dir() / "FashionMNIST" / "raw"
    labels = _idx(raw / "t10k-labels-idx1-ubyte")
    images = _idx(raw / "t10k-images-idx3-ubyte")
    assert torch.equal(test.targets, labels.long())
    assert torch.allclose(test[123][0][0], images[123].float() / 255)


def test_as_tensors_equals_to_tensor(fashion):
    _, test = fashion
    X, y = course_lib.as_tensors(test)
    assert X.shape == (10000, 1, 28, 28) and X.dtype == torch.float32 and y.dtype == torch.int64
    for i in (0, 4321, 9999):
        image, label = test[i]
        assert torch.equal(X[i], image) and y[i].item() == label


def test_class_names_match_torchvision_and_the_labels(fashion):
    _, test = fashion
    assert course_lib.class_names("en") == test.classes  # torchvision's names, in label order
    assert len(course_lib.class_names("ko")) == len(set(course_lib.class_names("ko"))) == len(test.targets.unique())
    assert course_lib.class_names() == [f"{en} / {ko}" for en, ko in zip(test.classes, course_lib.class_names("ko"))]


def test_data_is_taken_from_the_debian_package_layout(tmp_path, monkeypatch):
    debian = tmp_path / "debian"
    debian.mkdir()
    real = course_lib.data_dir() / "FashionMNIST" / "raw"
    for name in data_mod.RAW_FILES:
        with gzip.open(debian / f"{name}.gz", "wb", compresslevel=1) as f:
            f.write((real / name).read_bytes())
    monkeypatch.setattr(data_mod, "DEBIAN_DIR", debian)
    root = data_mod.ensure_fashion_mnist(tmp_path / "data", download=False)
    for name in data_mod.RAW_FILES:
        assert (root / "FashionMNIST" / "raw" / name).read_bytes() == (real / name).read_bytes()
    assert not list((root / "FashionMNIST" / "raw").glob(".*part"))


def test_missing_data_gives_one_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(data_mod, "DEBIAN_DIR", tmp_path / "nowhere")
    with pytest.raises(course_lib.DataNotFoundError) as info:
        course_lib.ensure_fashion_mnist(tmp_path / "empty", download=False)
    message = str(info.value)
    assert "apt-get install dataset-fashion-mnist" in message
    assert str(tmp_path / "empty" / "FashionMNIST" / "raw") in message


def test_missing_data_as_a_script_prints_no_traceback(tmp_path):
    code = ("import course_lib, course_lib.data as d, pathlib;"
            f"d.DEBIAN_DIR = pathlib.Path({str(tmp_path / 'nowhere')!r});"
            f"course_lib.load_fashion_mnist({str(tmp_path / 'empty')!r}, download=False)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "DataNotFoundError" in proc.stderr and "apt-get install dataset-fashion-mnist" in proc.stderr


def test_show_saves_a_png_in_a_script_run(tmp_path):
    code = ("import matplotlib.pyplot as plt; from course_lib import show;"
            "fig, ax = plt.subplots(); ax.plot([1, 2]); ax.set_title('loss / 손실');"
            "print(show(fig, 'curve'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "COURSE_OUTPUT_DIR": str(tmp_path / "out")})
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == ""  # headless: no warnings
    saved = tmp_path / "out" / "figures" / "-c" / "curve.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"[figure saved: {saved}]" in proc.stdout
