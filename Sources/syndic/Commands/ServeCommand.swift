import ArgumentParser
import Foundation
import Storage
import SyndicCore
import WebView

/// `syndic serve`: the read-only web view.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the stories, the feeds and the digest feeds over HTTP (read-only).",
        discussion: """
        Pages: /  (stories; ?since=24h&min-sources=2)   /story/ID   /feeds   /healthz
        Digest feeds, with the digest command's options as query parameters and ETag/304:
          /digest.atom  /digest.rss  /digest.json (JSON Feed)  /digest.html  /digest.md
        Listens on 127.0.0.1 unless told otherwise; nothing served ever writes to the database.
        Port 0 picks a free port; the address is printed once the server is ready. Stop with Ctrl-C.

        Examples:
          syndic serve
          syndic serve --port 9000
          curl -s 'http://127.0.0.1:8080/digest.atom?since=7d&min-sources=2'
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0 picks a free one).")
    var port = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        if !WebServer.isLoopback(host) {
            Output.error("warning: listening on \(host): anyone who can reach this machine can read your stories and feeds")
        }
        let quiet = global.quiet
        let app = WebServer.application(database: db, host: host, port: port) { url in
            if !quiet { Output.print("Syndic is serving on \(url) (Ctrl-C to stop)") }
        }
        try await app.runService()
    }
}
