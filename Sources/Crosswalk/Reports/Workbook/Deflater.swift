internal import CZlib
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A raw deflate stream (zlib, level 3) with the CRC-32 and size of what went in: the
/// compressed data of one ZIP entry, fed a piece at a time. zlib's output depends only on
/// its input, level and version, so the same part gives the same bytes.
///
/// Level 3, not zlib's default 6: on the worksheets of a 1,000-system workbook (242 MB of
/// SpreadsheetML) it compresses in 1.3 s instead of 3.1 s, for a file 17% larger (25.7 MB
/// instead of 21.9 MB; level 1: 1.0 s, 28.4 MB). Docs/Performance.md.
///
/// The compressed data waits for the entry's header (which states its size and CRC), so it
/// is kept until the ZIP writer takes it: in memory up to ``spillBytes``, beyond that in an
/// anonymous temporary file (a 10,000-system workbook's Gaps sheet is over 100 MB
/// compressed), read back a piece at a time by ``drain(into:)``. The bytes are the same;
/// when no temporary file can be made or written, all of it stays in memory.
final class Deflater {
    private var stream = z_stream()
    /// Compressed bytes not yet moved to ``spill``.
    private var pending: [UInt8] = []
    /// The anonymous temporary file holding the first ``spilled`` compressed bytes, if any.
    private var spill: UnsafeMutablePointer<FILE>?
    private var spilled = 0
    private var spillFailed = false
    private(set) var crc: UInt32 = 0
    private(set) var inputSize: UInt64 = 0
    private var finished = false

    /// zlib's compression level (see above).
    static let level: Int32 = 3
    /// Compressed bytes held in memory before they go to the temporary file.
    static let spillBytes = 8 << 20

    init() {
        let status = crosswalk_deflate_init_raw(&stream, Self.level)
        precondition(status == Z_OK, "zlib deflateInit2 failed (\(status))")
    }

    deinit {
        deflateEnd(&stream)
        if let spill { fclose(spill) }
    }

    /// Compresses `bytes` (appended to ``output``).
    func write(_ bytes: [UInt8]) {
        precondition(!finished)
        guard !bytes.isEmpty else { return }
        crc = bytes.withUnsafeBufferPointer { UInt32(crc32(UInt(crc), $0.baseAddress, UInt32($0.count))) }
        inputSize += UInt64(bytes.count)
        run(bytes, flush: Z_NO_FLUSH)
        spillIfLarge()
    }

    /// Ends the stream; ``output`` is then complete.
    func finish() {
        guard !finished else { return }
        run([], flush: Z_FINISH)
        finished = true
    }

    /// The size of the compressed data so far.
    var compressedSize: Int { spilled + pending.count }

    /// The whole compressed data (read back from the temporary file when spilled).
    var output: [UInt8] {
        var all: [UInt8] = []
        all.reserveCapacity(compressedSize)
        drain { all += $0 }
        return all
    }

    /// Hands the compressed data to `emit`, in order: what went to the temporary file in
    /// pieces of 1 MiB, then what is in memory. It can be drained again.
    func drain(into emit: ([UInt8]) -> Void) {
        if let spill, spilled > 0 {
            readBack(spill) { emit($0) }
        }
        if !pending.isEmpty { emit(pending) }
    }

    /// Reads the first ``spilled`` bytes of the temporary file, in order, and leaves the
    /// file positioned at its end.
    private func readBack(_ file: UnsafeMutablePointer<FILE>, _ body: ([UInt8]) -> Void) {
        fflush(file)
        rewind(file)
        var left = spilled
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while left > 0 {
            let n = piece.withUnsafeMutableBytes { fread($0.baseAddress, 1, min(left, $0.count), file) }
            precondition(n > 0, "the workbook's temporary file could not be read back")
            body(n == piece.count ? piece : Array(piece[..<n]))
            left -= n
        }
        fseek(file, 0, SEEK_END)
    }

    /// Moves ``pending`` to the temporary file once it is large.
    private func spillIfLarge() {
        guard pending.count >= Self.spillBytes, !spillFailed else { return }
        if spill == nil {
            guard let f = tmpfile() else { spillFailed = true; return }
            spill = f
        }
        guard let spill else { return }
        let written = pending.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, spill) }
        if written == pending.count && fflush(spill) == 0 {
            spilled += written
            pending.removeAll(keepingCapacity: true)
            return
        }
        // A short write (disk full): take back what the file holds, keep everything in memory.
        var back: [UInt8] = []
        back.reserveCapacity(spilled + pending.count)
        readBack(spill) { back += $0 }
        fclose(spill)
        self.spill = nil
        spilled = 0
        pending = back + pending
        spillFailed = true
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
                pending.append(contentsOf: chunk[0..<produced])
                if flush == Z_FINISH { if status == Z_STREAM_END { break } } else if stream.avail_in == 0 && produced < chunk.count { break }
            }
            stream.next_in = nil
        }
    }
}
