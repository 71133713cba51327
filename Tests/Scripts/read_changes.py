"""Reads what assessment.xlsx says about the changes since a baseline, with openpyxl, for
the Swift tests to check: the Changes sheet (header, rows, cell types) and the Summary
sheet's comparison block.

Usage: python read_changes.py DIR   (DIR holds the assessment.xlsx of `assess --baseline`)
Prints one JSON object: {"sheets", "header", "rows", "types", "status_fills", "summary" (the rows from the comparison block to the end of the sheet)}.
"""
import json, os, sys
import openpyxl

wb = openpyxl.load_workbook(os.path.join(sys.argv[1], "assessment.xlsx"))
ws = wb["Changes"]
cells = list(ws.iter_rows())
out = {
    "sheets": wb.sheetnames,
    "frozen": ws.freeze_panes,
    "autofilter": ws.auto_filter.ref,
    "header": [c.value for c in cells[0]],
    "rows": [[c.value if c.value is not None else "" for c in r] for r in cells[1:]],
    # openpyxl's data type of every cell: "s" text, "n" number, "f" formula.
    "types": sorted({c.data_type for r in cells for c in r if c.value is not None}),
    # The fill of the status cells (columns I and J), to check they are coloured like the Gaps sheet.
    "status_fills": sorted({(c.value, c.fill.fgColor.rgb) for r in cells[1:] for c in r[8:10] if c.value}),
}
summary, inside = [], False
for r in wb["Summary"].iter_rows(values_only=True):
    first = r[0]
    if isinstance(first, str) and first.startswith("Since the assessment of "):
        inside = True
    if inside:
        summary.append([v if v is not None else "" for v in r[:6]])
out["summary"] = summary
print(json.dumps(out, default=str))
