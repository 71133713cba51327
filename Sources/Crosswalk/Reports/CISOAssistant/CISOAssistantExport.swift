/// Files CISO Assistant imports (`crosswalk export ciso-assistant`; formats and the
/// repository files they were read from: `Docs/Interchange.md`): per framework in scope an
/// audit (compliance-assessment) import, the applied-controls import from the remediation
/// plan, and Crosswalk's crosswalks as requirement-mapping libraries.
package struct CISOAssistantExport: Sendable {
    /// One file to write.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }
    public var files: [File]
    /// Identifiers the CISO Assistant libraries lack, and what stood in for them; mappings left out.
    public var warnings: [String]

    /// The files for `assessment` and the crosswalks of `dataset`.
    public init(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, dataset: Dataset) {
        var files: [File] = []
        var warnings: [String] = []
        for f in assessment.frameworks {
            guard let lib = CISOAssistantLibrary.library(for: f) else {
                warnings.append("no CISO Assistant library is known for \(f); no audit file written for it")
                continue
            }
            let (bytes, w) = CISOComplianceAssessmentCSV.render(assessment, framework: f, library: lib, organization: organization)
            files.append(File(name: "compliance-assessment-\(f.rawValue).csv", bytes: bytes))
            warnings += w
        }
        files.append(File(name: "applied-controls.csv", bytes: CISOAppliedControlsCSV.render(deliverables, assessment: assessment, organization: organization)))
        for c in dataset.collections {
            let (name, bytes, w) = CISOMappingLibrary.render(c, catalogs: dataset.catalogs, asOf: assessment.asOf)
            if let name { files.append(File(name: name, bytes: bytes)) }
            warnings += w
        }
        var seen = Set<String>()
        self.files = files
        self.warnings = warnings.filter { seen.insert($0).inserted }
    }
}
