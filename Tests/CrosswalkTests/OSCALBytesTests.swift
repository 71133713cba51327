import Foundation
import Testing
@testable import Crosswalk

/// The OSCAL documents are written a piece at a time (observations, findings, risks and
/// POA&M items built as they are written, one context shared by the four files): these
/// tests hold their bytes to the SHA-256 recorded before that design
/// (`Fixtures/golden/oscal.sha256`, re-recorded with `CROSSWALK_RECORD=1`), and check the
/// streamed pieces against the whole.
@Suite("OSCAL bytes")
struct OSCALBytesTests {
    /// The four OSCAL files of an organisation file, rendered as `assess --out` renders them.
    static func oscal(_ relative: String?) throws -> [(name: String, bytes: [UInt8])] {
        if relative == nil { return SampleReports.files.filter { OSCALReports.names.contains($0.name) } }
        let file = try InputFile.read(Repo.path(relative!))
        let (org, _) = try OrganizationLoader.load(file.bytes, file: relative!, catalogs: Shared.dataset.catalogs)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let p = Provenance(a, dataset: Shared.dataset, organizationFiles: [FileDigest(kind: .organization, name: relative!, bytes: file.bytes)])
        return ReportBundle.render(a, deliverables: d, organization: org, dataset: Shared.dataset, provenance: p).filter { OSCALReports.names.contains($0.name) }
    }

    @Test func theDocumentsKeepTheirBytes() throws {
        var lines = ""
        for (label, file) in [("sample", nil), ("two-systems", "Fixtures/interchange/two-systems.xml"), ("history-after", "Fixtures/history/after.xml")] as [(String, String?)] {
            let files = try Self.oscal(file)
            #expect(files.map(\.name) == OSCALReports.names)
            for f in files {
                var sha = SHA256()
                sha.update(f.bytes)
                lines += "\(sha.finalize().map { String(format: "%02x", $0) }.joined())  \(label)/\(f.name)\n"
            }
        }
        try expectGolden(Array(lines.utf8), "oscal.sha256")
    }

    @Test func piecesMakeTheWhole() throws {
        let (org, d) = try SampleDeliverables.get
        for f in OSCALReports.files(SampleGoldenTests.assessment, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: SampleReports.provenance) {
            var pieces: [[UInt8]] = []
            f.stream { pieces.append($0) }
            #expect(pieces.joined().elementsEqual(f.render()), "\(f.name)")
            #expect(Array(pieces.joined()) == SampleReports.file(f.name), "\(f.name)")
        }
    }
}
