"""pyqtgraph chart widgets fed plain series from the services."""
