"""Commands for labels, receipts, the print queue and printers.

``--out FILE`` renders to a file (``-`` for standard output) without touching the queue;
otherwise the job goes through the spool to ``--printer NAME`` or the default printer, is sent
at once when the printer is there, and waits in the queue (``intake print-queue``) when not.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from ..services.printing import LABEL_KINDS, out_format
from ..services.spool import STATUSES
from .root import CliState, cli, emit, pass_state

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
out_option = click.option("--out", "out", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
                          help="Write to FILE (- for standard output) instead of printing.")
printer_option = click.option("--printer", metavar="NAME", help="Print on this printer (default: from the settings).")


def _write(out: Path, data: bytes) -> str:
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return "-"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.part")
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from None
    return str(out)


def _job_line(d: dict[str, Any]) -> str:
    when = d["sent_at"] or d["created_at"]
    line = (f"{d['job'][:8]}  {d['status']:<9} {d['kind']:<12} {d['subject']:<20} {d['printer']:<14} "
            f"{when[:19].replace('T', ' ')}")
    if d["status"] in ("queued", "failed") and d.get("error"):
        line += f"  ({d['attempts']} tries: {d['error']})"
    return line


def _result_text(d: dict[str, Any]) -> str:
    if d["sent"]:
        return f"printed on {d['printer']} (job {d['job'][:8]}, {d['printer_ref']})"
    why = d.get("error") or d.get("printer_detail") or "the printer is busy with earlier jobs"
    if d["status"] == "failed":
        return f"not printed: {why} (job {d['job'][:8]} failed; intake print-queue retry {d['job'][:8]})"
    return f"queued for {d['printer']}: {why}; it is retried automatically (job {d['job'][:8]})"


@cli.command()
@click.argument("kind", type=click.Choice(sorted(LABEL_KINDS)))
@click.argument("label_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["zpl", "pdf"]), help="zpl or pdf (default: the printer's).")
@out_option
@printer_option
@click.option("--dpi", type=click.Choice(["203", "300"]), help="ZPL resolution with --out (default: 203).")
@click.option("--lang", type=click.Choice(["sv", "en"]), help="Language of the label's words.")
@click.option("--reason", help="Why a label is printed again (kept with the job).")
@json_option
@pass_state
def label(state: CliState, kind: str, label_id: str, fmt: str | None, out: Path | None, printer: str | None,
          dpi: str | None, lang: str | None, reason: str | None, as_json: bool) -> None:
    """Print (or write) the label of a unit (its internal id) or a pallet (SSCC or pallet id)."""
    if out is not None and printer is not None:
        raise InputError("give either --out FILE or --printer NAME, not both")
    printing = state.app.printing
    if out is not None:
        from ..services.labels import pallet_key, unit_key

        fmt = out_format(None if str(out) == "-" else out, fmt)
        key = unit_key(label_id) if kind == "unit" else pallet_key(label_id)
        options = printing.label_options(kind, None, int(dpi) if dpi else None, lang)
        written = _write(out, printing.render_label(kind, key, fmt, options))
        if written != "-":
            emit({"kind": kind, "id": key, "format": fmt, "file": written, **options}, as_json,
                 lambda d: f"wrote the {d['kind']} label of {d['id']} to {d['file']}")
        return
    if dpi is not None:
        raise InputError("--dpi goes with --out; a printer's resolution is in its settings")
    result = printing.print_label(state.actor, kind, label_id, printer, fmt, reason, lang)
    emit(result.as_dict(), as_json, _result_text)


@cli.command()
@click.argument("order_number", metavar="ORDER")
@click.option("--lang", type=click.Choice(["sv", "en"]), help="Language (default: printing.receipt_language).")
@out_option
@printer_option
@click.option("--verify", "qr_text", metavar="TEXT", help="Check a printed receipt's QR code text against the database.")
@json_option
@pass_state
def receipt(state: CliState, order_number: str, lang: str | None, out: Path | None, printer: str | None,
            qr_text: str | None, as_json: bool) -> None:
    """Print (or write) the take-back receipt: final once signed off, provisional before."""
    printing = state.app.printing
    if qr_text is not None:
        if out is not None or printer is not None:
            raise InputError("--verify checks a receipt; it prints nothing")
        check = printing.receipts.verify(order_number, qr_text)
        emit(check, as_json, lambda d: f"receipt {d['receipt']}: {'valid' if d['valid'] else 'NOT valid'} ({d['reason']})")
        if not check["valid"]:
            sys.exit(2)
        return
    if out is not None and printer is not None:
        raise InputError("give either --out FILE or --printer NAME, not both")
    if out is not None:
        if str(out) != "-" and out.suffix.lower() not in ("", ".pdf"):
            raise InputError("a receipt is a PDF; name the file .pdf")
        content = printing.receipt(order_number)
        written = _write(out, printing.render_receipt(order_number, lang))
        if written != "-":
            emit({"order": content.order_number, "receipt": content.number, "final": content.final, "file": written,
                  "pages_of_units": len(content.units), "content_sha256": content.content_sha256}, as_json,
                 lambda d: f"wrote {'the' if d['final'] else 'a provisional'} receipt {d['receipt']} to {d['file']}")
        return
    result = printing.print_receipt(state.actor, order_number, printer, lang)
    emit(result.as_dict(), as_json, _result_text)


@cli.group("print-queue", invoke_without_command=True)
@click.pass_context
def print_queue(ctx: click.Context) -> None:
    """The print queue: jobs waiting, failed or printed (default: list)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(queue_list)


