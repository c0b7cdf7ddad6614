import Foundation

/// `syndic serve --port 0` on a database, as a user runs it (on the default loopback address): started,
/// its printed address read, stopped with SIGTERM (as Ctrl-C or systemd would), its stderr kept for
/// assertions. A server left running is killed after 600 s, whatever the test does.
public final class ServeProcess: @unchecked Sendable {
    /// `http://127.0.0.1:<port>/`
    public let baseURL: String
    /// The port it listens on.
    public let port: Int
    private let process: Process
    private let stderrBox = DataBox()
    private let stderrDone = DispatchGroup()
    private let watchdog: DispatchWorkItem

    /// Starts the server with `arguments` after `serve --port 0`; throws when it does
    /// not print its address within `timeout` seconds. With a `wrapper` (a command and its arguments,
    /// e.g. `setpriv` to run as another user), the wrapper runs with the syndic command line appended.
    public init(database: String, arguments: [String] = [], wrapper: [String] = [], timeout: TimeInterval = 60) throws {
        let process = Process()
        let command = [BuiltProducts.executable("syndic").path, "serve", "--port", "0"] + arguments
        process.executableURL = URL(fileURLWithPath: wrapper.first ?? command[0])
        process.arguments = Array((wrapper.isEmpty ? command : wrapper + command).dropFirst())
        var env = ProcessInfo.processInfo.environment
        env["SYNDIC_DB"] = database
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        // Never leave a server behind, whatever the test does.
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: watchdog)
        let box = stderrBox
        stderrDone.enter()
        Thread { [stderrDone] in
            box.set(err.fileHandleForReading.readDataToEndOfFile())
            stderrDone.leave()
        }.start()
        let startupKiller = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: startupKiller)
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        startupKiller.cancel()
        // Keep draining stdout so the server can never block on a full pipe.
        Thread { _ = out.fileHandleForReading.readDataToEndOfFile() }.start()
        let line = String(decoding: printed, as: UTF8.self)
        guard let base = line.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }),
              let port = Int(base.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber })
        else {
            watchdog.perform()
            process.waitUntilExit()
            throw ServeProcessError.noAddress(line + String(decoding: stderrBox.get(), as: UTF8.self))
        }
        self.baseURL = String(base)
        self.port = port
        self.process = process
        self.watchdog = watchdog
    }

    /// Starts the server from async code without blocking a Swift concurrency thread while it starts.
    public static func start(database: String, arguments: [String] = [], wrapper: [String] = []) async throws -> ServeProcess {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ServeProcess(database: database, arguments: arguments, wrapper: wrapper) }) }.start()
        }
    }

    /// Sends SIGTERM and waits; returns the exit status (0 for a clean stop) and everything printed on stderr.
    public func stop() -> (status: Int32, exitedNormally: Bool, stderr: String) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        watchdog.cancel()
        stderrDone.wait()
        return (process.terminationStatus, process.terminationReason == .exit, String(decoding: stderrBox.get(), as: UTF8.self))
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        watchdog.cancel()
    }
}

/// `syndic serve` ended before printing its address (what it printed is attached).
public enum ServeProcessError: Error { case noAddress(String) }
