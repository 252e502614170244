"""Helpers shared by the lessons of the torch.nn course, and its build pipeline.

Importing the package is light: no data is loaded and nothing is downloaded.
The build pipeline lives in ``course_lib.execute`` and ``course_lib.site`` and is not imported here.
"""
from course_lib.data import (
    CLASSES_EN,
    CLASSES_KO,
    DataNotFoundError,
    as_tensors,
    class_names,
    data_dir,
    ensure_fashion_mnist,
    load_fashion_mnist,
)
from course_lib.device import describe_device, get_device
from course_lib.plotting import output_dir, show
from course_lib.seed import seed_everything

__all__ = [
    "CLASSES_EN",
    "CLASSES_KO",
    "DataNotFoundError",
    "as_tensors",
    "class_names",
    "data_dir",
    "describe_device",
    "ensure_fashion_mnist",
    "get_device",
    "load_fashion_mnist",
    "output_dir",
    "seed_everything",
    "show",
]
