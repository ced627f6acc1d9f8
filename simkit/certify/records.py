"""Finish a run folder from its per-trainee records: cohort checks, tiers, certificates, feedback, export.

Both a run and ``simkit certify merge`` end here, so that shards merged give what one run gives:
everything that depends on the whole cohort (lines copied between trainees, the counts) is
worked out again from the trainees' folders. The folder follows docs/run-layout.md.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from simkit.certify import certificate, feedback
from simkit.certify.assignment import TIERS, ExamRules
from simkit.certify.conversations import signature_review, similar_pairs, taught_lines
from simkit.certify.words import HOLDS, NOTES, review_item
from simkit.safeio import atomic_write_text
from simkit.scoring.batch import csv_cell
from simkit.scoring.rubric import DIMENSIONS
from simkit.ui.dashboard_data import write_index

FORMAT = 1
COLUMNS = ("trainee", "name", "store", "team", "tier", "total", "notebook_score", "notebook_max",
           "conversation_score", "conversations_passed", "conversations", "review", "review_codes",
           *(f"dim_{d}" for d in DIMENSIONS), "code")
ROSTER_COLUMNS = ("trainee", "name", "store", "team")


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def read_roster(path: Path | None) -> dict[str, dict[str, str]]:
    """``{trainee: {name, store, team}}`` from a roster CSV (header: trainee,name,store,team)."""
    if path is None or not Path(path).is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["trainee"].strip(): {k: (row.get(k) or "").strip() for k in ROSTER_COLUMNS[1:]}
                for row in csv.DictReader(f) if (row.get("trainee") or "").strip()}


#: The trainer's file in a run folder: trainees whose similar lines a trainer checked and released,
#: one id per line, ``#`` starts a comment (``alice  # own notes, checked 2 Dec``).
RELEASED = "released.txt"


def read_released(path: Path) -> set[str]:
    """Trainee ids in a :data:`RELEASED` file (none when there is no such file)."""
    if not path.is_file():
        return set()
    ids = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return {i for i in ids if i}


def needs_look(result: dict) -> bool:
    """Whether a trainee's result has a review entry a trainer still has to look at."""
    return any(r["code"] not in NOTES for r in result["review"])


def results(run_dir: Path) -> list[dict]:
    """Every trainee's ``result.json`` in ``run_dir``, by trainee id."""
    found = []
    for path in sorted((Path(run_dir) / "trainees").glob("*/result.json")):
        found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def finish(run_dir: Path, *, rules: ExamRules, exam_id: str, lang: str, key: bytes, meta: dict,
           cards: dict[tuple[str, str], object], roster: dict[str, dict[str, str]],
           progress=lambda line: None) -> dict:
    """Complete ``run_dir`` (see the module docstring) and return its ``run.json``.

    Args:
        cards: ``{(trainee, transcript name): Scorecard}`` for the feedback pages.
        meta: ``simkit_version``, ``analyzer``, ``engine`` for run.json, and ``gradebook``
            (``{"url": SQLAlchemy URL without its password, "assignment": id}``) when known.
    """
    run_dir = Path(run_dir)
    everyone = results(run_dir)
    lines = {}
    for result in everyone:
        for conv in result["conversations"]:
            if conv.get("counted"):
                transcript = json.loads((run_dir / "trainees" / result["trainee"] / conv["file"]).read_text("utf-8"))
                lines[(result["trainee"], conv["scenario"])] = [t["trainee"] for t in transcript["turns"]]
    similar = similar_pairs(lines, taught_lines())
    released = read_released(run_dir / RELEASED)
    cohort = [r["trainee"] for r in everyone]
    for result in everyone:
        _recheck_signatures(run_dir, result, cohort=cohort, key=key, exam_id=exam_id)
    previous = _read(run_dir / "run.json")
    created = previous.get("created") or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    issued, rows = {}, []
    for result in everyone:
        trainee = result["trainee"]
        similar_code = "similar-lines-released" if trainee in released else "similar-lines"
        result["review"] = [r for r in result["review"] if not r["code"].startswith("similar-lines")]
        result["review"] += [review_item(similar_code, other) for other in sorted(similar.get(trainee, ()))]
        person = roster.get(trainee, {})
        folder = run_dir / "trainees" / trainee
        held = any(r["code"] in HOLDS for r in result["review"])
        if result["tier"] != "fail" and not held:
            record = {"exam_id": exam_id, "trainee": trainee, "name": person.get("name") or trainee,
                      "tier": result["tier"], "total": result["total"], "digest": result["digest"],
                      "date": created[:10]}
            record["code"] = certificate.code_for(record, key=key)
            atomic_write_text(folder / "certificate.html", certificate.render(record))
            issued[record["code"]] = record
            result["certificate"], result["code"] = "certificate.html", record["code"]
        else:
            (folder / "certificate.html").unlink(missing_ok=True)  # one this run issued before: not a trainer's file
            result["certificate"], result["code"] = None, None
        page = feedback.render(result, lang=lang, cards=[cards.get((trainee, c["file"].split("/")[-1]))
                                                         for c in result["conversations"]])
        if feedback.leaks(page, meta["hidden_lines"]):
            result["review"].append(review_item("feedback-withheld"))
            page = feedback.render({**result, "notebook": {**result["notebook"], "messages": {}, "answers": []}},
                                   lang=lang, cards=[])
        atomic_write_text(folder / "feedback.html", page)
        write_json(folder / "result.json", result)
        rows.append(_row(result, person, folder))
        progress(f"finish {trainee}: {result['tier']} {result['total']:g}")
    write_json(run_dir / "certificates.json", issued)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([csv_cell(row.get(c)) for c in COLUMNS] for row in rows)
    atomic_write_text(run_dir / "export.csv", out.getvalue())
    tiers = {t: sum(1 for r in everyone if r["tier"] == t) for t in TIERS}
    run = {"format": FORMAT, "exam_id": exam_id, "created": created, "simkit_version": meta["simkit_version"],
           "analyzer": meta["analyzer"], "engine": meta["engine"], "scenarios": list(rules.scenarios),
           "tiers": tiers, "review": sum(1 for r in everyone if needs_look(r)), "trainees": len(everyone),
           "lang": lang, "certificates": len(issued), "shard": meta.get("shard")}
    if meta.get("gradebook"):
        run["gradebook"] = meta["gradebook"]  # where the dashboard reads the notebook grades
    write_json(run_dir / "run.json", run)
    atomic_write_text(run_dir / "summary.txt", summary_text(run, everyone))
    write_index(run_dir)  # the cohort dashboard's summaries, read once here rather than on every page
    return run


