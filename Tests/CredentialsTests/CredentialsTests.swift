import Credentials
import Foundation
import Testing

@Suite("Credentials: password hashes, tokens, Fever keys")
struct CredentialsTests {
    @Test("a password hash is salted scrypt that verifies the password and nothing else")
    func passwordHash() throws {
        let one = try PasswordHash.make("correct horse")
        let two = try PasswordHash.make("correct horse")
        #expect(one.hasPrefix("$scrypt$ln=15,r=8,p=1$"))
        #expect(one != two, "each hash has its own salt")
        #expect(!one.contains("correct"))
        #expect(PasswordHash.verify("correct horse", against: one))
        #expect(PasswordHash.verify("correct horse", against: two))
        #expect(!PasswordHash.verify("correct horsf", against: one))
        #expect(!PasswordHash.verify("", against: one))
        #expect(!PasswordHash.verify("correct horse", against: "plain"))
        #expect(!PasswordHash.verify("correct horse", against: "$scrypt$ln=40,r=8,p=1$AAAA$AAAA"), "absurd parameters are refused")
        #expect(throws: CredentialError.emptyPassword) { try PasswordHash.make("") }
    }

    @Test("stored parameters are used to verify (cheaper ones from before still verify)")
    func parameters() throws {
        let cheap = try PasswordHash.make("pw", parameters: .init(logCost: 10, blockSize: 8, parallelism: 1))
        #expect(cheap.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(PasswordHash.verify("pw", against: cheap))
        #expect(!PasswordHash.verify("pw2", against: cheap))
    }

    @Test("scrypt matches RFC 7914's test vector (N=1024, r=8, p=16)")
    func rfcVector() throws {
        // RFC 7914 §12: P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64; the first 32 bytes.
        let stored = "$scrypt$ln=10,r=8,p=16$" + Data("NaCl".utf8).base64EncodedString() + "$"
            + Data(hex: "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162").base64EncodedString()
        #expect(PasswordHash.verify("password", against: stored))
    }

    @Test("tokens are random, prefixed, and stored as their SHA-256")
    func tokens() {
        let a = APITokenSecret.make()
        let b = APITokenSecret.make()
        #expect(a.token != b.token && a.hash != b.hash)
        #expect(APITokenSecret.isWellFormed(a.token) && a.token.hasPrefix("syn_") && a.token.count == 68)
        #expect(a.hash == APITokenSecret.hash(a.token) && a.hash.count == 64 && !a.hash.contains(a.token))
        #expect(!APITokenSecret.isWellFormed("syn_xyz") && !APITokenSecret.isWellFormed(a.hash))
        // SHA-256("abc")
        #expect(APITokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the Fever key is md5(user:password) in hex, as the protocol says")
    func fever() {
        // md5("ann:secret")
        #expect(FeverKey.make(user: "ann", apiPassword: "secret") == "5bdf88162a706752a8ca6fe5eab3a60f")
        #expect(ConstantTime.equal("abc", "abc") && !ConstantTime.equal("abc", "abd") && !ConstantTime.equal("abc", "ab"))
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }
}
