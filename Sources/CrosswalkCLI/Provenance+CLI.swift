import Crosswalk
import Foundation

extension AssessmentOptions_ {
    /// The SHA-256 of the organisation file (or the bundled sample) and of any inventory or
    /// evidence CSV, each read again a piece at a time (memory stays flat on large files).
    func organizationDigests() throws -> [FileDigest] {
        var out: [FileDigest] = []
        if let file {
            out.append(try digest(file))
        } else {
            let sample = try reportingErrors { try BundledData.sampleOrganization() }
            out.append(FileDigest(kind: .organization, name: sample.path, bytes: sample.bytes))
        }
        for path in [systemsCSV, evidenceCSV, decisionsCSV, ownersCSV].compactMap({ $0 }) { out.append(try digest(path)) }
        return out
    }

    private func digest(_ path: String) throws -> FileDigest {
        guard let h = FileHandle(forReadingAtPath: path) else {
            printError("\(path): error: cannot read the file again to fingerprint it")
            throw Exit.ioError
        }
        defer { try? h.close() }
        var sha = SHA256()
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty { sha.update(chunk) }
        return FileDigest(kind: .organization, name: path, sha256: sha.finalize().map { String(format: "%02x", $0) }.joined())
    }
}
