"""Printable certificates and their verification codes.

A code is an HMAC-SHA256 (with the exam key) over what the certificate states: exam, trainee,
name, tier, total and the digest of the hand-in; shown as ``SK-XXXX-XXXX-XXXX-XXXX``. The run's
``certificates.json`` lists every code it issued. :func:`verify` checks a code, or a certificate
file, against those records (and, given the key, the code against the record): a certificate
whose tier, name or total was edited does not match the page the record renders.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from pathlib import Path

from simkit.certify.words import TIER_NAMES
from simkit.scoring.render.html import escape

CODE = re.compile(r"SK(?:-[A-Z2-7]{4}){4}")


def code_for(record: dict, *, key: bytes) -> str:
    """The verification code of a certificate ``record`` (exam_id, trainee, name, tier, total, digest)."""
    fields = {k: record[k] for k in ("exam_id", "trainee", "name", "tier", "total", "digest")}
    mac = hmac.new(key, b"certificate\x1f" + json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8"),
                   hashlib.sha256).digest()
    letters = base64.b32encode(mac).decode("ascii")[:16]
    return "SK-" + "-".join(letters[i:i + 4] for i in range(0, 16, 4))


def render(record: dict) -> str:
    """The certificate page of ``record`` (deterministic: the same record, the same bytes)."""
    zh, en = TIER_NAMES[record["tier"]]
    e = escape
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>Certificate · 证书</title><style>'
        "body{font-family:serif;text-align:center;margin:3em}.box{border:6px double #333;padding:3em}"
        "h1{font-size:2.2em;margin:.2em}.tier{font-size:1.8em;margin:.6em}.code{font-family:monospace;font-size:1.2em}"
        "@media print{body{margin:0}}</style></head><body><div class='box'>\n"
        "<h1>认证证书 · Certificate</h1>\n"
        f"<p>兹证明 · This certifies that</p>\n<h2 data-field='name'>{e(record['name'])}</h2>\n"
        f"<p>({e(record['trainee'])})</p>\n"
        f"<p>通过了 · has passed <b data-field='exam'>{e(record['exam_id'])}</b></p>\n"
        f"<p class='tier' data-field='tier'>{e(zh)} · {e(en)}</p>\n"
        f"<p>总分 · Total: <b data-field='total'>{record['total']:g}</b> / 100</p>\n"
        f"<p>日期 · Date: {e(record['date'])}</p>\n"
        f"<p>验证码 · Verification code: <span class='code' data-field='code'>{e(record['code'])}</span></p>\n"
        "<p><small>simkit certify verify CODE --run RUN_DIR</small></p>\n"
        "</div></body></html>\n")


def load_records(run_dir: Path) -> dict[str, dict]:
    path = Path(run_dir) / "certificates.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def verify(subject: str, *, run_dir: Path, key: bytes | None = None) -> tuple[bool, str]:
    """Check a verification code, or a certificate file, against the run in ``run_dir``.

    Returns:
        ``(ok, message)``: the message names the trainee and tier, or says what does not match.
    """
    run_dir = Path(run_dir)
    if not (run_dir / "certificates.json").is_file():
        return False, f"{run_dir}: not a certification run folder (no certificates.json)"
    records = load_records(run_dir)
    path = Path(subject)
    page = None
    if path.is_file():
        page = path.read_text(encoding="utf-8", errors="replace")
        codes = CODE.findall(page)
        if len(set(codes)) != 1:
            return False, f"{path}: no single verification code in the file"
        code = codes[0]
    else:
        code = subject.strip().upper()
    record = records.get(code)
    if record is None:
        return False, f"{code}: not a code this run issued"
    try:
        result = json.loads((run_dir / "trainees" / record["trainee"] / "result.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, f"{code}: the run's record of {record['trainee']} is missing"
    if result.get("code") != code or result.get("tier") != record["tier"] or result.get("total") != record["total"]:
        return False, f"{code}: the run's records disagree (edited?)"
    if key is not None and code_for(record, key=key) != code:
        return False, f"{code}: the code does not match its record (edited?)"
    if page is not None and page != render(record):
        return False, f"{path}: the certificate was altered (it is not the page the run issued for {code})"
    return True, f"{code}: valid · {record['name']} ({record['trainee']}) · {record['tier']} · {record['total']:g}"
