"""The version of framing (read by setup.cfg and written into model cards)."""

__version__ = "0.2.0"
