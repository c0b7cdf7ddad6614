import ArgumentParser
import Foundation
import Storage
import SyndicCore
import WebView

/// `syndic serve`: the read-only web view.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the stories, the feeds, the digest feeds and the reader APIs over HTTP.",
        discussion: """
        Pages: /  (stories; ?since=24h&min-sources=2)   /story/ID   /feeds   /healthz
        Digest feeds, with the digest command's options as query parameters and ETag/304:
          /digest.atom  /digest.rss  /digest.json (JSON Feed)  /digest.html  /digest.md
        Listens on 127.0.0.1 unless told otherwise; the web view never writes to the database.

        Reader APIs for apps (on once a user has a password, see `syndic users`):
          Google Reader / FreshRSS: http://HOST:PORT/api/greader.php
          Fever:                    http://HOST:PORT/api/fever.php
        They write read state, subscriptions and login tokens. On a non-loopback --host they stay off
        unless --self-url is https (a TLS reverse proxy in front) or --insecure-http is given.
        Port 0 picks a free port; the address is printed once the server is ready. Stop with Ctrl-C.

        Answers only the names it serves (localhost, loopback addresses, --host,
        the --self-url host, --allowed-host names; any IP address when listening
        on 0.0.0.0 or ::); other names get 421 Misdirected Request, so a
        DNS-rebinding page cannot read it. Absolute links in the feeds start with
        --self-url, else with the listening address.
        Slow clients are cut by --header-timeout, --request-timeout and
        --idle-timeout; at most --max-connections are served at once.

        Examples:
          syndic serve
          syndic serve --port 9000
          syndic serve --host 0.0.0.0 --self-url https://news.example/ \\
                       --allowed-host news.lan
          curl -s 'http://127.0.0.1:8080/digest.atom?since=7d&min-sources=2'
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0 picks a free one).")
    var port = 8080

    @Option(help: ArgumentHelp("The public URL of the web view's root, the start of every absolute link in the feeds.",
                               discussion: "Default: the listening address, e.g. http://127.0.0.1:8080/.", valueName: "url"))
    var selfURL: String?

    @Option(name: .customLong("allowed-host"),
            help: ArgumentHelp("Another host name to answer for (repeatable); .example.org allows it and every name under it.",
                               valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp("Seconds a request's head may take to arrive once started.", valueName: "seconds"))
    var headerTimeout = ConnectionLimits.standard.headerTimeout

    @Option(help: ArgumentHelp("Seconds a whole request may take: head, body and answer.", valueName: "seconds"))
    var requestTimeout = ConnectionLimits.standard.requestTimeout

    @Option(help: ArgumentHelp("Seconds a connection may stay open with no request in progress.", valueName: "seconds"))
    var idleTimeout = ConnectionLimits.standard.idleTimeout

    @Option(help: ArgumentHelp("Connections served at once; more wait to be accepted.", valueName: "n"))
    var maxConnections = ConnectionLimits.standard.maxConnections

    @Flag(name: .customLong("insecure-http"),
          help: "Serve the reader APIs on a non-loopback --host over plain HTTP (passwords and tokens in clear text).")
    var insecureHTTP = false

    var limits: ConnectionLimits {
        ConnectionLimits(headerTimeout: headerTimeout, requestTimeout: requestTimeout, idleTimeout: idleTimeout, maxConnections: maxConnections)
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        if let selfURL, PublicAddress.normalizedRoot(selfURL) == nil {
            throw ValidationError("--self-url must be an absolute http or https URL without query, fragment or user name, e.g. https://news.example/")
        }
        for name in allowedHosts where HostPolicy.normalizedEntry(name) == nil {
            throw ValidationError("--allowed-host \(name) is not a host name or IP address (give the name alone, without scheme or port: news.example)")
        }
        if let problem = limits.problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        let (host, selfURL, insecureHTTP, global) = (host, selfURL.flatMap(PublicAddress.normalizedRoot), insecureHTTP, global)
        let decide: @Sendable ([User]) -> ReaderAPI.Availability = {
            ReaderAPI.Availability.decide(users: $0, host: host, selfURL: selfURL, insecureHTTP: insecureHTTP)
        }
        let availability = decide(try await db.listUsers())
        // The APIs write (read state, tokens): a second connection opened for writing. The read-only
        // open above already checked that the database exists and is fully migrated.
        let apiStore: any ReaderAPI.Store = availability == .on ? try await global.openStore(.readWrite) : db
        if case .insecure = availability {
            Output.error("warning: the reader API is off: \(host) is not a loopback address and --self-url is not https; "
                + "put serve behind an HTTPS reverse proxy (--self-url https://…) or pass --insecure-http")
        }
        if !WebServer.isLoopback(host) {
            Output.error("warning: listening on \(host): anyone who can reach this machine can read your stories and feeds")
            if selfURL == nil {
                Output.error("warning: the feeds' links start with the loopback address; pass --self-url with the address others use")
            }
        }
        var limits = self.limits
        let fits = OpenFileLimit.raise(toFit: limits.maxConnections)
        if fits < limits.maxConnections {
            Output.error("warning: the open-file limit allows \(fits) connections, not \(limits.maxConnections); raise it with ulimit -n")
            limits.maxConnections = fits
        }
        let settings = WebServer.Settings(host: host, port: port, selfURL: selfURL,
                                          allowedHosts: allowedHosts, limits: limits,
                                          reader: ReaderView(user: try await db.defaultUser(), unreadFirst: true),
                                          api: ReaderAPI.Settings(store: apiStore, availability: availability,
                                                                  recheck: .init(decide: decide, openForWriting: { try await global.openStore(.readWrite) })))
        let quiet = global.quiet
        let app = WebServer.application(database: db, settings: settings) { url in
            if !quiet { Output.print("Syndic is serving on \(url) (Ctrl-C to stop)") }
        }
        try await app.runService()
    }
}
