internal import CZlib

/// A raw deflate stream (zlib, level 3) with the CRC-32 and size of what went in: the
/// compressed data of one ZIP entry, fed a piece at a time. zlib's output depends only on
/// its input, level and version, so the same part gives the same bytes.
///
/// Level 3, not zlib's default 6: on the worksheets of a 1,000-system workbook (242 MB of
/// SpreadsheetML) it compresses in 1.3 s instead of 3.1 s, for a file 17% larger (25.7 MB
/// instead of 21.9 MB; level 1: 1.0 s, 28.4 MB). Docs/Performance.md.
final class Deflater {
    private var stream = z_stream()
    private(set) var output: [UInt8] = []
    private(set) var crc: UInt32 = 0
    private(set) var inputSize: UInt64 = 0
    private var finished = false

    /// zlib's compression level (see above).
    static let level: Int32 = 3

    init() {
        let status = crosswalk_deflate_init_raw(&stream, Self.level)
        precondition(status == Z_OK, "zlib deflateInit2 failed (\(status))")
    }

    deinit { deflateEnd(&stream) }

    /// Compresses `bytes` (appended to ``output``).
    func write(_ bytes: [UInt8]) {
        precondition(!finished)
        guard !bytes.isEmpty else { return }
        crc = bytes.withUnsafeBufferPointer { UInt32(crc32(UInt(crc), $0.baseAddress, UInt32($0.count))) }
        inputSize += UInt64(bytes.count)
        run(bytes, flush: Z_NO_FLUSH)
    }

    /// Ends the stream; ``output`` is then complete.
    func finish() {
        guard !finished else { return }
        run([], flush: Z_FINISH)
        finished = true
    }

    private func run(_ bytes: [UInt8], flush: Int32) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let (status, produced): (Int32, Int) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let s = deflate(&stream, flush)
                    return (s, out.count - Int(stream.avail_out))
                }
                precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "zlib deflate failed (\(status))")
                output.append(contentsOf: chunk[0..<produced])
                if flush == Z_FINISH { if status == Z_STREAM_END { break } } else if stream.avail_in == 0 && produced < chunk.count { break }
            }
            stream.next_in = nil
        }
    }
}
