import Foundation

/// The process's memory now, for the `rss` line of `--stage`: resident set (`VmRSS`), its
/// peak so far (`VmHWM`) and, where glibc provides `mallinfo2`, the bytes the allocator has
/// handed out and not taken back (live heap; freed memory may stay resident).
struct MemorySample {
    var rss = 0, peak = 0, heap: Int?

    static func now() -> MemorySample {
        var s = MemorySample()
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let parts = line.split(omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
                guard parts.count >= 2, let kb = Int(parts[1]) else { continue }
                if parts[0] == "VmRSS:" { s.rss = kb * 1024 }
                if parts[0] == "VmHWM:" { s.peak = kb * 1024 }
            }
        }
        s.heap = liveHeap()
        return s
    }

    /// `mallinfo2().uordblks + hblkhd` (glibc ≥ 2.33, x86-64 and arm64 only: the struct
    /// is returned through a hidden pointer, called here as a function taking that pointer).
    static func liveHeap() -> Int? {
        #if os(Linux) && (arch(x86_64))
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallinfo2") else { return nil }
        typealias F = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?
        let f = unsafeBitCast(sym, to: F.self)
        var fields = [Int](repeating: 0, count: 10)
        fields.withUnsafeMutableBytes { _ = f($0.baseAddress!) }
        return fields[4] + fields[7]  // hblkhd (mmapped) + uordblks (in use)
        #else
        return nil
        #endif
    }

    /// `ingest=412/420/398` (MB: resident/peak/live heap).
    func field(_ name: String) -> String {
        "\(name)=\(mb(rss))/\(mb(peak))" + (heap.map { "/" + mb($0) } ?? "")
    }
}
