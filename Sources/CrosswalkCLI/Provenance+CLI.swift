import Crosswalk
import Foundation
import ArgumentParser

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
        guard let h = FileHandle(forReadingAtPath: path) else { throw UnreadableAgain(path: path) }
        defer { try? h.close() }
        var sha = SHA256()
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty { sha.update(chunk) }
        return FileDigest(kind: .organization, name: path, sha256: sha.finalize().map { String(format: "%02x", $0) }.joined())
    }
}

/// An organisation file that could be parsed but not read again for its SHA-256 (it was
/// removed or made unreadable meanwhile). Said only when the digest is asked for, so a
/// digest read on another thread never prints beside the parser's own error.
struct UnreadableAgain: Error {
    var path: String
    func report() -> ExitCode {
        printError("\(path): error: cannot read the file again to fingerprint it")
        return Exit.ioError
    }
}
