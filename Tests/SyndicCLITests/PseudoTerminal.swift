import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs `syndic` with its standard error on a pseudo-terminal, so it draws its progress bar exactly
/// as it does for a person at a terminal (`isatty(2)` is true), and returns the bytes the terminal got.
enum PseudoTerminal {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        /// Everything written to the terminal, escape sequences included (the line discipline turns
        /// "\n" into "\r\n").
        var terminal: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ cli: CLIRunner, _ arguments: [String], timeout: TimeInterval = 300) throws -> Result {
        // posix_openpt/grantpt/unlockpt/ptsname, spelled as Linux implements them (Glibc's module
        // does not export those four): open the multiplexer, unlock the pair, ask for its number.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { close(master); throw Failure(description: "cannot open /dev/pts/\(number)") }
        defer { close(master) }

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SYNDIC_DB"] = cli.databasePath
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        close(slave) // the child holds it now; reading the master ends (EIO) when the child exits

        let captured = DataCollector()
        let group = DispatchGroup()
        group.enter()
        Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                captured.append(buffer[0..<n])
            }
            group.leave()
        }.start()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        killer.cancel()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      terminal: String(decoding: captured.bytes, as: UTF8.self))
    }
}

/// Bytes appended by one thread and read by another.
final class DataCollector: @unchecked Sendable {
    private var data: [UInt8] = []
    private let lock = NSLock()
    func append(_ chunk: ArraySlice<UInt8>) { lock.lock(); data += chunk; lock.unlock() }
    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
}

extension PseudoTerminal {
    /// The form for async tests: the same run, waited for off Swift's cooperative threads.
    static func run(_ cli: CLIRunner, _ arguments: [String], timeout: TimeInterval = 300) async throws -> Result {
        try await offThePool { try run(cli, arguments, timeout: timeout) as Result }
    }
}
