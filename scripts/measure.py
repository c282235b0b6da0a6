#!/usr/bin/env python3
"""Score autonews (and the plain-spaCy baseline) on every gold set and print one Markdown table.

    python scripts/measure.py                       # corpus/, eval/heldout_new(2-9), eval/real_wire, ../shared/eval/dev_real
    python scripts/measure.py corpus eval/real_wire  # chosen sets
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractor import build_nlp
from extractor.evaluate import FIELDS, evaluate_gold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [ROOT / "corpus", *(ROOT / "eval" / f"heldout_new{n}" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9")),
                ROOT / "eval" / "real_wire", ROOT.parent / "shared" / "eval" / "dev_real"]


def main(argv: list[str]) -> int:
    sets = [Path(a) for a in argv] or [p for p in DEFAULT_SETS if p.is_dir()]
    nlp = build_nlp()
    header = "| set | " + " | ".join(FIELDS) + " | deal date | deal amount | deal stake |"
    print(header)
    print("|" + "---|" * (len(FIELDS) + 4))
    for folder in sets:
        reports = evaluate_gold(folder, nlp, baseline=True)
        for name, report in reports.items():
            label = folder.name if name == "autonews" else f"{folder.name} (baseline)"
            cells = [f"{report.counts[f].f1:.3f}" for f in FIELDS]
            for attribute in ("date", "amount", "stake"):
                values = report.deal_attributes[attribute]
                cells.append(f"{sum(values) / len(values):.2f} ({len(values)})" if values else "n/a")
            print(f"| {label} ({len(report.articles)}) | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
