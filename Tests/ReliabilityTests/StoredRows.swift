import Foundation
import GRDB
import TestSupport

/// Read-only SQL over a Syndic database file, for assertions the Storage API does not offer.
struct StoredRows {
    let queue: DatabaseQueue

    init(_ path: String) throws {
        var config = Configuration()
        config.readonly = true
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    func int(_ sql: String) throws -> Int { try queue.read { try Int.fetchOne($0, sql: sql) ?? 0 } }
    func strings(_ sql: String) throws -> [String] { try queue.read { try String.fetchAll($0, sql: sql) } }
}

/// Runs the `SyndicFuzz` replay binary (a normal build of Sources/SyndicFuzz) on inputs in a child
/// process, so an input that crashes a module fails its test instead of the whole test run.
struct FuzzReplay: Sendable {
    var status: Int32
    var signal: Int32?
    var output: String

    var describe: String { signal.map { "killed by signal \($0): \(output.suffix(2000))" } ?? "exit \(status): \(output.suffix(2000))" }

    static func run(target: String, files: [String], environment: [String: String] = [:]) throws -> FuzzReplay {
        let process = Process()
        process.executableURL = Reliability.binary("SyndicFuzz")
        process.arguments = [target] + files
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try ProcessLaunch.run(process)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return FuzzReplay(status: signaled ? -1 : process.terminationStatus,
                          signal: signaled ? process.terminationStatus : nil,
                          output: String(decoding: data, as: UTF8.self))
    }
}

extension FuzzReplay {
    /// The form for async tests: the same replay, waited for off Swift's cooperative threads.
    static func run(target: String, files: [String], environment: [String: String] = [:]) async throws -> FuzzReplay {
        try await offThePool { try run(target: target, files: files, environment: environment) as FuzzReplay }
    }
}
