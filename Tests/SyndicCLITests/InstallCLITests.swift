import Foundation
import Testing
import TestSupport

/// `scripts/install.sh`, the man page and the completion scripts.
@Suite("install.sh, man page and completions")
struct InstallCLITests {
    /// The subcommand names a command's `--help` lists under SUBCOMMANDS.
    static func subcommands(_ cli: CLIRunner, _ path: [String]) async throws -> [String] {
        let help = try await cli.run(path + ["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.hasPrefix("  ") }
            .filter { !$0.hasPrefix("   ") }   // a wrapped abstract continues deeper indented
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test("the man page has a section for every subcommand --help lists, and renders without warnings")
    func manualListsEveryCommand() async throws {
        let cli = try CLIRunner()
        let manual = try await cli.run(["generate-manual"])
        #expect(manual.status == 0, "\(manual.stderr)")
        let top = try await Self.subcommands(cli, [])
        #expect(top.contains("poll") && top.contains("feeds") && top.count >= 12, "\(top)")
        var paths: [String] = []
        for name in top {
            paths.append("syndic \(name)")
            await paths += try Self.subcommands(cli, [name]).map { "syndic \(name) \($0)" }
        }
        #expect(paths.contains("syndic feeds edit"))
        for path in paths {
            #expect(manual.stdout.contains(".SS \"\(path)\"\n"), "the man page has no section for \(path)")
        }
        #expect(!manual.stdout.contains("generate\\-manual\"\n"), "the hidden command is not listed")
        #expect(manual.stdout.contains("\\fB\\-\\-full\\-text\\fR \\fIfull\\-text\\fR"), "options are listed")
        #expect(manual.stdout.contains(".SH EXIT STATUS"))

        let file = try cli.write("syndic.1", manual.stdout)
        let rendered = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["groff", "-man", "-Tutf8", "-ww", "-z", file])
        guard rendered.status != 127 else { print("groff not installed: the page was not rendered"); return }
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(rendered.stderr)")
    }

    @Test("install.sh --prefix puts syndic, its man page and bash, zsh and fish completions in place")
    func install() async throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-prefix-\(UUID().uuidString)")
        let script = BuiltProducts.packageRoot.appendingPathComponent("scripts/install.sh")
        let result = try await ProcessRunner.run(script, ["--prefix", prefix.path, "--bin", CLIRunner.binary.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("installed \(prefix.path)/bin/syndic"))
        let installed = prefix.appendingPathComponent("bin/syndic")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        let version = try await ProcessRunner.run(installed, ["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        func text(_ path: String) throws -> String { try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8) }
        #expect(try text("share/man/man1/syndic.1").contains(".SS \"syndic poll\""))
        #expect(try text("share/bash-completion/completions/syndic").contains("complete -o filenames -F _syndic syndic"))
        #expect(try text("share/zsh/site-functions/_syndic").hasPrefix("#compdef syndic"))
        #expect(try text("share/fish/vendor_completions.d/syndic.fish").contains("complete -c 'syndic'"))
        let parsed = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-n", prefix.appendingPathComponent("share/bash-completion/completions/syndic").path])
        #expect(parsed.status == 0, "the bash completion parses: \(parsed.stderr)")

        let again = try await ProcessRunner.run(script, ["--prefix", prefix.path, "--bin", CLIRunner.binary.path])
        #expect(again.status == 0, "installing again upgrades in place")
        let bad = try await ProcessRunner.run(script, ["--prefix"])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("install: "))
    }

    @Test("completion scripts complete subcommands, including feeds edit")
    func completions() async throws {
        let cli = try CLIRunner()
        for shell in ["bash", "zsh", "fish"] {
            let script = try await cli.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("edit") && script.stdout.contains("poll"), "\(shell)")
        }
    }
}
