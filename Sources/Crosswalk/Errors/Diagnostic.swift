/// A finding about an input: an error that makes it unusable, or a warning worth reading.
///
/// Loaders collect every diagnostic in a file (up to a cap) instead of stopping at the
/// first, so one run shows the user everything to fix.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is: errors stop a load, warnings do not.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note
        private var rank: Int { switch self { case .error: 0; case .warning: 1; case .note: 2 } }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var code: CrosswalkError.Code
    /// What is wrong and how to fix it.
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: CrosswalkError.Code, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message [code]`, the form compilers use.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}

/// Collects diagnostics while a file loads.
struct DiagnosticLog: Sendable {
    static let cap = 200
    let file: String
    private(set) var items: [Diagnostic] = []
    private(set) var dropped = 0

    init(file: String) { self.file = file }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Whether another diagnostic would still be kept (not only counted), so that costly
    /// message parts ("did you mean") are worked out only for problems that are shown.
    var hasRoom: Bool { items.count < Self.cap }

    mutating func error(_ code: CrosswalkError.Code, _ message: String, line: Int, column: Int = 0) {
        add(Diagnostic(.error, code, message, at: SourceLocation(file: file, line: line, column: column)))
    }

    mutating func error(_ code: CrosswalkError.Code, _ message: String, at location: SourceLocation) {
        add(Diagnostic(.error, code, message, at: location))
    }

    mutating func warning(_ code: CrosswalkError.Code, _ message: String, line: Int, column: Int = 0) {
        add(Diagnostic(.warning, code, message, at: SourceLocation(file: file, line: line, column: column)))
    }

    mutating func add(_ d: Diagnostic) {
        if items.count < Self.cap { items.append(d); return }
        dropped += 1
        // An error is never crowded out by warnings (else a file with 200 warnings and then
        // an error would load): it takes the place of the last warning kept.
        if d.severity == .error, let i = items.lastIndex(where: { $0.severity != .error }) {
            items.remove(at: i)
            items.append(d)
        }
    }

    /// Throws every error collected, if there is one.
    func throwIfErrors() throws(CrosswalkError) {
        guard hasErrors else { return }
        var all = items
        if dropped > 0 {
            all.append(Diagnostic(.note, .tooManyErrors, "\(dropped) more problems not shown; fix these and run again", at: SourceLocation(file: file)))
        }
        throw CrosswalkError(diagnostics: all)
    }
}
