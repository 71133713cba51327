/// Why a service request failed: a stable code (the codes of `Docs/Errors.md`), a message
/// that says what to fix, and the diagnostics behind it (file, line and column for input
/// files, the column in the request line for malformed JSON).
struct ServiceError: Error, Sendable {
    var code: CrosswalkError.Code
    var message: String
    var diagnostics: [Diagnostic] = []

    init(_ code: CrosswalkError.Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    init(_ error: CrosswalkError) {
        self.init(error.code, error.message, diagnostics: error.diagnostics)
    }

    static func params(_ message: String) -> ServiceError { ServiceError(.invalidParams, message) }
}

extension JSONWriter {
    /// `{"severity": …, "code": …, "message": …, "file": …, "line": …, "column": …}`.
    mutating func diagnostic(_ d: Diagnostic) {
        beginObject()
        field("severity", d.severity.rawValue)
        field("code", d.code.rawValue)
        field("message", d.message)
        field("file", d.location.file)
        field("line", d.location.line)
        field("column", d.location.column)
        endObject()
    }
}
