/// One request of the line protocol (`Docs/Protocol.md`): `{"id": …, "method": …, "params": {…}}`.
struct ServiceRequest: Sendable {
    /// The request id as written (a string, a number or null), echoed in the response;
    /// nil when the request gave none.
    var id: JSONNode?
    var method: String
    var params: ServiceParams

    /// Reads one request line. A line that is not a JSON object with a string `method`
    /// throws, with the id if one could be read.
    static func parse(_ line: [UInt8]) throws(RequestFailure) -> ServiceRequest {
        let value: JSONNode
        do { value = try JSONReader(maxBytes: .max, maxDepth: 64).parse(line, file: "request") } catch {
            throw RequestFailure(id: nil, error: ServiceError(.requestMalformed, "the request is not valid JSON: \(error.message) (column \(error.location.column)); send one JSON object per line"))
        }
        guard case .object(let members) = value.value else {
            throw RequestFailure(id: nil, error: ServiceError(.requestMalformed, "the request is \(value.kind); send a JSON object {\"id\": …, \"method\": …, \"params\": {…}}"))
        }
        var id: JSONNode?
        if let given = value["id"] {
            switch given.value {
            case .string, .number, .null: id = given
            default: throw RequestFailure(id: nil, error: ServiceError(.requestMalformed, "the request id is \(given.kind); use a string, a number or null"))
            }
        }
        for (name, _) in members.map({ ($0.key, $0.value) }) where !["id", "method", "params", "jsonrpc"].contains(name) {
            throw RequestFailure(id: id, error: ServiceError(.requestMalformed, "unknown request member '\(name)'; a request has id, method and params"))
        }
        guard let method = value["method"]?.string else {
            throw RequestFailure(id: id, error: ServiceError(.requestMalformed, "the request has no string 'method'; one of: \(CrosswalkService.Method.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let params = value["params"] ?? JSONNode(value: .object([]), offset: 0)
        guard case .object = params.value else {
            throw RequestFailure(id: id, error: ServiceError(.invalidParams, "'params' is \(params.kind); it must be an object"))
        }
        return ServiceRequest(id: id, method: method, params: ServiceParams(value: params))
    }
}

/// A request that cannot be served, with the id to answer it under.
struct RequestFailure: Error, Sendable {
    var id: JSONNode?
    var error: ServiceError
}

/// A request's parameters, read strictly: every name must be known to the method, and each
/// value must have the type the method expects.
struct ServiceParams: Sendable {
    var value: JSONNode

    /// Refuses any parameter not in `known`.
    func only(_ known: [String]) throws(ServiceError) {
        guard case .object(let members) = value.value else { return }
        for (name, _) in members.map({ ($0.key, $0.value) }) where !known.contains(name) {
            throw .params("unknown parameter '\(name)'; this method takes \(known.joined(separator: ", "))")
        }
    }

    func string(_ name: String) throws(ServiceError) -> String? {
        guard let v = value[name], !v.isNull else { return nil }
        guard let s = v.string else { throw .params("'\(name)' is \(v.kind); it must be a string") }
        return s
    }

    func requiredString(_ name: String) throws(ServiceError) -> String {
        guard let s = try string(name) else { throw .params("missing parameter '\(name)'") }
        return s
    }

    func bool(_ name: String, default fallback: Bool) throws(ServiceError) -> Bool {
        guard let v = value[name], !v.isNull else { return fallback }
        guard let b = v.bool else { throw .params("'\(name)' is \(v.kind); it must be true or false") }
        return b
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(ServiceError) -> Int? {
        guard let v = value[name], !v.isNull else { return nil }
        guard let n = v.int, range.contains(n) else { throw .params("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }

    func strings(_ name: String) throws(ServiceError) -> [String]? {
        guard let v = value[name], !v.isNull else { return nil }
        guard case .array(let items) = v.value else { throw .params("'\(name)' is \(v.kind); it must be an array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.string else { throw .params("'\(name)' holds \(item.kind); it must be an array of strings") }
            out.append(s)
        }
        return out
    }

    /// A document given inline (`{"xml": "…", "name": "org.xml"}`) or by path (`{"path": "…"}`).
    func document(_ name: String, maxBytes: Int) throws(ServiceError) -> InputFile? {
        guard let v = value[name], !v.isNull else { return nil }
        guard case .object(let members) = v.value else { throw .params("'\(name)' is \(v.kind); give {\"xml\": \"…\"} or {\"path\": \"…\"}") }
        for (key, _) in members.map({ ($0.key, $0.value) }) where !["xml", "path", "name"].contains(key) {
            throw .params("unknown member '\(key)' in '\(name)'; give {\"xml\": \"…\", \"name\": \"…\"} or {\"path\": \"…\"}")
        }
        switch (v["xml"]?.string, v["path"]?.string, v["xml"] == nil, v["path"] == nil) {
        case (let xml?, nil, false, true):
            let label = v["name"]?.string ?? "<\(name)>"
            return InputFile(path: label, bytes: Array(xml.utf8))
        case (nil, let path?, true, false):
            do { return try InputFile.read(path, maxBytes: maxBytes) } catch { throw ServiceError(error) }
        default:
            throw .params("'\(name)' needs exactly one of \"xml\" (the document as a string) or \"path\" (a file the server can read)")
        }
    }
}
