internal import CLibXML2

/// libxml2 is initialised once per process (idempotent, and what libxml2 asks of every
/// multithreaded user). Nothing else process-wide is touched: the safety settings live in
/// each parser context of ours (options, and SAX handlers that refuse every DTD, entity and
/// external resource), and libxml2's generic error output is silenced only on the parsing
/// thread, only while our parse runs, so another libxml2 user in the same process (FoundationXML
/// among them) keeps its own entity loader and error handlers.
/// `xmlCleanupParser()` is never called: it breaks later parses in the same process.
private let libxmlReady: Void = {
    xmlInitParser()
}()

/// A streaming, hostile-input-safe XML reader over libxml2's SAX2 push parser.
///
/// Safety comes from what is left off and from checks of our own:
/// - no `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR`, `HUGE`; `XML_PARSE_NONET` on;
/// - any DOCTYPE stops the parse at once (this also defeats billion-laughs and
///   quadratic blow-up, which libxml2 2.9.14 does not fully stop by itself);
/// - entity references other than the five predefined ones are errors;
/// - input size, depth, text length, attribute length and count, and element count
///   are bounded by ``XMLLimits``.
public enum XMLStreamReader {
    /// Parses `bytes`, feeding every event to `handler`.
    ///
    /// - Throws: ``XMLParseError`` with the line and column of the first fault.
    public static func parse<H: XMLEventHandler>(
        _ bytes: UnsafeRawBufferPointer, limits: XMLLimits = .default, handler: inout H
    ) throws(XMLParseError) {
        var adapter = StringEventAdapter(handler: handler)
        defer { handler = adapter.handler }
        try parseEvents(bytes, limits: limits, handler: &adapter)
    }

