import Foundation

/// Files whose SHA-256 is computed on first use, then kept: ``Dataset/sources``.
///
/// Hashing the bundled catalogues and crosswalks (about 0.8 MB) was a fifth of start-up;
/// only a run that writes provenance (`assessment.json`, `crosswalk diff`) needs the
/// digests. Safe to share between threads: the first caller computes under a lock.
final class PendingDigests: @unchecked Sendable {
    struct File: Sendable {
        var kind: FileDigest.Kind
        var name: String
        var subject: String
        var bytes: [UInt8]
    }

    private let lock = NSLock()
    /// The files until they are hashed (then released).
    private var files: [File]
    private var computed: [FileDigest]?

    init(_ files: [File]) { self.files = files }

    /// One digest per file, in the order given.
    var digests: [FileDigest] {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let out = files.map { FileDigest(kind: $0.kind, name: $0.name, subject: $0.subject, bytes: $0.bytes) }
        computed = out
        files = []
        return out
    }
}
