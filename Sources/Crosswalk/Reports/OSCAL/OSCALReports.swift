/// The OSCAL files `crosswalk assess --out` writes beside the CSV and JSON reports.
///
/// The two files of each format share one ``OSCALContext`` (identities, parties, the evidence
/// register by id). The tree holds
/// only what is small (metadata, the systems, the controls reviewed, back-matter):
/// observations, findings, risks and POA&M items are ``OSCALNode/Content/generated(count:make:)``
/// members, each built when it is written and dropped once its bytes are handed on, so
/// memory does not grow with the number of cells (`Docs/OSCAL.md`, "Size at scale").
enum OSCALReports {
    static let names = ["assessment-results.json", "assessment-results.xml", "poam.json", "poam.xml"]

    /// The JSON pair and the XML pair are two lanes (``ReportBundle/Lane``), each with its own
    /// context, so they can be written at the same time; written one after another, only one
    /// context is held at a time (each is let go after its lane's POA&M).
    static func files(_ a: Assessment, deliverables d: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance,
                      positions: EvidencePositions? = nil) -> [ReportBundle.File] {
        let positions = positions ?? EvidencePositions(organization)
        let make = { OSCALContext(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance, positions: positions) }
        let json = Shared(make), xml = Shared(make)
        return [
            ReportBundle.File(name: names[0], lane: .oscalJSON) { json.results(last: true).json(emit: $0) },
            ReportBundle.File(name: names[1], lane: .oscalXML) { xml.results(last: true).xml(emit: $0) },
            ReportBundle.File(name: names[2], lane: .oscalJSON) { json.poam(last: true).json(emit: $0) },
            ReportBundle.File(name: names[3], lane: .oscalXML) { xml.poam(last: true).xml(emit: $0) },
        ]
    }

    /// The context and the two document trees, each made on first use; a document's tree is
    /// let go after its last format is asked for, and the context after the POA&M's (asked
    /// again, they are made again, so any order of rendering gives the same bytes). The files
    /// of a bundle are produced one after another on one thread; not shared across threads.
    final class Shared: @unchecked Sendable {
        private let make: () -> OSCALContext
        private var context: OSCALContext?
        private var resultsDocument: AssessmentResultsDocument?
        private var poamDocument: POAMDocument?

        init(_ make: @escaping () -> OSCALContext) { self.make = make }

        private func cx() -> OSCALContext {
            if let context { return context }
            let c = make()
            context = c
            return c
        }

        func results(last: Bool) -> AssessmentResultsDocument {
            let doc = resultsDocument ?? AssessmentResultsDocument(context: cx())
            resultsDocument = last ? nil : doc
            return doc
        }

        func poam(last: Bool) -> POAMDocument {
            let doc = poamDocument ?? POAMDocument(context: cx())
            poamDocument = last ? nil : doc
            if last { context = nil }
            return doc
        }
    }
}
