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
