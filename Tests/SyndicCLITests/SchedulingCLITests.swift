import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// The cron and systemd installers and `poll --quiet` as a scheduler runs it.
@Suite("scheduling: install-cron.sh, install-systemd.sh, poll --quiet under a held lock")
struct SchedulingCLITests {
    static func script(_ name: String, _ args: [String], environment: [String: String] = [:]) async throws -> ProcessOutput {
        try await ProcessRunner.run(BuiltProducts.packageRoot.appendingPathComponent("scripts/\(name)"), args,
                              environment: environment, removing: ["SYNDIC_DB"])
    }

    @Test("cron --print writes SYNDIC_DB (or --db) into the line; intervals that divide the hour or day")
    func cronLine() async throws {
        let bin = CLIRunner.binary.path
        let fromEnv = try await Self.script("install-cron.sh", ["--print", "--bin", bin], environment: ["SYNDIC_DB": "/srv/news.sqlite"])
        #expect(fromEnv.status == 0, "\(fromEnv.stderr)")
        #expect(fromEnv.stdout == "*/15 * * * * \(bin) poll --quiet --db /srv/news.sqlite # syndic-poll\n")
        let spaced = try await Self.script("install-cron.sh", ["--print", "--bin", bin, "--db", "/srv/my news.sqlite", "--every", "2h"],
                                     environment: ["SYNDIC_DB": "/other.sqlite"])
        #expect(spaced.stdout == "0 */2 * * * \(bin) poll --quiet --db /srv/my\\ news.sqlite # syndic-poll\n")
        let none = try await Self.script("install-cron.sh", ["--print", "--bin", bin, "--every", "1d"])
        #expect(none.stdout == "0 0 * * * \(bin) poll --quiet # syndic-poll\n")
        for (every, fields) in [("1m", "* * * * *"), ("10m", "*/10 * * * *"), ("60m", "0 * * * *"), ("8h", "0 */8 * * *")] {
            await #expect(try Self.script("install-cron.sh", ["--print", "--bin", bin, "--every", every]).stdout.hasPrefix(fields + " "), "\(every)")
        }
    }

    @Test("uneven or bad --every values are refused with one clear line and status 64")
    func cronRefusals() async throws {
        let bin = CLIRunner.binary.path
        let seven = try await Self.script("install-cron.sh", ["--print", "--bin", bin, "--every", "7m"])
        #expect(seven.status == 64 && seven.stdout.isEmpty)
        #expect(seven.stderr.contains("does not divide the hour evenly") && seven.stderr.contains(":56 and again at :00, 4 minutes after"),
                "\(seven.stderr)")
        for args in [["--every", "abc"], ["--every", "0m"], ["--every", "5h"], ["--every", "90m"], ["--every", "15"], ["--every"],
                     ["--bogus"], ["--every", "-5m"], ["--every", "99999999999m"]] {
            let result = try await Self.script("install-cron.sh", ["--print", "--bin", bin] + args)
            #expect(result.status == 64, "\(args): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("install-cron: "), "\(args): \(result.stderr)")
            #expect(!result.stderr.contains("line "), "no shell error: \(result.stderr)")
        }
        let missing = try await Self.script("install-cron.sh", ["--print", "--bin", "/nonexistent/syndic"])
        #expect(missing.status == 66 && missing.stderr.contains("not an executable"))
    }

    @Test("systemd units: binary, database and any interval filled in; systemd-analyze accepts them")
    func systemdUnits() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-units-\(UUID().uuidString)")
        let bin = CLIRunner.binary.path
        let result = try await Self.script("install-systemd.sh", ["--dir", dir.path, "--bin", bin, "--every", "7m"],
                                     environment: ["SYNDIC_DB": "/srv/news.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let service = try String(contentsOf: dir.appendingPathComponent("syndic-poll.service"), encoding: .utf8)
        let timer = try String(contentsOf: dir.appendingPathComponent("syndic-poll.timer"), encoding: .utf8)
        #expect(service.contains("ExecStart=\"\(bin)\" poll --quiet\n") && service.contains("Environment=\"SYNDIC_DB=/srv/news.sqlite\"\n"))
        #expect(service.contains("Type=oneshot") && !service.contains("User="))
        #expect(timer.contains("OnUnitActiveSec=7min\n") && timer.contains("WantedBy=timers.target"))
        let printed = try await Self.script("install-systemd.sh", ["--print", "--bin", bin, "--system", "--run-as", "news"])
        #expect(printed.stdout.contains("User=news\n") && printed.stdout.contains("OnUnitActiveSec=15min"), "\(printed.stdout)")
        await #expect(try Self.script("install-systemd.sh", ["--print", "--bin", bin, "--every", "soon"]).status == 64)
        await #expect(try Self.script("install-systemd.sh", ["--print", "--bin", bin, "--db", "/a\"b"]).status == 64)

        let analyze = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        guard FileManager.default.isExecutableFile(atPath: analyze.path) else {
            print("systemd-analyze not installed: the units were not verified by systemd")
            return
        }
        let verified = try await ProcessRunner.run(analyze, ["verify", "--man=no", dir.appendingPathComponent("syndic-poll.service").path,
                                                       dir.appendingPathComponent("syndic-poll.timer").path])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test("poll --quiet exits 0 silently when another poll holds the lock; with --wait it waits and polls")
    func quietLock() async throws {
        let cli = try CLIRunner()
        let feed = try cli.write("feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.invalid/</link>
            <item><title>One</title><guid>one</guid><description>text</description></item></channel></rss>
            """)
        #expect(try await cli.run(["feeds", "add", "--no-check", feed]).status == 0)
        let lock = try await SQLiteStore(path: cli.databasePath).acquirePollLock(wait: false)
        let quiet = try await cli.run(["poll", "--quiet", "--full-text", "never"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.status) \(quiet.stderr)")
        let loud = try await cli.run(["poll", "--full-text", "never"])
        #expect(loud.status == 75 && loud.stderr.contains("another poll is running"))
        let said = try await cli.run(["poll", "--quiet", "--verbose", "--full-text", "never"])
        #expect(said.status == 0 && said.stderr.contains("another poll is running"))
        #expect(try await cli.run(["feeds", "list", "--format", "json"]).stdout.contains("\"last_fetched_at\": null"), "nothing was polled")

        let waiting = Task.detached { try await cli.run(["poll", "--quiet", "--wait", "--full-text", "never"]) }
        try await Task.sleep(for: .seconds(2))   // give it time to find the lock held (the result does not depend on it)
        await lock.release()
        let waited = try await waiting.value
        #expect(waited.status == 0 && waited.stdout.isEmpty, "\(waited.stderr)")
        #expect(!(try await cli.run(["feeds", "list", "--format", "json"]).stdout.contains("\"last_fetched_at\": null")), "it polled")
    }
}
