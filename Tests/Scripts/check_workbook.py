"""Checks assessment.xlsx against the CSV reports written beside it, with openpyxl.

Usage: python check_workbook.py DIR   (DIR holds assessment.xlsx and the CSVs of one run)
Prints one line per check and 'workbook ok' at the end; exits non-zero on the first failure.
"""
import csv, datetime, os, sys
import openpyxl

d = sys.argv[1]
wb = openpyxl.load_workbook(os.path.join(d, "assessment.xlsx"))

def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)

def rows(name):
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def unneutralise(s):
    # gaps.csv neutralises formula-like text with a leading apostrophe; the workbook stores text as text.
    return s[1:] if s[:2] in ("'=", "'+", "'-", "'@") else s

def table(ws):
    header = [c.value for c in ws[1]]
    out = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        out.append(dict(zip(header, r)))
    return header, out

soas = [f for f in sorted(os.listdir(d)) if f.startswith("soa-") and f.endswith(".csv")]
# With a baseline (assess --baseline), changes.csv is written and the Changes sheet follows the Summary.
has_changes = os.path.exists(os.path.join(d, "changes.csv"))
expected = ["Summary"] + (["Changes"] if has_changes else []) + ["Actions", "Gaps", "Owners"] + ["SoA ISO " + f[len("soa-iso"):-4] for f in soas] + ["Evidence", "AI register"]
if wb.sheetnames != expected:
    fail(f"sheets {wb.sheetnames} != {expected}")
print("sheets:", ", ".join(wb.sheetnames))

for ws in wb.worksheets:
    if ws.freeze_panes != "A2":
        fail(f"{ws.title}: header row not frozen ({ws.freeze_panes})")
    if not ws["A1"].font.bold:
        fail(f"{ws.title}: header not bold")
    if ws.title != "Summary" and ws.auto_filter.ref is None:
        fail(f"{ws.title}: no autofilter")
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                fail(f"{ws.title}!{c.coordinate} is a formula")
            if isinstance(c.value, str) and len(c.value) > 32767:
                fail(f"{ws.title}!{c.coordinate} longer than Excel allows")
print("every sheet: bold frozen header, no formula, no cell over 32,767 characters")

# Gaps: the rows of gaps.csv, in order, with typed deadlines and credits.
_, gaps = table(wb["Gaps"])
g = rows("gaps.csv")
if len(gaps) != len(g):
    fail(f"Gaps has {len(gaps)} rows, gaps.csv {len(g)}")
dates = 0
for i, (x, c) in enumerate(zip(gaps, g)):
    if (x["Framework"], x["Requirement"], x["System"] or "", x["Status"]) != (c["framework"], c["requirement"], c["system"], c["status"]):
        fail(f"Gaps row {i + 2} differs from gaps.csv: {x['Requirement']} {x['System']} vs {c['requirement']} {c['system']}")
    if c["credit"] == "":
        if x["Credit"] not in (None, ""):
            fail(f"Gaps row {i + 2}: credit {x['Credit']!r} for a cell gaps.csv leaves unscored")
    elif not isinstance(x["Credit"], (int, float)) or abs(x["Credit"] - float(c["credit"])) > 0.005:
        fail(f"Gaps row {i + 2}: credit {x['Credit']!r} vs {c['credit']}")
    if c["deadline"]:
        if not isinstance(x["Deadline"], datetime.datetime) or x["Deadline"].date().isoformat() != c["deadline"]:
            fail(f"Gaps row {i + 2}: deadline {x['Deadline']!r} vs {c['deadline']}")
        dates += 1
    if (x["Title"] or "") != unneutralise(c["title"])[:32767] and len(c["title"]) <= 32767:
        fail(f"Gaps row {i + 2}: title differs")
print(f"Gaps: {len(gaps)} rows = gaps.csv, {dates} typed deadlines")

_, acts = table(wb["Actions"])
r = rows("remediation.csv")
if len(acts) != len(r):
    fail(f"Actions has {len(acts)} rows, remediation.csv {len(r)}")
