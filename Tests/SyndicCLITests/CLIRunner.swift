import Foundation
import TestSupport

/// Runs the built `syndic` binary as a user would and captures what it prints.
struct CLIRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A temporary folder holding this runner's database.
    let folder: URL
    var databasePath: String { folder.appendingPathComponent("syndic.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The `syndic` executable beside the test bundle (`swift build --build-tests` builds both),
    /// or `$SYNDIC_BIN`.
    static var binary: URL { BuiltProducts.executable("syndic") }

    /// Runs `syndic ARGS` with this runner's database, optional stdin, and extra environment; with a
    /// `wrapper` (e.g. ``unprivileged``), the wrapper runs with the syndic command line appended.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, environment: [String: String] = [:], useDatabase: Bool = true,
             wrapper: [String] = []) throws -> Result {
        var env = ["NO_COLOR": "1"]
        if useDatabase { env["SYNDIC_DB"] = databasePath }
        for (k, v) in environment { env[k] = v }
        let output = try ProcessRunner.run(Self.binary, args, environment: env, stdin: stdin, timeout: 600, wrapper: wrapper)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }

    /// The form for async tests: the same run, waited for off Swift's cooperative threads
    /// (``ProcessRunner``'s async form says why).
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, environment: [String: String] = [:], useDatabase: Bool = true,
             wrapper: [String] = []) async throws -> Result {
        try await offThePool { [self] in
            try run(args, stdin: stdin, environment: environment, useDatabase: useDatabase, wrapper: wrapper) as Result
        }
    }

    /// A wrapper that runs a command as user and group 65534 (nobody) when the tests run as root, so
    /// file permissions bind it as they bind a user; empty when the tests already run unprivileged.
    static var unprivileged: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    /// Writes `text` to a file in the runner's folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
