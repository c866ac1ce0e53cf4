"""mlpath: a personal, dated study plan for becoming a machine-learning engineer."""

__version__ = "0.1.0"
