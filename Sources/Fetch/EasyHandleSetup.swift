import CCurl

/// Applies a ``FetchPolicy`` and a ``FetchRequest`` to a libcurl easy handle: the one place that decides
/// which libcurl options Syndic uses.
enum EasyHandleSetup {
    /// Protocols a request may start with and may be redirected to. A redirect from the network to `file:`
    /// would let any web server read local files, so redirects are limited to http and https.
    static let allowedProtocols = "http,https,file"
    static let allowedRedirectProtocols = "http,https"

    static func configure(_ easy: UnsafeMutableRawPointer, transfer: Transfer, policy: FetchPolicy,
                          resolveList: UnsafeMutablePointer<curl_slist>?) {
        let request = transfer.job.request
        let user = Unmanaged.passUnretained(transfer).toOpaque()

        syndic_easy_setopt_string(easy, CURLOPT_URL, request.url)
        switch request.method {
        case .get: syndic_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case .head: syndic_easy_setopt_long(easy, CURLOPT_NOBODY, 1)
        }
        syndic_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        syndic_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer)

        // Redirects: libcurl follows them; the header callback records each hop.
        syndic_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        syndic_easy_setopt_long(easy, CURLOPT_MAXREDIRS, policy.maxRedirects)
        syndic_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR,
                                  policy.denyPrivateNetworks ? allowedRedirectProtocols : allowedProtocols)
        syndic_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, allowedRedirectProtocols)

        // Identity and content negotiation: "" = every encoding this libcurl decodes (gzip, deflate, br, zstd).
        syndic_easy_setopt_string(easy, CURLOPT_USERAGENT, policy.userAgent)
        syndic_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        syndic_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // PIPEWAIT makes a transfer wait for a connection still being set up to the same host, in case it
        // can multiplex. Only https can be HTTP/2 here (2TLS): on http a stalling first transfer would hold
        // every other transfer to its host (and their time limits run while they wait), so http transfers
        // open their own connections, up to the per-host limit.
        if URLParts(request.url)?.scheme == "https" { syndic_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1) }
        syndic_easy_setopt_long(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)

        // TLS verification stays on (these are libcurl's defaults, set so nobody wonders).
        syndic_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        syndic_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)

        // Time limits.
        let total = request.timeout ?? policy.totalTimeout
        syndic_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(policy.connectTimeout))
        syndic_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(total))
        if policy.lowSpeedBytesPerSecond > 0 && policy.lowSpeedSeconds > 0 {
            syndic_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, policy.lowSpeedBytesPerSecond)
            syndic_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, policy.lowSpeedSeconds)
        }

        // Body limit: counted on decoded bytes in the write callback; a declared Content-Length over the limit
        // is refused before any body arrives.
        if request.method == .get {
            syndic_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(transfer.maxBodyBytes))
        }
        syndic_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION, CurlCallbacks.body)
        syndic_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, user)
        syndic_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION, CurlCallbacks.header)
        syndic_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, user)

        // The network policy: every connection (first request and each redirect hop) is checked after DNS;
        // in test mode no unmapped name reaches the system resolver. A proxy from the environment would
        // connect and resolve on Syndic's behalf, past both checks, so none is used while either is on.
        let network = policy.network
        if network.denyPrivateNetworks {
            syndic_easy_setopt_opensocket_callback(easy, CURLOPT_OPENSOCKETFUNCTION, CurlCallbacks.openSocket)
            syndic_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, user)
        }
        if network.resolveOnly {
            syndic_easy_setopt_resolver_start_callback(easy, CURLOPT_RESOLVER_START_FUNCTION, CurlCallbacks.resolverStart)
            syndic_easy_setopt_pointer(easy, CURLOPT_RESOLVER_START_DATA, user)
        }
        if network.denyPrivateNetworks || network.resolveOnly { syndic_easy_setopt_string(easy, CURLOPT_PROXY, "") }
        if let resolveList { syndic_easy_setopt_slist(easy, CURLOPT_RESOLVE, resolveList) }

        var list: UnsafeMutablePointer<curl_slist>?
        for line in request.headerLines {
            list = curl_slist_append(list, line)
        }
        transfer.headerList = list
        if let list { syndic_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list) }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }
}
