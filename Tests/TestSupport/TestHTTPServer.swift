import Foundation

/// Launches Tests/TestServer/test_server.py on 127.0.0.1 (a real HTTP/1.1 server, port chosen by the OS)
/// and stops it when ``stop()`` is called or the test process exits (the server quits when its stdin closes).
///
/// Shared by the test targets through the TestSupport target; it has no dependency on Syndic modules.
public final class TestHTTPServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let stdinPipe: Pipe

    /// One server shared by tests that do not read its statistics.
    public static let shared: TestHTTPServer = {
        do { return try TestHTTPServer() } catch { fatalError("cannot start test server: \(error)") }
    }()

    /// Starts a server; `filesDirectory` is served under `/files/`; `tls` (certificate and key PEM paths)
    /// makes it serve HTTPS.
    public init(filesDirectory: String? = nil, tls: (certificate: String, key: String)? = nil) throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TestServer/test_server.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--port", "0"] + (filesDirectory.map { ["--files", $0] } ?? [])
            + (tls.map { ["--tls-cert", $0.certificate, "--tls-key", $0.key] } ?? [])
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        try ProcessLaunch.run(process)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        while read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw TestServerError.noPort(String(decoding: line, as: UTF8.self))
        }
        self.port = port
        self.process = process
        self.stdinPipe = stdinPipe
    }

    /// Starts a server without blocking a Swift concurrency thread while Python starts up.
    public static func start(filesDirectory: String? = nil, tls: (certificate: String, key: String)? = nil)
        async throws -> TestHTTPServer
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try TestHTTPServer(filesDirectory: filesDirectory, tls: tls) })
            }.start()
        }
    }

    /// `http://127.0.0.1:<port><path>`
    public func url(_ path: String, host: String = "127.0.0.1") -> String {
        "http://\(host):\(port)\(path)"
    }

    /// The server's `/_stats` counters, read over a separate plain socket (not counted per host).
    public func stats() throws -> ServerStats {
        let body = try rawGet("/_stats")
        return try JSONDecoder().decode(ServerStats.self, from: Data(body))
    }

    /// A minimal blocking HTTP/1.0 GET, independent of the code under test; returns the body.
    private func rawGet(_ path: String) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError.socket }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestServerError.socket }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: stats\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let start = (0..<max(0, response.count - 3)).first(where: {
            Array(response[$0..<$0 + 4]) == separator
        }) else { throw TestServerError.socket }
        return Array(response[(start + 4)...])
    }

    /// Closes its stdin and sends SIGTERM, then waits at most 10 s (SIGKILL after that). Not
    /// `Process.waitUntilExit()`: on Linux that spins a run loop at full CPU until Foundation notices the
    /// exit, and a full run once saw it spin for 17 minutes on a cooperative thread, hanging the suite.
    public func stop() {
        try? stdinPipe.fileHandleForWriting.close()
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

public struct ServerStats: Decodable {
    public var connections: Int
    public var requests: Int
    public var not_modified: Int
    public var max_concurrent: Int
    public var max_concurrent_per_host: [String: Int]
    /// Requests per Host header + request target (`a.example:8080/files/feed1.xml`).
    public var requests_per_target: [String: Int]
}

enum TestServerError: Error {
    case noPort(String)
    case socket
}
