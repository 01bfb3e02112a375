"""``intake decode``: the codes in image and video files, as the camera would read them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..devices.camera.sources import CameraError
from ..devices.filedecode import FileCodes, decode_files
from ..errors import InputError
from .root import cli

_CONTROL_NAMES = {"\x1d": "<GS>", "\x1e": "<RS>", "\x04": "<EOT>", "\t": "<TAB>", "\r": "<CR>", "\n": "<LF>"}


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (JSON Lines).")
def decode(files: tuple[Path, ...], as_json: bool) -> None:
    """Read every barcode in image files (PNG, JPEG, TIFF, BMP, WebP...) or videos.

    \b
    With --json, one line per file:
      {"file": ..., "codes": [{"text": ..., "symbology": ..., "position": [[x, y] x 4]}]}
    "text" is the content as plain text, control characters such as GS (GS1 separators) kept;
    "position" the symbol's corners (top-left, top-right, bottom-right, bottom-left) in pixels;
    for a video each code comes once, with the "frame" it was first read in.
    A file that cannot be read is named on stderr and the exit code is 2.
    """
    failed = 0
    for result in decode_files(list(files)):
        if isinstance(result, CameraError):
            failed += 1
            click.echo(f"intake: {result.message}", err=True)
            continue
        if as_json:
            click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            click.echo(_table(result))
    if failed:
        raise _Reported(f"{failed} of {len(files)} files could not be decoded")


class _Reported(InputError):
    """Files already named on stderr: exit 2 with a summary line."""


def _table(result: FileCodes) -> str:
    if not result.codes:
        return f"{result.file}: no code found"
    lines = [f"{result.file}: {len(result.codes)} code{'s' if len(result.codes) != 1 else ''}"]
    for read, frame in zip(result.codes, result.frames, strict=True):
        x, y = read.position[0]
        where = f"at {x},{y}" + (f" frame {frame}" if frame is not None else "")
        lines.append(f"  {read.symbology:<11} {visible(read.text):<40} {where}")
    return "\n".join(lines)


def visible(text: str) -> str:
    """Control characters named, so a person sees the GS1 separators a table would hide."""
    return "".join(_CONTROL_NAMES.get(ch, f"<{ord(ch):02X}>" if ord(ch) < 32 else ch) for ch in text)
