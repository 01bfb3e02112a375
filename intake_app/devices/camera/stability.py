"""When codes seen by the camera become scans: confirmation, hold-off, the choice per frame. Pure.

Fed one decoded frame at a time (its ranked reads and its capture time in seconds), the
:class:`Tracker` answers which codes to scan now. The rules:

* **Confirmation.** A code scans once it has been seen in ``frames_needed`` frames, or in one frame
  when its content validates strongly (an outstanding serial of this order, a GS1 check digit,
  our own check character). A read only the fallback decoder (ZBar) made is never trusted
  alone: it needs two sightings at least, unless it validates.
* **Hold-off.** A scanned code is not scanned again while it stays in view, nor until it has been
  out of view for ``holdoff_s``. The codes around it on the same label (part number, EAN, an
  asset tag not on the manifest) are *consumed* with it, including ones decoded a moment later.
* **The choice.** Matched units win (one scan per unit, several units in view each scan); then a
  pallet code; then, when nothing matched, the one unmatched serial of the highest priority. Two
  unmatched serials of equal rank are ambiguous: nothing scans and the frame says so.
* A different unit entering the view scans at once: hold-offs are per code, never global.

Time is the frames' own capture time, so tests replay any timing exactly.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .ranking import CANDIDATES, Ranked, Role

# Codes this close to a scanned code (in code widths; labels stack codes vertically) share its label.
LABEL_REACH_X = 1.0
LABEL_REACH_Y = 1.5


class FrameNote(enum.StrEnum):
    NONE = "none"
    AMBIGUOUS = "ambiguous"  # several unmatched serials: aim at one
    WAITING = "waiting"  # a candidate seen, not yet confirmed


@dataclass
class _Seen:
    first: float
    last: float
    frames: int = 0
    confirmed: bool = False  # decoded by the main decoder at least once
    scanned_at: float | None = None  # when scanned or consumed; None: never
    consumed_by: str | None = None  # the code whose scan consumed this one
    role: Role | None = None  # its role when it was scanned or consumed (a received unit stays "matched")
    centre: tuple[float, float] = (0.0, 0.0)
    width: float = 0.0


@dataclass(frozen=True)
class TrackerConfig:
    frames_needed: int = 2
    holdoff_s: float = 2.0
    fallback_frames: int = 2  # sightings a fallback-only read needs when its content does not validate

    def __post_init__(self) -> None:
        if self.frames_needed < 1 or self.fallback_frames < 2 or self.holdoff_s < 0:
            raise ValueError("frames_needed >= 1, fallback_frames >= 2 and holdoff_s >= 0")


@dataclass(frozen=True)
class FrameVerdict:
    """What a frame decided: the codes to scan now (in order), and a note for the overlay."""

    scans: tuple[Ranked, ...] = ()
    note: FrameNote = FrameNote.NONE
    held: frozenset[str] = frozenset()  # texts in this frame already scanned or consumed
    held_roles: Mapping[str, Role] = field(default_factory=dict)  # their roles when that happened


@dataclass
class Tracker:
    config: TrackerConfig = field(default_factory=TrackerConfig)
    _seen: dict[str, _Seen] = field(default_factory=dict)

    def update(self, ranked: Sequence[Ranked], t: float) -> FrameVerdict:
        """Account for one decoded frame captured at ``t`` (seconds) and decide its scans."""
        self._forget(t)
        present = {r.text: r for r in ranked}
        for r in present.values():
            self._see(r, t)
        self._consume_neighbours(present, t)
        held = frozenset(text for text in present if self._seen[text].scanned_at is not None)
        fresh = [r for r in present.values() if r.role in CANDIDATES and r.text not in held]
        chosen, note = self._choose(fresh)
        ready = [r for r in chosen if self._ready(r)]
        if chosen and not ready and note is FrameNote.NONE:
            note = FrameNote.WAITING
        for r in ready:
            self._mark_scanned(r, present, t)
        if ready:
            held = frozenset(text for text in present if self._seen[text].scanned_at is not None)
        roles = {text: self._seen[text].role or present[text].role for text in held}
        return FrameVerdict(tuple(ready), note, held, roles)

    def first_seen(self, text: str, default: float) -> float:
        """When ``text`` came into view (its first frame since it was last out of view)."""
        s = self._seen.get(text)
        return s.first if s is not None else default

    def reset(self) -> None:
        """Forget everything (another order, or the operator asks to scan what is in view again)."""
        self._seen.clear()

    def _see(self, r: Ranked, t: float) -> None:
        s = self._seen.get(r.text)
        if s is None:
            s = self._seen[r.text] = _Seen(first=t, last=t)
        s.frames += 1
        s.last = t
        s.confirmed = s.confirmed or r.read.confirmed
        s.centre, s.width = r.read.centre(), max(r.read.width, 1.0)

    def _forget(self, t: float) -> None:
        """A code out of view for the hold-off starts afresh (and may scan again)."""
        gone = [k for k, s in self._seen.items() if t - s.last > self.config.holdoff_s]
        for k in gone:
            del self._seen[k]

    def _choose(self, fresh: list[Ranked]) -> tuple[list[Ranked], FrameNote]:
        matched: dict[uuid.UUID, Ranked] = {}
        for r in fresh:
            if r.role is Role.MATCHED and r.unit is not None:
                best = matched.get(r.unit)
                if best is None or r.priority > best.priority:
                    matched[r.unit] = r
        if matched:
            return list(matched.values()), FrameNote.NONE
        pallets = [r for r in fresh if r.role is Role.PALLET]
        if pallets:
            return pallets[:1], FrameNote.NONE
        others = sorted((r for r in fresh if r.role in (Role.EXTRA, Role.OWN_LABEL)),
                        key=lambda r: -r.priority)
        if not others:
            return [], FrameNote.NONE
        if len(others) > 1 and others[1].priority == others[0].priority:
            return [], FrameNote.AMBIGUOUS
        return others[:1], FrameNote.NONE

    def _ready(self, r: Ranked) -> bool:
        s = self._seen[r.text]
        if r.strong:
            return True
        needed = self.config.frames_needed if s.confirmed else max(self.config.frames_needed,
                                                                   self.config.fallback_frames)
        return s.frames >= needed

    def _mark_scanned(self, r: Ranked, present: dict[str, Ranked], t: float) -> None:
        self._seen[r.text].scanned_at, self._seen[r.text].role = t, r.role
        self._consume_neighbours(present, t)

    def _consume_neighbours(self, present: dict[str, Ranked], t: float) -> None:
        """Codes on the label of a scanned code (within reach of it) are consumed with it.

        Also for a code first decoded a few frames later: a part number or an unlisted asset tag
        beside a scanned serial is the same unit, never a new extra. A code identifying another
        expected unit, or a pallet label beside a unit's, is never consumed.
        """
        anchors = [(k, present[k], self._seen[k]) for k in present if self._seen[k].scanned_at is not None]
        for text, r in present.items():
            s = self._seen[text]
            if s.scanned_at is not None:
                continue
            for anchor, ar, a in anchors:
                if r.role is Role.MATCHED and r.unit != ar.unit or (r.role is Role.PALLET) != (ar.role is Role.PALLET):
                    continue  # another expected unit; a pallet label is never part of a unit's label
                reach = max(a.width, s.width)
                if abs(a.centre[0] - s.centre[0]) <= LABEL_REACH_X * reach and \
                        abs(a.centre[1] - s.centre[1]) <= LABEL_REACH_Y * reach:
                    s.scanned_at, s.consumed_by, s.role = t, anchor, r.role
                    break
