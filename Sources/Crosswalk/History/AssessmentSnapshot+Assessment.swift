extension AssessmentSnapshot {
    /// The snapshot of an assessment held in memory: the values ``init(_:file:reader:)``
    /// would read back from the `assessment.json` that ``AssessmentJSON`` writes for the
    /// same assessment, deliverables, organisation and provenance (owners joined as in the
    /// file, readiness rounded to its four decimals), without writing or parsing the file.
    /// `assess --baseline` compares with it, so the comparison equals that of
    /// `crosswalk diff OLD NEW/assessment.json`.
    /// - Parameter file: the name the comparison shows for the new assessment (the path of
    ///   its `assessment.json`, when one is written).
    /// - Complexity: O(cells + evidence).
    public init(_ a: Assessment, deliverables d: Deliverables, organization: Organization, provenance: Provenance, file: String) {
        self.file = file
        self.organization = a.organization
        asOf = a.asOf
        frameworks = a.frameworks
        let join = CellJoin(deliverables: d, organization: organization)
        cells = a.cells.map { c in
            CellRecord(requirement: c.requirement, system: c.system, status: c.status.rawValue, reasonCode: c.reason.code,
                       owner: join.owner(c).person, evidence: c.evidence, deadline: c.deadline)
        }
        // As written (four decimals) and read back.
        scores = a.scores.map { s in
            ScoreRecord(scope: s.scope.rawValue, key: s.key, readiness: s.isScored ? Double(JSONWriter.numberText(s.readiness, decimals: 4)) : nil,
                        assessedCells: s.assessedCells)
        }
        let register = organization.evidence
        evidence = register.indices.map { i in
            EvidenceRecord(id: register.id(i), title: register.title(i), owner: register.owner(i), status: register.status(i).rawValue, expires: register.expires(i))
        }
        // The file lists organisation files first; the reader sorts them by kind.
        let files = provenance.organizationFiles + provenance.referenceFiles
        self.provenance = Provenance(crosswalkVersion: provenance.crosswalkVersion, asOf: provenance.asOf,
                                     organizationFiles: files.filter { $0.kind == .organization }, referenceFiles: files.filter { $0.kind != .organization })
    }
}
