import Crosswalk

/// Checks what every thrown error must be: non-empty, coded, explained, and placed in
/// the file that was read. A violation traps, so libFuzzer records the input.
public func checkError(_ error: CrosswalkError, file: String) {
    precondition(!error.diagnostics.isEmpty, "an error with no diagnostics")
    precondition(error.diagnostics.contains { $0.severity == .error }, "an error without an error diagnostic: \(error)")
    for d in error.diagnostics {
        precondition(!d.code.rawValue.isEmpty, "a diagnostic without a code: \(d)")
        precondition(!d.message.isEmpty, "a diagnostic without a message: \(d)")
        precondition(d.location.file == file, "a diagnostic placed in another file: \(d)")
        precondition(d.location.line >= 0 && d.location.column >= 0, "a negative location: \(d)")
    }
    precondition(error.diagnostics.count <= 201, "more diagnostics than the cap: \(error.diagnostics.count)")
}

/// Warnings returned beside a result must be warnings (or notes), never errors.
public func checkWarnings(_ warnings: [Diagnostic], file: String) {
    for w in warnings {
        precondition(w.severity != .error, "an error returned as a warning: \(w)")
        precondition(w.location.file == file, "a warning placed in another file: \(w)")
    }
}

/// The input as an array (libFuzzer's buffer is only valid during the call).
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The repository's root, found from this file's place (Fuzz/Sources/FuzzSupport/).
public let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}()

/// The bundled reference data, loaded once per process.
public let bundledDataset: Dataset = {
    do { return try Dataset.bundled() } catch { fatalError("bundled data failed to load: \(error)") }
}()
