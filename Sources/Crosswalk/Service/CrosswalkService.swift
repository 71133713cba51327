/// The request/response core of `crosswalk serve --stdio`: one JSON request line in, one
/// JSON response line out (`Docs/Protocol.md`, schema `Docs/Protocol.schema.json`).
///
/// A bad request never stops the service: malformed JSON, an unknown method, bad
/// parameters, hostile or invalid XML and oversized requests each get an error response
/// with a stable code and, for input files, the file, line and column of every problem.
/// Responses are deterministic: the same request gives the same bytes.
///
/// ```swift
/// let service = CrosswalkService(dataset: try Dataset.load())
/// let reply = service.respond(to: Array(#"{"id":1,"method":"map","params":{"requirement":"iso42001:A.6.2.4"}}"#.utf8))
/// ```
package struct CrosswalkService: Sendable {
    /// The methods a request can name.
    public enum Method: String, Sendable, CaseIterable {
        case describe, assess, validate, map, coverage
    }

    /// The version of the line protocol; it changes when a response shape does in a way
    /// that breaks clients.
    public static let protocolVersion = 1
    /// The default largest request line, in bytes (inline organisation files included).
    public static let defaultMaxRequestBytes = 16 << 20

    public let dataset: Dataset
    /// Limits for the files a request names or carries.
    public let limits: InputLimits
    /// The largest request line accepted, in bytes.
    public let maxRequestBytes: Int

    public init(dataset: Dataset, limits: InputLimits = OrganizationLoader.defaultLimits, maxRequestBytes: Int = CrosswalkService.defaultMaxRequestBytes) {
        self.dataset = dataset
        self.limits = limits
        self.maxRequestBytes = maxRequestBytes
    }

    /// The response to one request line (without its line end), as one line ending in `\n`.
    public func respond(to line: [UInt8]) -> [UInt8] {
        if line.count > maxRequestBytes { return tooLarge(line.count) }
        let request: ServiceRequest
        do { request = try ServiceRequest.parse(line) } catch { return Self.failure(id: error.id, error.error) }
        guard let method = Method(rawValue: request.method) else {
            return Self.failure(id: request.id, ServiceError(.unknownMethod, "unknown method '\(request.method)'; one of: \(Method.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        var w = JSONWriter()
        do {
            var result = JSONWriter()
            switch method {
            case .describe: try describe(request.params, into: &result)
            case .assess: try assess(request.params, into: &result)
            case .validate: try validate(request.params, into: &result)
            case .map: try map(request.params, into: &result)
            case .coverage: try coverage(request.params, into: &result)
            }
            w.beginObject()
            w.key("id"); w.value(request.id)
            w.key("result"); w.raw(json: result.bytes)
            w.endObject()
        } catch {
            return Self.failure(id: request.id, error)
        }
        return Self.line(w.bytes)
    }

    /// The response to a request line longer than ``maxRequestBytes`` (whose content is not read).
    public func tooLarge(_ count: Int) -> [UInt8] {
        Self.failure(id: nil, ServiceError(.requestTooLarge, "the request is \(count) bytes, more than the limit of \(maxRequestBytes); send a path instead of inline XML, or start the server with a larger --max-request-bytes"))
    }

    static func failure(id: JSONNode?, _ error: ServiceError) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.value(id)
        w.key("error"); w.beginObject()
        w.field("code", error.code.rawValue)
        w.field("message", error.message)
        w.key("diagnostics"); w.beginArray()
        for d in error.diagnostics { w.diagnostic(d) }
        w.endArray()
        w.endObject()
        w.endObject()
        return line(w.bytes)
    }

    /// The writer's layout on one line: its only raw line feeds are layout (strings escape
    /// theirs), so dropping each with the indentation after it keeps the JSON the same.
    static func line(_ pretty: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pretty.count)
        var i = 0
        while i < pretty.count {
            if pretty[i] == 0x0A {
                i += 1
                while i < pretty.count, pretty[i] == 0x20 { i += 1 }
                continue
            }
            out.append(pretty[i])
            i += 1
        }
        out.append(0x0A)
        return out
    }
}

extension JSONWriter {
    /// Writes a request's id back as given (null when there was none).
    mutating func value(_ node: JSONNode?) {
        guard let node else { null(); return }
        switch node.value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): raw(json: Array(n.utf8))
        case .string(let s): string(s)
        case .array(let items): beginArray(); for i in items { value(i) }; endArray()
        case .object(let members): beginObject(); for m in members { key(m.key); value(m.value) }; endObject()
        }
    }
}
