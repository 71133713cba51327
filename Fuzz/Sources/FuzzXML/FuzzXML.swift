import CLibFuzzer
import _CrosswalkXML

/// Checks the reader's event stream: balanced tags, depth and sizes within the limits.
struct Checker: XMLEventHandler {
    let limits: XMLLimits
    var open: [String] = []
    var elements = 0
    var textRun = 0

    mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {
        open.append(namespace + " " + name)
        elements += 1
        textRun = 0
        precondition(open.count <= limits.maxDepth, "depth \(open.count) beyond the limit")
        precondition(elements <= limits.maxElements, "element count beyond the limit")
        precondition(attributes.count <= limits.maxAttributesPerElement, "attribute count beyond the limit")
        precondition(line >= 1 && column >= 0, "a start tag at \(line):\(column)")
        for a in attributes { precondition(a.value.utf8.count <= limits.maxAttributeBytes, "attribute beyond the limit") }
    }

    mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {
        precondition(open.popLast() == namespace + " " + name, "an end tag that does not match")
        textRun = 0
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        precondition(!open.isEmpty, "text outside the root element")
        textRun += bytes.count
        precondition(textRun <= limits.maxTextBytes, "text run beyond the limit")
    }
}

/// Records events for comparison; text runs whole (libxml2 splits them where chunks end).
struct Recorder: XMLEventHandler {
    var events: [String] = []
    var text: [UInt8] = []

    mutating func flush() {
        if !text.isEmpty { events.append("T" + String(decoding: text, as: UTF8.self)); text.removeAll() }
    }

    mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {
        flush()
        events.append("S{\(namespace)}\(name)@\(line):\(column) " + attributes.map { "\($0.namespace)|\($0.name)=\($0.value)" }.joined(separator: " "))
    }

    mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {
        flush()
        events.append("E{\(namespace)}\(name)@\(line)")
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        text.append(contentsOf: bytes)
    }
}

/// Tight limits, so the fuzzer reaches every limit check with small inputs.
let tight = XMLLimits(maxInputBytes: 3000, maxDepth: 6, maxTextBytes: 48, maxAttributeBytes: 24, maxAttributesPerElement: 4, maxElements: 40)

/// The safe XML reader, streaming and tree-building, under default and tight limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input: [UInt8] = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    func check(_ e: XMLParseError) {
        precondition(!e.message.isEmpty, "an error without a message")
        precondition(e.line >= 0 && e.column >= 0, "a negative location")
    }
    // Streaming, with checks on every event.
    var streamed = true
    for limits in [XMLLimits.default, tight] {
        var checker = Checker(limits: limits)
        do {
            try XMLStreamReader.parse(input, limits: limits, handler: &checker)
            precondition(checker.open.isEmpty && checker.elements > 0, "a successful parse with unbalanced or no elements")
        } catch {
            check(error)
            if limits == .default { streamed = false }
        }
    }
    // The same input fed in small chunks (size from the last byte, 1 to 64), so chunk
    // boundaries fall inside tags, attribute values, references and UTF-8 sequences: it
    // must fail exactly when the input read whole fails, and when neither fails give the
    // same events at the same places. Which error comes first may differ for an input with
    // several faults, and so may the events before it: libxml2's push parser checks some
    // things (UTF-8, the epilogue) as chunks arrive, and hands over the text of an
    // unterminated CDATA section piece by piece. Every consumer drops what it built when
    // the parse fails, so only the outcome matters there.
    if let last = input.last {
        let chunkSize = Int(last % 64) + 1
        var whole = Recorder(), chunked = Recorder()
        var wholeError: XMLParseError?, chunkedError: XMLParseError?
        do { try XMLStreamReader.parse(input, handler: &whole) } catch { wholeError = error }
        var offset = 0
        do {
            try XMLStreamReader.parse(limits: .default, chunkSize: chunkSize, handler: &chunked) { buffer in
                let n = min(buffer.count, input.count - offset)
                if n > 0 { input.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) } }
                offset += n
                return n
            }
        } catch { chunkedError = error }
        whole.flush(); chunked.flush()
        if wholeError == nil && chunkedError == nil && whole.events != chunked.events {
            let i = zip(whole.events, chunked.events).prefix { $0 == $1 }.count
            preconditionFailure("\(chunkSize)-byte chunks gave other events (\(chunked.events.count) against \(whole.events.count)); first difference at \(i): \(i < chunked.events.count ? chunked.events[i] : "none") against \(i < whole.events.count ? whole.events[i] : "none")")
        }
        precondition((wholeError == nil) == (chunkedError == nil),
                     "\(chunkSize)-byte chunks gave another outcome: \(String(describing: chunkedError)) against \(String(describing: wholeError))")
    }
    // The tree: succeeds exactly when streaming did; tight limits never accept more.
    var tree: XMLElement?
    do { tree = try XMLStreamReader.parseTree(input) } catch { check(error) }
    precondition((tree != nil) == streamed, "parse and parseTree disagree")
    if let tightTree = try? XMLStreamReader.parseTree(input, limits: tight) {
        precondition(tightTree == tree, "tight limits gave another tree")
    }
    if let tree { _ = tree.textContent }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzXML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzXML($0, $1) }
}