def _recheck_signatures(run_dir: Path, result: dict, *, cohort: list[str], key: bytes, exam_id: str) -> None:
    """Say again, over the whole cohort, whose transcript an invalid one is (shards see part of it)."""
    from simkit.transcript import Transcript

    for conv in result["conversations"]:
        if conv["signature"] != "invalid":
            continue
        name = conv["file"].split("/")[-1]
        transcript = Transcript.load(run_dir / "trainees" / result["trainee"] / conv["file"])
        fresh = signature_review(transcript, name=name, trainee=result["trainee"], cohort=cohort, key=key,
                                 exam_id=exam_id)
        result["review"] = [fresh if r["code"] in ("signature-invalid", "copied-transcript")
                            and r["detail"].split(" ← ")[0] == name else r for r in result["review"]]


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _row(result: dict, person: dict, folder: Path) -> dict:
    counted = [c for c in result["conversations"] if c.get("counted")]
    dims: dict[str, list[float]] = {}
    for conv in counted:
        card = json.loads((folder / conv["scorecard"]).read_text(encoding="utf-8"))
        for dim in card["dimensions"]:
            if dim["applicable"]:
                dims.setdefault(dim["name"], []).append(dim["points"])
    row = {"trainee": result["trainee"], **person, "tier": result["tier"], "total": f"{result['total']:g}",
           "notebook_score": f"{result['notebook']['score']:g}", "notebook_max": f"{result['notebook']['max']:g}",
           "conversation_score": f"{result['conversation_score']:g}",
           "conversations_passed": sum(1 for c in counted if c["passed"]),
           "conversations": len(result["conversations"]), "review": len(result["review"]),
           "review_codes": " ".join(sorted({r["code"] for r in result["review"]})), "code": result["code"] or ""}
    for name, points in dims.items():
        row[f"dim_{name}"] = f"{sum(points) / len(points):g}"
    return row


def summary_text(run: dict, everyone: list[dict]) -> str:
    """The end-of-run summary: counts by tier and who needs a manual look, and why (zh and en)."""
    counts = " · ".join(f"{tier} {run['tiers'][tier]}" for tier in TIERS)
    out = [f"simkit certify {run['exam_id']}: {run['trainees']} trainees · {counts} · "
           f"{run['certificates']} certificates",
           f"需要人工查看 / need a manual look: {run['review']}"]
    for result in everyone:
        for item in result["review"]:
            if item["code"] not in NOTES:
                out.append(f"  {result['trainee']}: {item['code']}: {item['reason_en']} / {item['reason_zh']}")
    released = [r["trainee"] for r in everyone if any(i["code"] in NOTES for i in r["review"])]
    if released:
        out.append(f"培训师已放行 / released by a trainer ({RELEASED}): {', '.join(released)}")
    return "\n".join(out) + "\n"
