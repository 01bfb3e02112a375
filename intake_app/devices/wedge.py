"""Keyboard-wedge scanners: telling a scanner's burst of keystrokes from a person typing.

A wedge scanner "types" a code as key presses a few milliseconds apart and ends it with Enter
(or Tab). A person types 80-300 ms apart. :class:`BurstDetector` holds each printable key back
for at most ``max_gap_ms``: if the next key comes sooner the burst grows, if not the held keys
are handed back as ordinary typing (a person never notices 35 ms). When Enter or Tab ends a
fast burst of at least ``min_length`` characters, the burst is a scan and none of its keys reach
the widget that had focus - so a scan is never typed into the wrong field.

The detector is pure: the caller passes each key with its time and calls :meth:`tick` when
the deadline it was given passes. Keys are opaque items (the GUI passes copies of its key
events) so released typing can be replayed exactly as it was pressed.

With a configured prefix, a burst must start with it (and typing that does not start with it
is never held at all); a configured suffix ends a scan like Enter does. Both are removed from
the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

ENTER = "\r"
TAB = "\t"
TERMINATORS = frozenset({ENTER, "\n", TAB})
DEFAULT_MAX_GAP_MS = 35.0  # USB scanners: 1-15 ms per key; Bluetooth ones up to ~30 ms; people >= 60 ms
DEFAULT_MIN_LENGTH = 4  # codes shorter than this are fragments (domain.codes.MIN_IDENTIFIER_LEN)
# GS1 separators a scanner may type inside a code (as Ctrl+], Ctrl+^, Ctrl+D); never typed by people
IN_CODE_CONTROLS = frozenset({"\x1d", "\x1e", "\x04"})
MAX_BURST = 512  # a stuck key or a pasted document, not a label (domain.codes.MAX_RAW_LEN)


@dataclass(frozen=True)
class WedgeConfig:
    prefix: str = ""
    suffix: str = ""
    max_gap_ms: float = DEFAULT_MAX_GAP_MS
    min_length: int = DEFAULT_MIN_LENGTH

    def __post_init__(self) -> None:
        if self.max_gap_ms <= 0:
            raise ValueError("max_gap_ms must be greater than 0")
        if self.min_length < 1:
            raise ValueError("min_length must be at least 1")


@dataclass(frozen=True)
class Scan:
    """A recognised scan: the code without prefix/suffix, how it ended and what was typed."""

    code: str
    terminator: str | None  # "\r", "\n", "\t", or None when the configured suffix ended it
    raw: str  # everything the scanner typed, prefix and suffix included, terminator excluded
    duration_ms: float


@dataclass(frozen=True)
class Step(Generic[T]):
    """What the caller does after a key or a tick.

    ``consumed``: the key just given must not reach its widget (held, or part of a scan).
    ``release``: keys to hand back now as ordinary typing, oldest first (before the current key
    when that one is not consumed). ``scan``: a recognised scan. ``wake_at``: call :meth:`tick`
    at this time if no key comes first. ``unterminated``: the released keys were a fast burst
    that never ended in Enter/Tab/suffix - a scanner without a suffix (the scanner check says so).
    """

    consumed: bool = False
    release: tuple[T, ...] = ()
    scan: Scan | None = None
    wake_at: float | None = None
    unterminated: str | None = None


@dataclass
class _Burst(Generic[T]):
    items: list[T] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    first_t: float = 0.0
    last_t: float = 0.0

    @property
    def joined(self) -> str:
        return "".join(self.text)


class BurstDetector(Generic[T]):
    """Feed every key press (:meth:`key`) and every due deadline (:meth:`tick`)."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.config = config or WedgeConfig()
        self._burst: _Burst[T] = _Burst()
        self._scan_ended_at: float | None = None

    @property
    def holding(self) -> bool:
        return bool(self._burst.items)

    def reset(self) -> tuple[T, ...]:
        """Forget the current burst; returns its keys (the caller may release them)."""
        items = tuple(self._burst.items)
        self._burst = _Burst()
        return items

    def key(self, item: T, text: str, t: float) -> Step[T]:
        """A key press at ``t`` ms producing ``text``: a character, a terminator, or "" (any other key)."""
        expired = self._expire(t)
        if text in TERMINATORS:
            return self._terminate(item, text, t, expired)
        if text in IN_CODE_CONTROLS and self._burst.items:
            return self._printable(item, text, t, expired)
        if len(text) != 1 or not text.isprintable():
            # arrows, F-keys, Escape, shortcuts: typing resumes; whatever was held goes first
            return Step(release=expired.release + self.reset(), unterminated=expired.unterminated)
        return self._printable(item, text, t, expired)

    def tick(self, t: float) -> Step[T]:
        """The deadline passed: a held burst that went quiet is typing after all.

        Called early (timers are not exact), it keeps holding and names the deadline again.
        """
        step = self._expire(t)
        if self._burst.items:
            return Step(wake_at=self._burst.last_t + self.config.max_gap_ms)
        return step

    # -- internals ---------------------------------------------------------------------------------

    def _expire(self, t: float) -> Step[T]:
        b = self._burst
        if not b.items or t - b.last_t <= self.config.max_gap_ms:
            return Step()
        fast = len(b.items) >= self.config.min_length
        text = b.joined
        return Step(release=self.reset(), unterminated=text if fast else None)

    def _printable(self, item: T, ch: str, t: float, expired: Step[T]) -> Step[T]:
        b = self._burst
        prefix = self.config.prefix
        if not b.items and prefix and ch != prefix[0]:
            return Step(release=expired.release, unterminated=expired.unterminated)  # typing: not held
        if b.items and prefix and len(b.text) < len(prefix) and ch != prefix[len(b.text)]:
            # the prefix broke off: it was typing
            return Step(release=expired.release + self.reset(), unterminated=expired.unterminated)
        if len(b.items) >= MAX_BURST:
            return Step(release=expired.release + self.reset())
        if not b.items:
            b.first_t = t
        b.items.append(item)
        b.text.append(ch)
        b.last_t = t
        suffix = self.config.suffix
        if suffix and b.joined.endswith(suffix) and self._payload_len() >= self.config.min_length:
            scan = self._scan(None, t)
            return Step(consumed=True, release=expired.release, scan=scan, unterminated=expired.unterminated)
        return Step(consumed=True, release=expired.release, wake_at=t + self.config.max_gap_ms,
                    unterminated=expired.unterminated)

    def _terminate(self, item: T, terminator: str, t: float, expired: Step[T]) -> Step[T]:
        b = self._burst
        ended = self._scan_ended_at
        if not b.items and ended is not None and t - ended <= self.config.max_gap_ms:
            # the Enter after a suffix-ended scan, or the LF of a CR LF: still the scanner's
            self._scan_ended_at = None
            return Step(consumed=True, release=expired.release)
        if b.items and self._payload_len() >= self.config.min_length and self._affixes_ok():
            return Step(consumed=True, release=expired.release, scan=self._scan(terminator, t))
        # not a scan: the held keys were typing, and the Enter/Tab is the person's too
        return Step(release=expired.release + self.reset(), unterminated=expired.unterminated)

    def _payload_len(self) -> int:
        return len(self._burst.text) - len(self.config.prefix) - len(self.config.suffix)

    def _affixes_ok(self) -> bool:
        raw = self._burst.joined
        return raw.startswith(self.config.prefix) and raw.endswith(self.config.suffix)

    def _scan(self, terminator: str | None, t: float) -> Scan:
        raw = self._burst.joined
        code = strip_affixes(raw, self.config.prefix, self.config.suffix)
        duration = t - self._burst.first_t
        self.reset()
        self._scan_ended_at = t
        return Scan(code, terminator, raw, duration)


