import Foundation
import Testing
import TestSupport

/// `syndic poll` at a terminal (stderr on a pseudo-terminal, so the progress bar is drawn): lines
/// written while the bar is on screen start on a line of their own, and a failed feed is reported once.
@Suite("syndic poll at a terminal (pseudo-terminal)")
struct PollTerminalTests {
    /// Three feeds that answer at once and one that answers after 1.5 s with something that is not a
    /// feed, so it fails while the bar is on screen.
    static func world() async throws -> (CLIRunner, TestHTTPServer, failing: String) {
        let cli = try CLIRunner()
        let dir = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in 0..<3 {
            let words = (0..<60).map { "w\((f * 131 + $0 * 17) % 997)" }.joined(separator: " ")
            try "<rss version=\"2.0\"><channel><title>Feed \(f)</title><item><guid>f\(f)</guid><title>Story \(f)</title><description>\(words)</description></item></channel></rss>"
                .write(to: dir.appendingPathComponent("feed\(f).xml"), atomically: true, encoding: .utf8)
        }
        let server = try TestHTTPServer(filesDirectory: dir.path)
        let failing = server.url("/sleep?ms=1500")
        let add = try await cli.run(["feeds", "add", "--no-check"] + (0..<3).map { server.url("/files/feed\($0).xml") } + [failing])
        #expect(add.status == 0, "\(add.stderr)")
        return (cli, server, failing)
    }

    /// Where a line starts in the middle of another (the bar's) line: every log line and every failure
    /// line must follow a newline or a cleared line (`\r` + erase to end of line).
    static func gluedLines(_ terminal: String) -> [String] {
        let starts = try! Regex(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d{4}) (trace|debug|info|notice|warning|error|critical) |  feed \d+ "#)
        var glued: [String] = []
        for match in terminal.matches(of: starts) {
            let before = terminal[..<match.range.lowerBound]
            // (By scalars: the terminal's "\r\n" is one Character, which hasSuffix("\n") would miss.)
            let scalars = String(before.unicodeScalars.suffix(4))
            if before.isEmpty || scalars.unicodeScalars.last == "\n" || scalars.hasSuffix("\r\u{1B}[K") { continue }
            glued.append(String(before.suffix(30)) + "|" + String(terminal[match.range]))
        }
        return glued
    }

    @Test("the progress bar is drawn, the failed feed is reported once, on a line of its own")
    func failureReportedOnce() async throws {
        let (cli, server, failing) = try await Self.world()
        defer { server.stop() }
        let poll = try await PseudoTerminal.run(cli, ["poll", "--full-text", "never"])
        #expect(poll.status == 0)
        #expect(poll.stdout.hasPrefix("polled 4 feeds (0 not modified, 1 failed)"), "\(poll.stdout)")
        #expect(poll.terminal.contains("feeds ") && poll.terminal.contains("ETA"), "no progress bar drawn: \(poll.terminal.debugDescription)")
        #expect(poll.terminal.components(separatedBy: "is not a feed (RSS").count - 1 == 1, "reported twice: \(poll.terminal.debugDescription)")
        #expect(poll.terminal.contains("  feed 4 \(failing): \(failing) is not a feed"), "\(poll.terminal.debugDescription)")
        #expect(Self.gluedLines(poll.terminal).isEmpty, "\(Self.gluedLines(poll.terminal))")
    }

    @Test("--verbose: log lines written while the bar is drawn start on a line of their own")
    func logLinesAboveTheBar() async throws {
        let (cli, server, failing) = try await Self.world()
        defer { server.stop() }
        let poll = try await PseudoTerminal.run(cli, ["poll", "--full-text", "never", "--verbose"])
        #expect(poll.status == 0)
        let logLine = "debug syndic.poll: feed 4 \(failing) failed: "
        #expect(poll.terminal.contains(logLine), "\(poll.terminal.debugDescription)")
        // The failure came 1.5 s after the other feeds: the bar was on screen when it was logged.
        let beforeLog = poll.terminal.components(separatedBy: logLine)[0]
        #expect(beforeLog.contains("ETA"), "the bar was not drawn before the log line: \(beforeLog.debugDescription)")
        #expect(Self.gluedLines(poll.terminal).isEmpty, "\(Self.gluedLines(poll.terminal))")
    }

    @Test("--quiet at a terminal: no bar, nothing on stderr or stdout although a feed failed")
    func quiet() async throws {
        let (cli, server, _) = try await Self.world()
        defer { server.stop() }
        let poll = try await PseudoTerminal.run(cli, ["poll", "--full-text", "never", "--quiet"])
        #expect(poll.status == 0)
        #expect(poll.stdout.isEmpty)
        #expect(poll.terminal.isEmpty, "\(poll.terminal.debugDescription)")
    }
}
