import Foundation

/// Per evidence id, the position of its first item in the organisation's register: made on
/// first use and shared by every report of a bundle. The tables (`gaps.csv`), the two OSCAL
/// lanes and the workbook and report each used to build a map of their own (with a copy
/// of every title), four maps of a million ids at 10,000 systems; now one, of positions
/// only: titles and dates are read from the register when a row is written.
package final class EvidencePositions: @unchecked Sendable {
    private let lock = NSLock()
    private let organization: Organization
    private var made: [String: Int32]?

    package init(_ organization: Organization) { self.organization = organization }

    /// The map, made on the first call (by whichever lane asks first; the others wait).
    package var map: [String: Int32] {
        lock.withLock {
            if let made { return made }
            let evidence = organization.evidence
            var m: [String: Int32] = [:]
            m.reserveCapacity(evidence.count)
            for i in evidence.indices { let id = evidence.id(i); if m[id] == nil { m[id] = Int32(i) } }
            made = m
            return m
        }
    }
}
