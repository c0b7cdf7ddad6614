import Foundation
import TestSupport
import SQLiteStore
import Storage

/// Helpers shared by the reliability tests: temporary folders and databases, the built binaries.
enum Reliability {
    /// A fresh temporary folder.
    static func folder(_ label: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-rel-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new database in its own temporary folder.
    static func database(_ label: String = "db", maxPageCount: Int? = nil) throws -> SQLiteStore {
        try SQLiteStore(path: folder(label).appendingPathComponent("s.sqlite").path, maxPageCount: maxPageCount)
    }

    /// The package root (for Feeds/hostile and Tests/Fixtures).
    static let packageRoot = BuiltProducts.packageRoot

    /// A built executable of this package (``BuiltProducts/executable(_:)``).
    static func binary(_ name: String) -> URL { BuiltProducts.executable(name) }

    /// Reads a fixture of this target.
    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}

/// Runs `syndic` as a user would and captures what it prints.
struct SyndicRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `syndic ARGS` against `database`; `stdin` is written and closed. With a `wrapper` (a command
    /// and its arguments, e.g. `/usr/bin/time -o F`), the wrapper is run with the syndic command line appended.
    @discardableResult
    static func run(_ args: [String], database: String, stdin: String? = nil, timeout: TimeInterval = 60,
                    wrapper: [String] = []) throws -> SyndicRun {
        let output = try ProcessRunner.run(Reliability.binary("syndic"), args, environment: ["SYNDIC_DB": database, "NO_COLOR": "1"],
                                           stdin: stdin, timeout: timeout, wrapper: wrapper)
        return SyndicRun(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }
}

extension SyndicRun {
    /// The form for async tests: the same run, waited for off Swift's cooperative threads
    /// (``ProcessRunner``'s async form says why).
    @discardableResult
    static func run(_ args: [String], database: String, stdin: String? = nil, timeout: TimeInterval = 60,
                    wrapper: [String] = []) async throws -> SyndicRun {
        try await offThePool {
            try run(args, database: database, stdin: stdin, timeout: timeout, wrapper: wrapper) as SyndicRun
        }
    }
}

/// A `syndic` run with the peak resident memory of its process, measured by GNU time (`/usr/bin/time`).
struct MeasuredRun: Sendable {
    var run: SyndicRun
    /// Maximum resident set size of the syndic process, in bytes.
    var peakBytes: Int

    /// nil when /usr/bin/time is not installed.
    static func run(_ args: [String], database: String, timeout: TimeInterval = 60) async throws -> MeasuredRun? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        let report = try Reliability.folder("time").appendingPathComponent("maxrss")
        let run = try await SyndicRun.run(args, database: database, timeout: timeout, wrapper: ["/usr/bin/time", "-f", "%M", "-o", report.path])
        let text = try String(contentsOf: report, encoding: .utf8)
        // The last line is %M (kilobytes); a line before it says so when the child died of a signal.
        guard let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return MeasuredRun(run: run, peakBytes: kilobytes * 1024)
    }
}

/// Runs `body` on a new thread (for blocking work such as waiting for a child process: Dispatch's
/// global pool grows slowly on Linux and is shared with Swift concurrency).
func onNewThread(_ body: @escaping @Sendable () -> Void) {
    Thread { body() }.start()
}
