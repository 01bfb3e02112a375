"""Scanners and other devices: burst detection for keyboard wedges, serial-port scanners, the scanner check.

Everything here is Qt-free. Pure decisions (is this burst of keys a scan? is this scanner set up
right?) take their inputs, including time, as arguments so tests can replay recorded timings.
"""
