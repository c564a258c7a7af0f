import Foundation

/// A real IMAP server for the tests: Debian's dovecot, started as an unprivileged process (as `nobody` when the
/// tests run as root) on 127.0.0.1 with its config, password file and Maildir in a temporary folder; stopped
/// and removed by `stop()`.
final class Dovecot {
    let folder: URL
    let port: Int
    let maildir: URL
    let user = "shop"
    let password = "s3cret-imap"
    private let process = Process()

    /// With `tls`, the server listens for IMAPS only, with a certificate for 127.0.0.1 signed by `caFile`.
    let tls: Bool

    /// The test certificate authority's certificate (PEM), when `tls`.
    var caFile: String { folder.appendingPathComponent("ca.pem").path }

    /// Starts dovecot with the given messages in INBOX (as unseen mail in `new/`); waits until it accepts connections.
    /// With `tls`, a CA and a server certificate for 127.0.0.1 are made with openssl, and only IMAPS is served.
    init(messages: [URL], tls: Bool = false) throws {
        self.tls = tls
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-dovecot-\(UUID().uuidString)")
        maildir = folder.appendingPathComponent("Maildir")
        let manager = FileManager.default
        for sub in ["cur", "new", "tmp"] {
            try manager.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: folder.appendingPathComponent("run"), withIntermediateDirectories: true)
        for (index, message) in messages.enumerated() {
            try manager.copyItem(at: message, to: maildir.appendingPathComponent("new/\(1_795_000_000 + index).M\(index)P1.test"))
        }
        port = Self.unusedPort()
        let root = getuid() == 0
        let (runUser, runGroup, uid, gid) = root ? ("nobody", "nogroup", 65_534, 65_534)
            : (NSUserName(), String(cString: getgrgid(getgid()).pointee.gr_name), Int(getuid()), Int(getgid()))
        let config = """
            base_dir = \(folder.path)/run
            state_dir = \(folder.path)/run
            listen = 127.0.0.1
            protocols = imap
            ssl = \(tls ? "required" : "no")
            \(tls ? "ssl_cert = <\(folder.path)/server.pem\n            ssl_key = <\(folder.path)/server.key" : "")
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = \(runUser)
            default_internal_group = \(runGroup)
            default_login_user = \(runUser)
            log_path = \(folder.path)/dovecot.log
            mail_location = maildir:\(maildir.path):LAYOUT=fs:INBOX=\(maildir.path)
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(folder.path)/passwd
            }
            userdb {
              driver = static
              args = uid=\(uid) gid=\(gid) home=\(folder.path)
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = \(tls ? 0 : port)
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = \(tls ? port : 0)
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }

            """
        try config.write(to: folder.appendingPathComponent("dovecot.conf"), atomically: true, encoding: .utf8)
        try "\(user):{PLAIN}\(password)\n".write(to: folder.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        if tls { try Self.makeCertificates(in: folder) }
        if root {
            // dovecot refuses to run its login and mail processes as root: the whole server runs as nobody.
            let chown = Process()
            chown.executableURL = URL(fileURLWithPath: "/bin/chown")
            chown.arguments = ["-R", "65534:65534", folder.path]
            try chown.run()
            chown.waitUntilExit()
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/sbin/dovecot", "-F", "-c",
                                 folder.appendingPathComponent("dovecot.conf").path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
            process.arguments = ["-F", "-c", folder.appendingPathComponent("dovecot.conf").path]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    var url: String { "\(tls ? "imaps" : "imap")://127.0.0.1:\(port)/INBOX" }

    /// A throwaway CA and a server certificate for 127.0.0.1 (subjectAltName IP), made with the openssl CLI.
    private static func makeCertificates(in folder: URL) throws {
        let path = folder.path
        let extensions = folder.appendingPathComponent("san.cnf")
        try "subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n".write(to: extensions, atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=omniaudit test CA",
             "-keyout", "\(path)/ca.key", "-out", "\(path)/ca.pem"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "\(path)/server.key", "-out", "\(path)/server.csr"],
            ["x509", "-req", "-in", "\(path)/server.csr", "-CA", "\(path)/ca.pem", "-CAkey", "\(path)/ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", extensions.path, "-out", "\(path)/server.pem"],
        ]
        for arguments in steps {
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            openssl.arguments = arguments
            openssl.standardOutput = FileHandle.nullDevice
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            guard openssl.terminationStatus == 0 else {
                throw DovecotError(message: "openssl \(arguments.prefix(2).joined(separator: " ")) failed (\(openssl.terminationStatus))")
            }
        }
    }

    /// The Maildir file names of INBOX (flags after `:2,`; `S` is seen).
    func messageFiles() -> [String] {
        ["new", "cur"].flatMap { sub in
            ((try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent(sub).path)) ?? []).map { "\(sub)/\($0)" }
        }.sorted()
    }

    /// The files whose flags include `S` (seen).
    func seenFiles() -> [String] {
        messageFiles().filter { name in
            guard let flags = name.components(separatedBy: ":2,").dropFirst().first else { return false }
            return flags.contains("S")
        }
    }

    func stop() {
        if process.isRunning {
            // SIGTERM to the dovecot master (setpriv exec'd it); if it still waits for a child after 3 s, SIGKILL:
            // its children notice the master is gone and exit by themselves.
            process.terminate()
            for _ in 0..<30 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A port below the kernel's ephemeral range (32768 and up, where the tests' client sockets and port-0 servers
    /// land: a random port there was sometimes taken by the time dovecot bound it) that nothing listens on now.
    static func unusedPort() -> Int {
        for _ in 0..<50 {
            let port = Int.random(in: 20_000...32_000)
            if onLoopback(port, bind) == 0 { return port }
        }
        return Int.random(in: 20_000...32_000)
    }

    /// Calls `bind` or `connect` on a new TCP socket with 127.0.0.1:`port`, closes the socket, returns the call's result.
    static func onLoopback(_ port: Int, _ call: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.onLoopback(port, connect) == 0 { return }
            if !process.isRunning { break }
            usleep(100_000)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("dovecot.log"), encoding: .utf8)) ?? ""
        stop()
        throw DovecotError(message: "dovecot did not start on port \(port): \(log.suffix(600))")
    }

    struct DovecotError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
