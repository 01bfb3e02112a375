"""Scanning devices: camera capture and barcode decoders (later: keyboard wedge, serial scanners).

No Qt here: the GUI wires these to widgets and signals (``ui/camera``).
"""
