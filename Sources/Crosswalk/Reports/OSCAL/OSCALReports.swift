import Foundation

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

    /// The JSON pair and the XML pair are two lanes (``ReportBundle/Lane``), so they can be
    /// written at the same time; they share one context (made by whichever lane starts
    /// first, let go when both lanes have written their POA&M), so two lanes at once hold
    /// one context, not two.
    static func files(_ a: Assessment, deliverables d: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance,
                      positions: EvidencePositions? = nil) -> [ReportBundle.File] {
        let positions = positions ?? EvidencePositions(organization)
        let context = SharedContext(users: 2) {
            OSCALContext(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance, positions: positions)
        }
        let json = Shared(context), xml = Shared(context)
        return [
            ReportBundle.File(name: names[0], lane: .oscalJSON) { json.results(last: true).json(emit: $0) },
            ReportBundle.File(name: names[1], lane: .oscalXML) { xml.results(last: true).xml(emit: $0) },
            ReportBundle.File(name: names[2], lane: .oscalJSON) { json.poam(last: true).json(emit: $0) },
            ReportBundle.File(name: names[3], lane: .oscalXML) { xml.poam(last: true).xml(emit: $0) },
        ]
    }

    /// The context of both lanes: made once, under a lock, by the first lane that asks; let
    /// go when every user has said it is done (asked again after that, it is made again:
    /// the same value, so any order of rendering gives the same bytes).
    final class SharedContext: @unchecked Sendable {
        private let lock = NSLock()
        private let make: () -> OSCALContext
        private let users: Int
        private var context: OSCALContext?
        private var finished = 0

        init(users: Int, _ make: @escaping () -> OSCALContext) {
            self.users = users
            self.make = make
        }

        func get() -> OSCALContext {
            lock.withLock {
                if let context { return context }
                let c = make()
                context = c
                return c
            }
        }

        /// One user is done with the context; after the last, it is let go.
        func done() {
            lock.withLock {
                finished += 1
                if finished >= users { context = nil; finished = 0 }
            }
        }
    }

    /// One lane's two document trees, each made on first use; a document's tree is let go
    /// after its last format is asked for, and the lane's hold on the context after the
    /// POA&M's. The files of a lane are produced one after another on one thread.
    final class Shared: @unchecked Sendable {
        private let context: SharedContext
        private var resultsDocument: AssessmentResultsDocument?
        private var poamDocument: POAMDocument?

        init(_ context: SharedContext) { self.context = context }

        func results(last: Bool) -> AssessmentResultsDocument {
            let doc = resultsDocument ?? AssessmentResultsDocument(context: context.get())
            resultsDocument = last ? nil : doc
            return doc
        }

        func poam(last: Bool) -> POAMDocument {
            let doc = poamDocument ?? POAMDocument(context: context.get())
            poamDocument = last ? nil : doc
            if last { context.done() }
            return doc
        }
    }
}
