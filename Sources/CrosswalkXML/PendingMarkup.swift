internal import CLibXML2

extension ParserState {
    /// Stops the parse when libxml2 buffers more unfinished markup than
    /// ``XMLLimits/maxPendingBytes``.
    ///
    /// libxml2's push parser holds a start tag (or comment, or processing instruction)
    /// until its end arrives, and only then reports it; a start tag with an 80 MB attribute
    /// would be buffered whole before ``XMLLimits/maxAttributeBytes`` could be checked.
    /// Called after each chunk, this bounds what is buffered to the limit plus one chunk.
    mutating func checkPendingMarkup() {
        guard error == nil, let context else { return }
        let pending = crosswalk_pending(context)
        guard pending > limits.maxPendingBytes else { return }
        var prefix: [UInt8] = []
        if let start = crosswalk_pendingStart(context) {
            for i in 0..<min(Int(pending), 9) { prefix.append(start[i]) }
        }
        let what: String
        let kind: XMLParseError.Kind
        if prefix.starts(with: Array("<!--".utf8)) {
            (kind, what) = (.textTooLong, "a comment")
        } else if prefix.starts(with: Array("<![CDATA[".utf8)) {
            (kind, what) = (.textTooLong, "a CDATA section")
        } else if prefix.starts(with: Array("<?".utf8)) {
            (kind, what) = (.textTooLong, "a processing instruction")
        } else if prefix.first == UInt8(ascii: "<") {
            (kind, what) = (.attributeTooLong, "a start tag (an attribute value is too long, or the tag is never closed)")
        } else {
            (kind, what) = (.textTooLong, "unfinished markup")
        }
        fail(kind, "\(what) runs on for more than \(limits.maxPendingBytes) bytes; attribute values are limited to \(limits.maxAttributeBytes) bytes and text runs to \(limits.maxTextBytes): shorten it, close it, or raise the limits")
    }
}