@print_queue.command("list")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES), help="Only jobs with this status.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@json_option
@pass_state
def queue_list(state: CliState, statuses: tuple[str, ...] = (), limit: int = 50, as_json: bool = False) -> None:
    """List jobs, newest first."""
    jobs = [j.as_dict() for j in state.app.printing.spool.jobs(statuses or None, limit)]
    emit(jobs, as_json, lambda js: "\n".join(_job_line(j) for j in js) or "the print queue is empty")


@print_queue.command("retry")
@click.argument("job", required=False)
@click.option("--all", "retry_all", is_flag=True, help="Every waiting and failed job.")
@json_option
@pass_state
def queue_retry(state: CliState, job: str | None, retry_all: bool, as_json: bool) -> None:
    """Try a waiting or failed JOB (id or its first characters) again now, or --all of them."""
    if (job is None) == (not retry_all):
        raise InputError("give a JOB id or --all")
    results = [r.as_dict() for r in state.app.printing.retry(job)]
    emit(results, as_json, lambda rs: "\n".join(_result_text(r) for r in rs) or "nothing to retry")


@print_queue.command("cancel")
@click.argument("jobs", nargs=-1, required=True)
@json_option
@pass_state
def queue_cancel(state: CliState, jobs: tuple[str, ...], as_json: bool) -> None:
    """Cancel waiting or failed JOBS (printed ones cannot be; print the label again instead)."""
    spool = state.app.printing.spool
    ids = [spool.get(j).id for j in jobs]  # resolve all first: one bad id cancels nothing
    done = [spool.cancel(i).as_dict() for i in ids]
    emit(done, as_json, lambda ds: "\n".join(f"cancelled {d['job'][:8]} ({d['kind']} {d['subject']})" for d in ds))


@cli.group(invoke_without_command=True)
@click.pass_context
def printers(ctx: click.Context) -> None:
    """Configured printers and their status (default: list)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(printers_list)


@printers.command("list")
@click.option("--no-status", is_flag=True, help="Do not ask the printers (faster when some are off).")
@json_option
@pass_state
def printers_list(state: CliState, no_status: bool = False, as_json: bool = False) -> None:
    """List printers: driver, address, format, defaults, status, waiting jobs."""
    rows = state.app.printing.printer_list(query=not no_status)

    def text(rs: list[dict[str, Any]]) -> str:
        if not rs:
            return "no printers configured (see README, Printing)"
        return "\n".join(
            f"{r['name']:<16} {r['driver']:<7} {r['format']:<4} {r['status']:<15} {r['address']}"
            + (f"  default for {', '.join(r['default_for'])}" if r["default_for"] else "")
            + (f"  {r['waiting_jobs']} waiting" if r["waiting_jobs"] else "")
            + (f"  ({r['detail']})" if r["detail"] else "") for r in rs)

    emit(rows, as_json, text)


@printers.command("test")
@click.argument("name")
@json_option
@pass_state
def printers_test(state: CliState, name: str, as_json: bool) -> None:
    """Print a test label on printer NAME (a barcode and å ä ö)."""
    result = state.app.printing.test_printer(state.actor, name)
    emit(result.as_dict(), as_json, _result_text)
