import Foundation

/// Stages of a long run on standard error, on one line rewritten in place, only when
/// standard error is a terminal: a pipe or a file gets nothing extra.
final class Progress {
    private let enabled = isatty(STDERR_FILENO) != 0
    private var shown = false
    private let start = Date()

    /// Shows `text` (replacing the previous stage).
    func stage(_ text: String) {
        guard enabled else { return }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)… \(seconds)s".utf8))
        shown = true
    }

    /// A percentage display for a stage (`reading org.xml 42%…`), or nil when standard error
    /// is not a terminal. Safe to call from any thread; calls come one at a time.
    static func percent(_ label: String) -> (@Sendable (Double) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { fraction in
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(label) \(Int(fraction * 100))%…".utf8))
        }
    }

    /// Clears the line.
    func done() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        shown = false
    }
}
