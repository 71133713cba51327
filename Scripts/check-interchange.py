#!/usr/bin/env python3
"""Checks Crosswalk's interchange files with the tools that read them (run by the Swift
tests through the venv `.ci/run` creates):

    check-interchange.py oscal ASSESSMENT-RESULTS.json POAM.json
        loads both with compliance-trestle's OSCAL models (pydantic, unknown fields refused)
    check-interchange.py ciso-mapping LIBRARY.yaml...
        loads each with PyYAML and checks the fields CISO Assistant's library importer
        requires (backend/library/utils.py: LibraryImporter, RequirementMappingSetImporter,
        RequirementMappingImporter)
"""
import pathlib, sys

def oscal(ar_path, poam_path):
    from trestle.oscal.assessment_results import AssessmentResults
    from trestle.oscal.poam import PlanOfActionAndMilestones
    ar = AssessmentResults.oscal_read(pathlib.Path(ar_path))
    pm = PlanOfActionAndMilestones.oscal_read(pathlib.Path(poam_path))
    r = ar.results[0]
    print(f"trestle: assessment-results {len(r.observations or [])} observations, {len(r.findings or [])} findings; "
          f"poam {len(pm.poam_items)} items, {len(pm.risks or [])} risks")

def ciso_mapping(paths):
    import yaml
    for p in paths:
        d = yaml.safe_load(open(p, encoding="utf-8"))
        missing = {"ref_id", "urn", "locale", "objects", "version"} - set(d)
        assert not missing, f"{p}: library lacks {missing}"
        sets = d["objects"]["requirement_mapping_sets"]
        assert sets, f"{p}: no requirement_mapping_sets"
        for s in sets:
            missing = {"urn", "name", "source_framework_urn", "target_framework_urn"} - set(s)
            assert not missing, f"{p}: mapping set lacks {missing}"
            assert s["requirement_mappings"], f"{p}: no requirement mappings"
            for m in s["requirement_mappings"]:
                missing = {"target_requirement_urn", "relationship", "source_requirement_urn"} - set(m)
                assert not missing, f"{p}: a mapping lacks {missing}"
                assert m["relationship"] in {"subset", "intersect", "equal", "superset", "not_related"}, m
                assert m.get("rationale") in {None, "syntactic", "semantic", "functional"}, m
                s_ = m.get("strength_of_relationship")
                assert s_ is None or (isinstance(s_, int) and 0 <= s_ <= 10), m
        print(f"yaml: {p}: {sum(len(s['requirement_mappings']) for s in sets)} mappings")

if __name__ == "__main__":
    if sys.argv[1] == "oscal":
        oscal(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "ciso-mapping":
        ciso_mapping(sys.argv[2:])
    else:
        sys.exit(f"unknown check {sys.argv[1]}")
