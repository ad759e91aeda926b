"""Jiebei Tracker (借呗信用健康助手): keep your borrowing healthy, from your own local records."""

__version__ = "0.1.0"