    /// Parses a byte array. See ``parse(_:limits:handler:)-(UnsafeRawBufferPointer,_,_)``.
    public static func parse<H: XMLEventHandler>(
        _ bytes: [UInt8], limits: XMLLimits = .default, handler: inout H
    ) throws(XMLParseError) {
        let result: Result<Void, XMLParseError> = bytes.withUnsafeBytes { raw in
            do throws(XMLParseError) {
                try parse(raw, limits: limits, handler: &handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Parses `bytes`, feeding every event to `handler` as bytes (no `String` per event).
    ///
    /// - Throws: ``XMLParseError`` with the line and column of the first fault.
    public static func parseEvents<H: XMLRawEventHandler>(
        _ bytes: UnsafeRawBufferPointer, limits: XMLLimits = .default, handler: inout H
    ) throws(XMLParseError) {
        _ = libxmlReady
        if bytes.count > limits.maxInputBytes {
            throw tooLarge(bytes.count, limits)
        }
        if bytes.isEmpty {
            throw XMLParseError(.empty, "the file is empty; expected an XML document", line: 1, column: 1)
        }
        var offset = 0
        try withState(limits: limits, handler: &handler) { (state) throws(XMLParseError) in
            try run(state: state) {
                guard offset < bytes.count else { return nil }
                let length = min(defaultChunkSize, bytes.count - offset)
                defer { offset += length }
                return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
            }
        }
    }

    /// Parses the bytes `read` delivers, a piece at a time, so a file of any size is read
    /// in constant memory. `read` fills as much of the buffer as it can and returns the
    /// number of bytes written, 0 at the end of the input. (A caller that hits an I/O
    /// error records it, returns 0, and prefers its own error to the one thrown here.)
    ///
    /// - Throws: ``XMLParseError`` with the line and column of the first fault.
    public static func parseEvents<H: XMLRawEventHandler>(
        limits: XMLLimits = .default, handler: inout H, read: (UnsafeMutableRawBufferPointer) -> Int
    ) throws(XMLParseError) {
        try parseEvents(limits: limits, chunkSize: defaultChunkSize, handler: &handler, read: read)
    }

    /// ``parseEvents(limits:handler:read:)`` feeding libxml2 `chunkSize` bytes at a time
    /// (the tests and the xml fuzz target use small chunks to put chunk boundaries
    /// everywhere).
    public static func parseEvents<H: XMLRawEventHandler>(
        limits: XMLLimits, chunkSize: Int, handler: inout H, read: (UnsafeMutableRawBufferPointer) -> Int
    ) throws(XMLParseError) {
        precondition(chunkSize > 0)
        _ = libxmlReady
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        try withState(limits: limits, handler: &handler) { (state) throws(XMLParseError) in
            try run(state: state) { () throws(XMLParseError) in
                var filled = 0
                while filled < chunkSize {
                    let n = read(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    if n <= 0 { break }
                    filled += n
                }
                total += filled
                if total > limits.maxInputBytes { throw tooLarge(total, limits) }
                return filled == 0 ? nil : UnsafeRawBufferPointer(rebasing: buffer[0..<filled])
            }
        }
    }

    /// ``parseEvents(limits:chunkSize:handler:read:)`` for a `String` handler.
    public static func parse<H: XMLEventHandler>(
        limits: XMLLimits, chunkSize: Int, handler: inout H, read: (UnsafeMutableRawBufferPointer) -> Int
    ) throws(XMLParseError) {
        var adapter = StringEventAdapter(handler: handler)
        defer { handler = adapter.handler }
        try parseEvents(limits: limits, chunkSize: chunkSize, handler: &adapter, read: read)
    }

    private static func tooLarge(_ count: Int, _ limits: XMLLimits) -> XMLParseError {
        XMLParseError(
            .inputTooLarge,
            "input is \(count) bytes, more than the limit of \(limits.maxInputBytes); split the file or raise the input-size limit",
            line: 0, column: 0)
    }

    static let defaultChunkSize = 1 << 20

    private static func withState<H: XMLRawEventHandler>(
        limits: XMLLimits, handler: inout H, _ body: (UnsafeMutablePointer<ParserState>) throws(XMLParseError) -> Void
    ) throws(XMLParseError) {
        try withUnsafeMutablePointer(to: &handler) { (handlerPointer) throws(XMLParseError) in
            var state = ParserState(limits: limits, handler: UnsafeMutableRawPointer(handlerPointer), dispatch: RawDispatch(H.self))
            try withUnsafeMutablePointer(to: &state) { (statePointer) throws(XMLParseError) in
                try body(statePointer)
            }
        }
    }

    /// Feeds the chunks `next` returns to a push parser until it returns nil.
    private static func run(state: UnsafeMutablePointer<ParserState>, next: () throws(XMLParseError) -> UnsafeRawBufferPointer?) throws(XMLParseError) {
        // The first bytes, gathered across chunks, are checked for their encoding before
        // libxml2 sees any of them. `rest` is the unread part of the chunk that completed
        // them (valid until `next` is called again).
        var head: [UInt8] = []
        var rest: UnsafeRawBufferPointer?
        while head.count < EncodingGate.headBytes, let c = try next() {
            let take = min(EncodingGate.headBytes - head.count, c.count)
            head.append(contentsOf: UnsafeRawBufferPointer(rebasing: c[0..<take]))
            if take < c.count { rest = UnsafeRawBufferPointer(rebasing: c[take...]); break }
        }
        guard !head.isEmpty else {
            throw XMLParseError(.empty, "the file is empty; expected an XML document", line: 1, column: 1)
        }
        if let problem = head.withUnsafeBytes({ EncodingGate.problem($0) }) { throw problem }
        // libxml2 keeps its generic error handler per thread: silence it here, for this parse only.
        let savedErrors = crosswalk_silenceGenericErrors()
        defer { crosswalk_restoreGenericErrors(savedErrors) }
        var sax = makeSAXHandler()
        let first = min(4, head.count)
        let created = head.withUnsafeBytes { h in
            xmlCreatePushParserCtxt(&sax, UnsafeMutableRawPointer(state), h.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(first), nil)
        }
        guard let ctxt = created else {
            throw XMLParseError(.malformed, "libxml2 could not create a parser (out of memory?)", line: 0, column: 0)
        }
        defer { xmlFreeParserCtxt(ctxt) }
        state.pointee.context = ctxt
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        _ = xmlCtxtUseOptions(ctxt, options)

        // libxml2 2.9's push parser misses a "]]>" in text when a chunk ends inside it: it
        // looks past the end of the chunk, finds no "]]>" and takes the "]" as text, so the
        // same file would be refused or accepted depending on where the chunks fall (found
        // by the xml fuzz target). No chunk handed to it ends with "]": up to two trailing
        // "]" are held back and sent with the next chunk.
        var carry: [UInt8] = []
        func send(_ c: UnsafeRawBufferPointer) {
            var n = c.count
            while n > 0, c.count - n < 2, c[n - 1] == UInt8(ascii: "]") { n -= 1 }
            if n > 0 { _ = xmlParseChunk(ctxt, c.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(n), 0) }
            carry = Array(c[n...])
            state.pointee.checkPendingMarkup()
        }
        func feed(_ c: UnsafeRawBufferPointer) {
            if carry.isEmpty { send(c); return }
            let joined = carry + c
            joined.withUnsafeBytes { send($0) }
        }
        head.withUnsafeBytes { feed(UnsafeRawBufferPointer(rebasing: $0[first...])) }
        if let rest, !state.pointee.failed { feed(rest) }
        while !state.pointee.failed, let c = try next() {
            feed(c)
        }
        if !state.pointee.failed, !carry.isEmpty {
            carry.withUnsafeBytes { _ = xmlParseChunk(ctxt, $0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count), 0) }
        }
        if !state.pointee.failed {
            _ = xmlParseChunk(ctxt, nil, 0, 1)
        }
        if let error = state.pointee.error { throw error }
        if ctxt.pointee.wellFormed == 0 {
            throw XMLParseError(.malformed, "the document is not well-formed XML", line: Int(crosswalk_line(ctxt)), column: Int(crosswalk_column(ctxt)))
        }
        if state.pointee.depth != 0 || state.pointee.elementCount == 0 {
            throw XMLParseError(.truncated, "the document ends before its root element is closed; the file is truncated", line: Int(crosswalk_line(ctxt)), column: Int(crosswalk_column(ctxt)))
        }
    }
}

/// Calls into a handler of a type known only where the parse starts (the C callbacks
/// cannot be generic): through the handler's metatype, that is its protocol witnesses, with
/// no closure context to retain and release at each event.
struct RawDispatch {
    let type: any XMLRawEventHandler.Type

    init<H: XMLRawEventHandler>(_ type: H.Type) { self.type = type }

    @inline(__always)
    func start(_ h: UnsafeMutableRawPointer, _ e: XMLRawElement, _ c: inout XMLStreamControl) { type.dispatchStart(h, e, &c) }

    @inline(__always)
    func end(_ h: UnsafeMutableRawPointer, _ n: UnsafeBufferPointer<UInt8>, _ ns: UnsafeBufferPointer<UInt8>, _ line: Int, _ c: inout XMLStreamControl) {
        type.dispatchEnd(h, n, ns, line, &c)
    }

    @inline(__always)
    func characters(_ h: UnsafeMutableRawPointer, _ b: UnsafeRawBufferPointer, _ c: inout XMLStreamControl) { type.dispatchCharacters(h, b, &c) }
}

extension XMLRawEventHandler {
    static func dispatchStart(_ h: UnsafeMutableRawPointer, _ e: XMLRawElement, _ c: inout XMLStreamControl) {
        h.assumingMemoryBound(to: Self.self).pointee.startElement(e, control: &c)
    }

    static func dispatchEnd(_ h: UnsafeMutableRawPointer, _ n: UnsafeBufferPointer<UInt8>, _ ns: UnsafeBufferPointer<UInt8>, _ line: Int, _ c: inout XMLStreamControl) {
        h.assumingMemoryBound(to: Self.self).pointee.endElement(name: n, namespace: ns, line: line, control: &c)
    }

    static func dispatchCharacters(_ h: UnsafeMutableRawPointer, _ b: UnsafeRawBufferPointer, _ c: inout XMLStreamControl) {
        h.assumingMemoryBound(to: Self.self).pointee.characters(b, control: &c)
    }
}

/// The parse's state, reached from the C callbacks through a pointer to this struct
/// (not a class: no retain/release per callback).
struct ParserState {
    let limits: XMLLimits
    let handler: UnsafeMutableRawPointer
    let dispatch: RawDispatch
    var context: xmlParserCtxtPtr?
    var control = XMLStreamControl()
    var error: XMLParseError?
    var failed: Bool { error != nil }
    var depth = 0
    var elementCount = 0
    var textBytes = 0

    init(limits: XMLLimits, handler: UnsafeMutableRawPointer, dispatch: RawDispatch) {
        self.limits = limits
        self.handler = handler
        self.dispatch = dispatch
    }

    var line: Int { Int(crosswalk_line(context)) }
    var column: Int { Int(crosswalk_column(context)) }

    /// Records the first error and stops libxml2.
    mutating func fail(_ kind: XMLParseError.Kind, _ message: String) {
        fail(XMLParseError(kind, message, line: line, column: column))
    }

    mutating func fail(_ error: XMLParseError) {
        if self.error == nil { self.error = error }
        if let context { xmlStopParser(context) }
    }

    mutating func checkHandlerStop() {
        if let stop = control.stopError { fail(stop) }
    }
}

@inline(__always)
private func state(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ParserState> {
    ctx.unsafelyUnwrapped.assumingMemoryBound(to: ParserState.self)
}

@inline(__always)
private func string(_ p: UnsafePointer<xmlChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}

private func makeSAXHandler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)

    sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
        let s = state(ctx)
        if s.pointee.failed { return }
        s.pointee.depth += 1
        s.pointee.elementCount += 1
        s.pointee.textBytes = 0
        let limits = s.pointee.limits
        if s.pointee.depth > limits.maxDepth {
            s.pointee.fail(.tooDeep, "elements nest deeper than \(limits.maxDepth) levels; flatten the document or raise the depth limit")
            return
        }
        if s.pointee.elementCount > limits.maxElements {
            s.pointee.fail(.tooManyElements, "more than \(limits.maxElements) elements; split the file or raise the element limit")
            return
        }
        let count = Int(nbAttributes)
        if count > limits.maxAttributesPerElement {
            s.pointee.fail(.tooManyAttributes, "element <\(string(localname))> has \(count) attributes, more than the limit of \(limits.maxAttributesPerElement)")
            return
        }
        if count > 0, let attributes {
            for i in 0..<count {
                let a = attributes + i * 5
                guard let valueStart = a[3], let valueEnd = a[4] else { continue }
                let length = valueEnd - valueStart
                if length > limits.maxAttributeBytes {
                    s.pointee.fail(.attributeTooLong, "attribute '\(string(a[0]))' is \(length) bytes, more than the limit of \(limits.maxAttributeBytes)")
                    return
                }
            }
        }
        let element = XMLRawElement(
            name: .cString(localname), namespace: .cString(uri), line: s.pointee.line, column: s.pointee.column,
            attributeTable: count > 0 ? UnsafePointer(attributes) : nil, attributeCount: count)
        s.pointee.dispatch.start(s.pointee.handler, element, &s.pointee.control)
        s.pointee.checkHandlerStop()
    }

    sax.endElementNs = { ctx, localname, _, uri in
        let s = state(ctx)
        if s.pointee.failed { return }
        s.pointee.depth -= 1
        s.pointee.textBytes = 0
        s.pointee.dispatch.end(s.pointee.handler, .cString(localname), .cString(uri), s.pointee.line, &s.pointee.control)
        s.pointee.checkHandlerStop()
    }

    let characters: charactersSAXFunc = { ctx, ch, len in
        let s = state(ctx)
        if s.pointee.failed { return }
        guard let ch, len > 0 else { return }
        s.pointee.textBytes += Int(len)
        if s.pointee.textBytes > s.pointee.limits.maxTextBytes {
            s.pointee.fail(.textTooLong, "a text run is longer than \(s.pointee.limits.maxTextBytes) bytes; shorten it or raise the text limit")
            return
        }
        s.pointee.dispatch.characters(s.pointee.handler, UnsafeRawBufferPointer(start: ch, count: Int(len)), &s.pointee.control)
        s.pointee.checkHandlerStop()
    }
    sax.characters = characters
    sax.cdataBlock = characters
    sax.ignorableWhitespace = characters

    // Any DTD is refused at once: internal subset, external subset, declarations.
    sax.internalSubset = { ctx, name, _, _ in
        state(ctx).pointee.fail(.doctype, "a DOCTYPE declaration (<!DOCTYPE \(string(name)) …>) is not allowed: Crosswalk never reads DTDs or entities; remove the DOCTYPE")
    }
    sax.externalSubset = { ctx, name, _, _ in
        state(ctx).pointee.fail(.doctype, "a DOCTYPE declaration (<!DOCTYPE \(string(name)) …>) is not allowed: Crosswalk never reads DTDs or entities; remove the DOCTYPE")
    }
    sax.entityDecl = { ctx, name, _, _, _, _ in
        state(ctx).pointee.fail(.doctype, "an entity declaration (\(string(name))) is not allowed; remove the DOCTYPE and its entities")
    }
    sax.getEntity = { ctx, name in
        state(ctx).pointee.fail(.entityReference, "entity reference '&\(string(name));' is not allowed; only &amp; &lt; &gt; &quot; &apos; and character references may be used")
        return nil
    }
    sax.getParameterEntity = { ctx, name in
        state(ctx).pointee.fail(.entityReference, "parameter entity '%\(string(name));' is not allowed; remove the DOCTYPE")
        return nil
    }
    sax.reference = { ctx, name in
        state(ctx).pointee.fail(.entityReference, "entity reference '&\(string(name));' is not allowed; only &amp; &lt; &gt; &quot; &apos; and character references may be used")
    }
    sax.resolveEntity = { ctx, _, systemId in
        state(ctx).pointee.fail(.entityReference, "external entity '\(string(systemId))' is not allowed; Crosswalk never loads external resources")
        return nil
    }
    sax.serror = { ctx, errorPointer in
        guard let ctx, let e = errorPointer?.pointee else { return }
        let s = state(ctx)
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var text = e.message.map { String(cString: $0) } ?? "XML error"
        while text.last == "\n" || text.last == " " { text.removeLast() }
        let kind: XMLParseError.Kind
        switch Int(e.code) {
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            kind = .entityReference
            text += "; only &amp; &lt; &gt; &quot; &apos; and character references may be used"
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            kind = .empty
        case Int(XML_ERR_DOCUMENT_END.rawValue), Int(XML_ERR_TAG_NOT_FINISHED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue):
            kind = .malformed
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
            kind = .malformed
            text += "; the file must be UTF-8 encoded XML"
        default:
            kind = .malformed
        }
        let line = e.line > 0 ? Int(e.line) : s.pointee.line
        let column = e.int2 > 0 ? Int(e.int2) : s.pointee.column
        s.pointee.fail(XMLParseError(kind, "not well-formed XML: \(text)", line: line, column: column))
    }
    return sax
}

extension String {
    /// Replaces each `&#38;` with `&`.
    func replacingAmpersandReferences() -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: "&#38;") {
            out += rest[..<r.lowerBound]
            out += "&"
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        var i = startIndex
        while i < endIndex {
            if self[i...].utf8.starts(with: n) {
                return i..<utf8.index(i, offsetBy: n.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
