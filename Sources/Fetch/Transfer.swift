import CCurl

/// The state of one request while libcurl works on it: the body and headers received so far, the
/// redirect hops seen, and why the transfer was stopped by us (size limit, refused address).
///
/// Only the driver thread touches a transfer; libcurl calls the callbacks on that thread during
/// `curl_multi_perform`.
final class Transfer {
    let job: FetchJob
    let maxBodyBytes: Int
    let network: NetworkPolicy

    private(set) var body: [UInt8] = []
    private(set) var headers = HTTPHeaders()
    private(set) var redirects: [RedirectHop] = []
    /// Set when the write callback refused data because the decoded body passed ``maxBodyBytes``.
    private(set) var exceededBodyLimit = false
    /// Set when the open-socket callback refused a non-public address.
    private(set) var refusedAddress: String?
    /// Set when the resolver-start callback refused a name that ``NetworkPolicy/resolve`` does not map.
    private(set) var refusedName: String?

    /// URL of the request whose response is being read (starts as the requested URL, moves with redirects).
    private var currentURL: String
    private var currentStatus = 0
    /// Buffer for libcurl's error text (CURLOPT_ERRORBUFFER).
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// Request headers handed to libcurl; must outlive the transfer.
    var headerList: UnsafeMutablePointer<curl_slist>?

    init(job: FetchJob, maxBodyBytes: Int, network: NetworkPolicy) {
        self.job = job
        self.maxBodyBytes = maxBodyBytes
        self.network = network
        self.currentURL = job.request.url
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
        if let headerList { curl_slist_free_all(headerList) }
    }

    var errorText: String { String(cString: errorBuffer) }

    // MARK: Callbacks

    /// Appends decoded body bytes; false (stop the transfer) once the limit would be passed.
    func appendBody(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if body.count + chunk.count > maxBodyBytes {
            exceededBodyLimit = true
            return false
        }
        if body.isEmpty, headers["Content-Encoding"] == nil,
           let length = headers["Content-Length"].flatMap(Int.init), length > 0 {
            body.reserveCapacity(min(length, maxBodyBytes))
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// Handles one header line of any response in the chain (status lines start a new response).
    func receiveHeaderLine(_ raw: UnsafeBufferPointer<UInt8>) {
        var end = raw.count
        while end > 0, raw[end - 1] == 13 || raw[end - 1] == 10 { end -= 1 }
        if end == 0 {
            endOfHeaderBlock()
        } else if end > 5, raw[0] == UInt8(ascii: "H"), raw[1] == UInt8(ascii: "T"), raw[2] == UInt8(ascii: "T"),
                  raw[3] == UInt8(ascii: "P"), raw[4] == UInt8(ascii: "/") {
            // "HTTP/1.1 200 OK", "HTTP/2 301"
            var i = 5
            while i < end, raw[i] != UInt8(ascii: " ") { i += 1 }
            while i < end, raw[i] == UInt8(ascii: " ") { i += 1 }
            var status = 0
            while i < end, raw[i] >= 48, raw[i] <= 57, status < 1000 {
                status = status * 10 + Int(raw[i] - 48)
                i += 1
            }
            currentStatus = status
            headers = HTTPHeaders()
        } else if let colon = raw[0..<end].firstIndex(of: UInt8(ascii: ":")) {
            var valueStart = colon + 1
            var valueEnd = end
            var nameEnd = colon
            while valueStart < valueEnd, raw[valueStart] == 32 || raw[valueStart] == 9 { valueStart += 1 }
            while valueEnd > valueStart, raw[valueEnd - 1] == 32 || raw[valueEnd - 1] == 9 { valueEnd -= 1 }
            while nameEnd > 0, raw[nameEnd - 1] == 32 || raw[nameEnd - 1] == 9 { nameEnd -= 1 }
            headers.add(name: String(decoding: UnsafeBufferPointer(rebasing: raw[0..<nameEnd]), as: UTF8.self),
                        value: String(decoding: UnsafeBufferPointer(rebasing: raw[valueStart..<valueEnd]),
                                      as: UTF8.self))
        }
    }

    private func endOfHeaderBlock() {
        guard [301, 302, 303, 307, 308].contains(currentStatus),
              let location = headers["Location"], !location.isEmpty else { return }
        let target = Self.resolve(location, against: currentURL) ?? location
        redirects.append(RedirectHop(url: currentURL, status: currentStatus, location: target))
        currentURL = target
    }

    /// Decides whether libcurl may connect to `address`; records the refusal for the error message.
    func mayConnect(to address: UnsafePointer<sockaddr>) -> Bool {
        guard network.denyPrivateNetworks else { return true }
        guard let decoded = NetworkAddress.decode(address) else { return false }
        if !network.mayConnect(to: decoded.bytes, port: decoded.port) {
            refusedAddress = decoded.text
            return false
        }
        return true
    }

    /// Decides whether libcurl may ask the system resolver for the host of the URL being fetched now (the
    /// request, or the redirect hop being followed): under ``NetworkPolicy/resolveOnly`` only `localhost`
    /// and IP literals reach this point legitimately (mapped names are answered from libcurl's cache).
    func mayAskResolver() -> Bool {
        guard network.resolveOnly else { return true }
        let host = URLParts(currentURL)?.host ?? currentURL
        if NetworkPolicy.isLocalName(host) { return true }
        refusedName = host
        return false
    }

    /// Resolves a Location value the way libcurl does (its own URL parser), so the chain shows what was fetched.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, base, 0) == CURLUE_OK,
              curl_url_set(handle, CURLUPART_URL, location, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK
        else { return nil }
        var out: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, CURLUPART_URL, &out, 0) == CURLUE_OK, let out else { return nil }
        defer { curl_free(out) }
        return String(cString: out)
    }
}
