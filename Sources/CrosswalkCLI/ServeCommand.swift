import ArgumentParser
import Crosswalk
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve requests as newline-delimited JSON on standard input and output, for GRC platforms not written in Swift.",
        discussion: """
            One JSON request per line in ({"id": 1, "method": "assess", "params": {…}}), one JSON \
            response per line out, in order. Methods: describe, assess, validate, map, coverage. \
            A bad request gets an error response and the server keeps running; it stops at the end \
            of its input. Protocol and JSON Schema: Docs/Protocol.md.
            """)
    @OptionGroup var data: DataOptions
    @Flag(help: "Use standard input and output (the only transport).") var stdio = false
    @Option(name: .customLong("max-request-bytes"), help: ArgumentHelp("The largest request line accepted, in bytes.", valueName: "n"))
    var maxRequestBytes = CrosswalkService.defaultMaxRequestBytes

    func validate() throws {
        guard stdio else { throw ValidationError("say which transport: --stdio (the only one so far)") }
        guard maxRequestBytes >= 1024 else { throw ValidationError("--max-request-bytes must be at least 1024") }
    }

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let service = CrosswalkService(dataset: dataset, limits: data.limits(OrganizationLoader.defaultLimits), maxRequestBytes: maxRequestBytes)
        var lines = LineReader(descriptor: STDIN_FILENO, maxLine: maxRequestBytes)
        while let line = lines.next() {
            switch line {
            case .line(let bytes): writeAll(service.respond(to: bytes))
            case .tooLong(let count): writeAll(service.tooLarge(count))
            }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}

/// Reads lines from a file descriptor, holding at most `maxLine` bytes of one line: a longer
/// line is skipped to its end and reported by its length. Blank lines are skipped; a
/// trailing CR is dropped.
struct LineReader {
    enum Line { case line([UInt8]), tooLong(Int) }

    let descriptor: Int32
    let maxLine: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    private var current: [UInt8] = []
    private var skipped = 0
    private var atEOF = false

    init(descriptor: Int32, maxLine: Int) {
        self.descriptor = descriptor
        self.maxLine = maxLine
    }

    mutating func next() -> Line? {
        while true {
            if start == end {
                if atEOF { return finish() }
                let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { atEOF = true; continue }
                start = 0; end = n
            }
            let newline = buffer[start..<end].firstIndex(of: 0x0A)
            let stop = newline ?? end
            if skipped > 0 {
                skipped += stop - start
            } else {
                current.append(contentsOf: buffer[start..<stop])
                if current.count > maxLine { skipped = current.count; current = [] }
            }
            start = newline.map { $0 + 1 } ?? end
            if newline != nil, let line = finish() { return line }
        }
    }

    /// The line gathered so far, if any, and a fresh start.
    private mutating func finish() -> Line? {
        defer { current = []; skipped = 0 }
        if skipped > 0 { return .tooLong(skipped) }
        if current.last == 0x0D { current.removeLast() }
        if current.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        return .line(current)
    }
}
