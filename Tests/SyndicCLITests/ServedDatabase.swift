import Foundation

/// `syndic serve --port 0` on a runner's database, started and waited for until it prints its address.
struct ServedDatabase {
    let process: Process
    /// `http://127.0.0.1:PORT/`.
    let base: String
    /// Terminates a server that outlives `watchdog` seconds, so a hung one never outlives the test.
    let watchdog: DispatchWorkItem

    struct NoAddress: Error, CustomStringConvertible {
        var description: String
    }

    init(_ cli: CLIRunner, watchdog seconds: TimeInterval = 120) throws {
        let process = Process()
        self.process = process
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["SYNDIC_DB": cli.databasePath, "NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let base = line.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }).map(String.init) else {
            if process.isRunning { process.terminate() }
            throw NoAddress(description: "serve printed: \(line)")
        }
        self.base = base
    }

    /// Stops the server (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        watchdog.cancel()
    }
}
