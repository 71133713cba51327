/// A minimal ZIP archive writer for the workbook: entries deflated, in the order added,
/// every timestamp 1980-01-01 00:00, so the same parts give the same bytes.
///
/// Each entry's bytes are handed to `emit` as soon as it is added; only the central
/// directory is kept until ``finish()``. Archives or entries over 4 GiB (ZIP64) are not
/// written (a sheet holds at most 1,048,576 rows, and compressed a few hundred MB at most).
struct ZipWriter {
    private struct Entry { var name: [UInt8]; var crc: UInt32; var compressed: UInt32; var size: UInt32; var offset: UInt32 }
    private var entries: [Entry] = []
    private var offset: UInt64 = 0
    private let emit: ([UInt8]) -> Void

    /// MS-DOS date of 1980-01-01 and time 00:00:00.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    private static let dosTime: UInt16 = 0

    init(emit: @escaping ([UInt8]) -> Void) { self.emit = emit }

    /// Adds a file named `name` (ASCII path inside the archive) holding `data`, deflated.
    mutating func add(_ name: String, _ data: [UInt8]) {
        let d = Deflater()
        d.write(data)
        add(name, d)
    }

    /// Adds a file named `name` whose deflated data is in `d` (finished here if it is not yet).
    mutating func add(_ name: String, _ d: Deflater) {
        d.finish()
        let compressed = d.compressedSize
        precondition(offset + UInt64(compressed) + 1024 < UInt64(UInt32.max) && d.inputSize < UInt64(UInt32.max),
                     "the workbook would exceed 4 GiB (ZIP64 is not written)")
        let nameBytes = Array(name.utf8)
        var h: [UInt8] = []
        h.le32(0x04034b50); h.le16(20); h.le16(0); h.le16(8); h.le16(Self.dosTime); h.le16(Self.dosDate)
        h.le32(d.crc); h.le32(UInt32(compressed)); h.le32(UInt32(d.inputSize)); h.le16(UInt16(nameBytes.count)); h.le16(0)
        h += nameBytes
        entries.append(Entry(name: nameBytes, crc: d.crc, compressed: UInt32(compressed), size: UInt32(d.inputSize), offset: UInt32(offset)))
        emit(h)
        // In pieces: a large sheet's data comes back from the deflater's temporary file.
        d.drain(into: emit)
        offset += UInt64(h.count + compressed)
    }

    /// Writes the central directory and its end record.
    mutating func finish() {
        var cd: [UInt8] = []
        for e in entries {
            cd.le32(0x02014b50); cd.le16(20); cd.le16(20); cd.le16(0); cd.le16(8); cd.le16(Self.dosTime); cd.le16(Self.dosDate)
            cd.le32(e.crc); cd.le32(e.compressed); cd.le32(e.size); cd.le16(UInt16(e.name.count)); cd.le16(0); cd.le16(0)
            cd.le16(0); cd.le16(0); cd.le32(0); cd.le32(e.offset)
            cd += e.name
        }
        var end: [UInt8] = []
        end.le32(0x06054b50); end.le16(0); end.le16(0); end.le16(UInt16(entries.count)); end.le16(UInt16(entries.count))
        end.le32(UInt32(cd.count)); end.le32(UInt32(offset)); end.le16(0)
        emit(cd + end)
        offset += UInt64(cd.count + end.count)
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP uses it.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 { update(0, data) }

    /// The CRC of the bytes behind `crc` followed by `data`.
    static func update(_ crc: UInt32, _ data: [UInt8]) -> UInt32 {
        var c: UInt32 = crc ^ 0xFFFFFFFF
        table.withUnsafeBufferPointer { t in
            for b in data { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFFFFFF
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}
