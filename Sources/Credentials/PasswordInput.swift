import Foundation

/// Reading a password for a command: from a file (its first line), from stdin (`-`), or from the
/// terminal with echo off, asked twice.
public enum PasswordInput {
    /// The first line of `path` (`-`: of stdin), without its line ending.
    public static func fromFile(_ path: String) throws(CredentialError) -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw .unreadablePasswordFile(path) }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else { throw .emptyPassword }
        return password
    }

    /// Asks on the terminal (`/dev/tty`) with echo off, twice; throws when there is no terminal.
    public static func fromTerminal(prompt: String) throws(CredentialError) -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw .noTerminal }
        defer { close(fd) }
        let first = try ask(fd, prompt)
        let second = try ask(fd, "again: ")
        guard first == second else { throw .passwordsDiffer }
        guard !first.isEmpty else { throw .emptyPassword }
        return first
    }

    private static func ask(_ fd: Int32, _ prompt: String) throws(CredentialError) -> String {
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { throw .noTerminal }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else { throw .noTerminal }
        defer { _ = tcsetattr(fd, TCSAFLUSH, &saved) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
            if byte != 13 { bytes.append(byte) }
            if bytes.count > 4096 { break }
        }
        throw .noTerminal
    }
}
