import Crypto

/// The Fever API's key: by that protocol, the lowercase hex MD5 of `user:password`, which clients
/// compute and send as `api_key`. Because MD5 is fast, the password behind it must not be the
/// account's password: each user sets a separate API password (`syndic users passwd NAME --fever`),
/// and only this key is stored, as FreshRSS does.
public enum FeverKey {
    /// `md5("\(user):\(apiPassword)")` in lowercase hex.
    public static func make(user: String, apiPassword: String) -> String {
        APITokenSecret.hex(Array(Insecure.MD5.hash(data: Array("\(user):\(apiPassword)".utf8))))
    }
}
