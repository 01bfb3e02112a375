"""Scanning devices: keyboard-wedge burst detection, serial-port scanners, the scanner check,
camera capture and barcode decoders.

No Qt here: pure decisions (is this burst of keys a scan? is this scanner set up right?) take
their inputs, including time, as arguments so tests can replay recorded timings; the GUI wires
the devices to widgets and signals (``ui/scanner_filter.py``, ``ui/devices.py``, ``ui/camera``).
"""
