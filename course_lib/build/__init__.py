"""The course's build pipeline (README, "How the build works"); no lesson imports it."""
import functools
from pathlib import Path


@functools.cache
def text(lang: str) -> dict:
    """The sentences the build writes in ``lang`` (``text.yml``)."""
    import yaml

    return yaml.safe_load((Path(__file__).parent / "text.yml").read_text(encoding="utf-8"))[lang]
