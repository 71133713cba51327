import Foundation
import Testing
@testable import Crosswalk

/// Nothing lost: an output folder that cannot be written, and a run killed mid-write,
/// leave the previous reports as they were and no temporary file behind.
@Suite("Nothing lost")
struct InterruptedWriteTests {
    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "crosswalk-lost-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    // MARK: Unwritable output

    @Test func aFolderThatIsAFileIsAnIOError() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/plain"
        try AtomicFile.write(Array("keep".utf8), to: file)
        // The parent of the target is a regular file: works as root too, where modes do not stop writes.
        let e = try #require(expectCrosswalkError { try AtomicFile.write(Array("new".utf8), to: file + "/gaps.csv") })
        #expect(e.code == .ioError && e.location.file == file + "/gaps.csv" && e.message.contains("Not a directory"), "\(e)")
        #expect(try InputFile.read(file).bytes == Array("keep".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["plain"])
        // A pseudo-filesystem that refuses new files.
        #expect(expectCrosswalkError { try AtomicFile.write(Array("new".utf8), to: "/proc/self/crosswalk-gaps.csv") }?.code == .ioError)
    }

    @Test func aReadOnlyFolderIsAnIOErrorAndKeepsThePreviousFile() throws {
        // Root ignores permission bits; /proc/self (above) and a file as parent cover root.
        guard geteuid() != 0 else { return }
        let dir = try Self.scratch()
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(Array("previous".utf8), to: dir + "/gaps.csv")
        #expect(chmod(dir, 0o555) == 0)
        let e = try #require(expectCrosswalkError { try AtomicFile.write(Array("new".utf8), to: dir + "/gaps.csv") })
        #expect(e.code == .ioError && e.message.contains("Permission denied"))
        #expect(try InputFile.read(dir + "/gaps.csv").bytes == Array("previous".utf8))
    }

    @Test func theCLIReportsAnUnwritableOutputFolder() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(Array("a file".utf8), to: dir + "/out")
        let r = try Child.run([CLITests.binary, "assess", "--out", dir + "/out/reports"])
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains(dir + "/out/reports") && r.err.contains("[io-error]"), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out"])
    }

    // MARK: Interrupted by a signal

    /// The bundled sample with 30 copies of each AI system: ~2 MB of gaps.csv.
    static func largeOrganization() throws -> [UInt8] {
        let text = try Repo.text("Fixtures/sample/insurer.xml")
        let open = text.range(of: "<systems>")!, close = text.range(of: "</systems>")!
        let block = String(text[open.upperBound..<close.lowerBound])
        var copies = ""
        for k in 1...30 { copies += block.replacingOccurrences(of: "<system id=\"", with: "<system id=\"C\(k)-") }
        var out = text
        out.insert(contentsOf: copies, at: close.lowerBound)
        return Array(out.utf8)
    }

    /// Runs `crosswalk assess` and stops it the moment a temporary report file appears,
    /// sends `signal`, and lets it go on. Returns nil when the write finished before the
    /// process could be stopped (the caller tries again).
    func interruptedRun(signal: Int32, org: String, out: String) throws -> (caught: String, result: Child.Result)? {
        var pid: pid_t = 0
        let argv: [String] = [CLITests.binary, "assess", org, "--out", out]
        var cArgs = argv.map { (s: String) -> UnsafeMutablePointer<CChar>? in strdup(s) }
        cArgs.append(nil)
        defer { for p in cArgs { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A test runner started in the background may ignore SIGINT, and a child inherits that:
        // give the child the default actions, as a command run from a terminal has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let spawned = posix_spawn(&pid, CLITests.binary, &actions, &attributes, &cArgs, environ)
        guard spawned == 0 else {
            Issue.record("cannot start \(CLITests.binary): \(spawned)")
            return nil
        }
        var caught: String?
        var status: Int32 = 0
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let temp = try FileManager.default.contentsOfDirectory(atPath: out).first(where: { $0.contains(".tmp-") }) {
                kill(pid, SIGSTOP)
                // Wait until it has stopped (the signal is asynchronous), or has ended.
                if waitpid(pid, &status, WUNTRACED) == pid && status & 0x7f != 0x7f { break }
                // Stopped: is the temporary file still there, that is, is the write unfinished?
                if FileManager.default.fileExists(atPath: out + "/" + temp) { caught = temp; kill(pid, signal) }
                kill(pid, SIGCONT)
                break
            }
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || r < 0 { return nil }
            usleep(200)
        }
        if caught == nil && ContinuousClock.now >= deadline { kill(pid, SIGKILL) }
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        guard let caught else { return nil }
        let exited = status & 0x7f == 0
        return (caught, Child.Result(status: exited ? (status >> 8) & 0xff : -1, signal: exited ? 0 : status & 0x7f, err: "", maxRSSBytes: 0))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidWriteKeepsThePreviousReportsAndRemovesTheTemporaryFile(signal: Int32) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let org = dir + "/org.xml", out = dir + "/out"
        try AtomicFile.write(try Self.largeOrganization(), to: org)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let previous = Array("previous report\n".utf8)
        // The complete reports, from a run left alone.
        let reference = dir + "/reference"
        let full = try Child.run([CLITests.binary, "assess", org, "--out", reference])
        #expect(full.status == 0, "\(full.err)")
        var attempt = 0
        while attempt < 5 {
            attempt += 1
            for name in ["gaps.csv", "scores.csv"] { try AtomicFile.write(previous, to: out + "/" + name) }
            guard let (caught, result) = try interruptedRun(signal: signal, org: org, out: out) else { continue }
            // Killed by the signal itself (the handler re-raises it), not an exit code.
            #expect(result.signal == signal, "exit \(result.status), signal \(result.signal)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(files == ["gaps.csv", "scores.csv"], "left behind: \(files)")
            // Each report is either the previous one or the complete new one, never a torn
            // mix: the signal is handled on another thread while the writer runs on, so the
            // report being written when the signal came may still have been renamed in place.
            for name in ["gaps.csv", "scores.csv"] {
                let bytes = try InputFile.read(out + "/" + name).bytes
                let complete = try InputFile.read(reference + "/" + name).bytes
                let intact = bytes == previous || bytes == complete
                #expect(intact, "caught \(caught): \(name) is \(bytes.count) bytes, neither the previous report nor the complete one")
            }
            return
        }
        Issue.record("the write finished before it could be interrupted, \(attempt) times")
    }
}
