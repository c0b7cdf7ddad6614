import Foundation
import Testing
import TestSupport

/// Two installations that follow the same feeds: their digests never share an item id.
@Suite("instance identity (end to end)")
struct InstanceCLITests {
    @Test("syndic instance shows each database's id; two databases' Atom digests share no item id and each id carries its instance")
    func twoDatabases() async throws {
        let www = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-instance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        var feed = SimulatedFeed(title: "Shared")
        for n in 0..<3 {
            feed.items.append(.init(guid: "s\(n)", title: "Story \(n)", published: nil, text: SimulatedFeed.words(seed: n)))
        }
        try feed.write(to: www, name: "feed.xml")
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }

        var instances: [String] = []
        var ids: [[String]] = []
        for _ in 0..<2 {
            let cli = try CLIRunner()
            #expect(try await cli.run(["feeds", "add", server.url("/files/feed.xml")]).status == 0)
            #expect(try await cli.run(["poll", "--full-text", "never"]).status == 0)
            let shown = try await cli.run(["instance"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let line = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("instance ") })
            let instance = String(line.dropFirst("instance ".count))
            #expect(instance.count == 16)
            #expect(try await cli.run(["instance"]).stdout == shown.stdout, "the id is stable")
            let atom = try await cli.run(["digest", "--since", "all", "--format", "atom"]).stdout
            let entryIDs = atom.components(separatedBy: "<entry>\n    <id>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(entryIDs.count == 3)
            #expect(entryIDs.allSatisfy { $0.hasPrefix("tag:syndic,2026:\(instance)/story/") }, "\(entryIDs)")
            #expect(atom.contains("<id>tag:syndic,2026:\(instance)/digest</id>"))
            instances.append(instance)
            ids.append(entryIDs)
        }
        #expect(instances[0] != instances[1])
        #expect(Set(ids[0]).isDisjoint(with: ids[1]))
    }
}
