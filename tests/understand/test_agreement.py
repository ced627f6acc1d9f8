"""scripts/agreement.py: Cohen's kappa per label between the two labellers of the agreement sample."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("agreement", ROOT / "scripts" / "agreement.py")
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)


def test_kappa_of_known_tables():
    assert agreement.kappa([True, False, True, False], [True, False, True, False]) == 1.0
    # 2x2 table a=20 b=5 c=10 d=15 (n=50): p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4
    a = [True] * 25 + [False] * 25
    b = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    assert round(agreement.kappa(a, b), 6) == 0.4
    assert agreement.kappa([False, False], [False, False]) is None


def test_every_sampled_line_is_paired_with_labeller_a():
    pairs = agreement.load_pairs(agreement.EVAL / "agreement-labeller-b.jsonl")
    assert len(pairs) == 300
    unlabelled = (agreement.EVAL / "agreement-unlabelled.jsonl").read_text(encoding="utf-8").splitlines()
    import json
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in unlabelled}
    assert all(a["text"] == texts[pid] for pid, a, _b in pairs)
    result = agreement.report(pairs)
    assert set(result["by_lang"]) == {"zh", "en", "all"}
