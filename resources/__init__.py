"""Icons, translations and desktop art, shipped inside the wheel as ``jiebei_tracker.resources``."""
