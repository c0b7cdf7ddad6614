import Foundation

/// What a child process printed and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program as a user would and captures what it prints: the one way tests start `syndic`.
///
/// Both pipes are drained at once (stderr on a thread of its own, not Dispatch's pool: tests run many
/// commands at once, and blocked pool threads starve Swift concurrency, which shares that pool on
/// Linux), so a large output cannot block the child. After `timeout` seconds the child is killed.
public enum ProcessRunner {
    /// Runs `executable ARGS` with `environment` added to this process's, `stdin` written and closed.
    /// With a `wrapper` (a command and its arguments, e.g. `/usr/bin/time -o F`), the wrapper runs with
    /// the executable's command line appended.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
        stdin: String? = nil, timeout: TimeInterval = 60, wrapper: [String] = []
    ) throws -> ProcessOutput {
        let process = Process()
        if let command = wrapper.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = wrapper.dropFirst() + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        for key in removing { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try ProcessLaunch.run(process)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()); group.leave() }.start()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        // Closed here, not when the Pipes go: Foundation keeps finished Process objects (and their pipes)
        // alive, and a test run leaked ~3,000 pipe ends; past fd 1023 Foundation's own select() on its
        // process-monitoring socket overflows its fd_set (crashes in Process.run, missed exits).
        for handle in [out.fileHandleForReading, err.fileHandleForReading, input.fileHandleForReading, out.fileHandleForWriting,
                       err.fileHandleForWriting] {
            try? handle.close()
        }
        return ProcessOutput(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errBox.get(), as: UTF8.self))
    }
}

extension ProcessRunner {
    /// The form for async code: the same as the blocking ``run(_:_:environment:removing:stdin:timeout:wrapper:)``,
    /// but the waiting happens on a thread of its own while the calling task is suspended. A test that
    /// waits for a child on one of Swift's cooperative threads (2 on a 2-core machine, shared by every test
    /// in the process) holds that thread for the child's whole run: a few such tests starve every other
    /// test that awaits anything, and deadlines and watchdogs then fire in tests that did nothing wrong.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
        stdin: String? = nil, timeout: TimeInterval = 60, wrapper: [String] = []
    ) async throws -> ProcessOutput {
        try await offThePool {
            try run(executable, arguments, environment: environment, removing: removing, stdin: stdin,
                    timeout: timeout, wrapper: wrapper) as ProcessOutput
        }
    }
}

/// Runs blocking `work` on a new thread and suspends the calling task until it ends, so that no Swift
/// concurrency thread is held while it blocks (see ``ProcessRunner/run(_:_:environment:removing:stdin:timeout:wrapper:)-async``).
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux is not safe to call
/// from many threads at once: a full run with children started from dozens of threads crashed inside it
/// (a bad pointer in its memcpy). The launch is serialized; the waiting is not.
public enum ProcessLaunch {
    private static let lock = NSLock()

    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}

/// Bytes handed from one thread to another.
public final class DataBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    public init() {}
    public func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    public func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