for x, c in zip(acts, r):
    if (x["Rank"], x["Action"], x["Owner"] or "", x["Gaps closed"], x["Priority"]) != (int(c["rank"]), c["action_id"], c["owner"], int(c["open_cells"]), int(c["priority"])):
        fail(f"Actions row {x['Rank']} differs from remediation.csv")
    if c["deadline"] and x["Deadline"].date().isoformat() != c["deadline"]:
        fail(f"Actions {x['Action']}: deadline {x['Deadline']} vs {c['deadline']}")
    if x["Progress"] != "open":
        fail("Progress does not start at 'open'")
dv = wb["Actions"].data_validations.dataValidation
if not dv or dv[0].type != "list" or dv[0].formula1 != '"open,in progress,done,risk accepted"':
    fail("Actions: no Progress drop-down")
print(f"Actions: {len(acts)} rows = remediation.csv, Progress drop-down")

_, owners = table(wb["Owners"])
o = rows("owners.csv")
if [(x["Group"], x["Owner"] or "", x["Member count"]) for x in owners] != [(c["group_id"], c["owner"], int(c["member_count"])) for c in o]:
    fail("Owners differs from owners.csv")
print(f"Owners: {len(owners)} rows = owners.csv")

for f in soas:
    name = "SoA ISO " + f[len("soa-iso"):-4]
    _, s = table(wb[name])
    c = rows(f)
    if [(x["Control"], x["Applicable"], x["Implementation status"], x["Cells met"]) for x in s] != [(y["control"], y["applicable"], y["implementation_status"], int(y["cells_met"])) for y in c]:
        fail(f"{name} differs from {f}")
    print(f"{name}: {len(s)} rows = {f}")

# Summary: the framework readiness of scores.csv, as percentages.
scores = {(x["scope"], x["key"]): x for x in rows("scores.csv")}
ws = wb["Summary"]
found = 0
for row in ws.iter_rows(values_only=False):
    key = row[0].value
    if ("framework", key) in scores and isinstance(row[1].value, (int, float)) and not isinstance(row[1].value, bool):
        want = float(scores[("framework", key)]["readiness"])
        if abs(row[1].value * 100 - want) > 0.051 or "%" not in row[1].number_format:
            fail(f"Summary {key}: readiness {row[1].value} ({row[1].number_format}) vs {want}")
        found += 1
if found != sum(1 for k in scores if k[0] == "framework"):
    fail(f"Summary shows {found} framework readiness figures")
print(f"Summary: {found} framework readiness percentages = scores.csv")

_, ev = table(wb["Evidence"])
if not any(isinstance(x["Collected"], datetime.datetime) for x in ev):
    fail("Evidence: no typed collection date")
if "yyyy" not in wb["Evidence"]["F2"].number_format.lower() and ev[0]["Collected"] is not None:
    fail("Evidence: collection date without a date format")
_, sy = table(wb["AI register"])
sysrows = [x for x in rows("scores.csv") if x["scope"] == "system"]
if [x["System"] for x in sy] != [x["key"] for x in sysrows]:
    fail("AI register differs from the system scores of scores.csv")
print(f"Evidence: {len(ev)} rows; AI register: {len(sy)} rows = scores.csv")

if has_changes:
    # Changes: the rows of changes.csv, in order; statuses as the CSV spells them (empty: no cell).
    header, ch = table(wb["Changes"])
    if header != ["Change", "Framework", "Requirement", "Title", "System", "System name", "Owner", "Owner name", "Status then", "Status now"]:
        fail(f"Changes header {header}")
    c = rows("changes.csv")
    got = [(x["Change"], x["Framework"], x["Requirement"], x["System"] or "", x["Owner"] or "", x["Status then"] or "", x["Status now"] or "") for x in ch]
    want = [(y["change"], y["framework"], unneutralise(y["requirement"]), unneutralise(y["system"]), unneutralise(y["owner"]), unneutralise(y["old_status"]), unneutralise(y["new_status"])) for y in c]
    if got != want:
        fail(f"Changes differs from changes.csv: {got[:3]} vs {want[:3]}")
    summary = [r[0].value for r in wb["Summary"].iter_rows()]
    if not any(isinstance(v, str) and v.startswith("Since the assessment of ") for v in summary):
        fail("Summary: no block on the changes since the baseline")
    print(f"Changes: {len(ch)} rows = changes.csv; Summary has the comparison")
print("workbook ok")