def strip_affixes(raw: str, prefix: str, suffix: str) -> str:
    """``raw`` without the configured prefix and suffix (each removed only if present)."""
    if prefix and raw.startswith(prefix):
        raw = raw[len(prefix):]
    if suffix and raw.endswith(suffix):
        raw = raw[: len(raw) - len(suffix)]
    return raw


def config_from_settings(get: Callable[[str], Any]) -> WedgeConfig:
    """A :class:`WedgeConfig` from a settings getter (``Settings.get``)."""
    return WedgeConfig(prefix=decode_affix(get("scanner.prefix")), suffix=decode_affix(get("scanner.suffix")),
                       max_gap_ms=float(get("scanner.max_key_interval_ms")),
                       min_length=int(get("scanner.min_length")))


_ESCAPES = {"\\t": "\t", "\\r": "\r", "\\n": "\n", "\\\\": "\\"}


def decode_affix(text: str) -> str:
    r"""Settings hold prefix/suffix as text; ``\xNN`` and ``\t`` spell control characters (e.g. GS)."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("\\x", i) and len(text) >= i + 4:
            try:
                out.append(chr(int(text[i + 2:i + 4], 16)))
                i += 4
                continue
            except ValueError:
                pass
        two = text[i:i + 2]
        if two in _ESCAPES:
            out.append(_ESCAPES[two])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)
