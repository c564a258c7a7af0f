import Foundation

/// Local inputs are read only when they are regular files: a FIFO, socket or device (`/dev/stdin`, a named
/// pipe dropped into a pages folder) would block the audit forever.
public enum LocalFile {
    /// Why a path must not be read (not a regular file, after following symbolic links), or nil.
    public static func refusal(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }  // missing files are reported by the reader
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder"
        case S_IFIFO: return "not a regular file (a FIFO)"
        case S_IFCHR, S_IFBLK: return "not a regular file (a device)"
        case S_IFSOCK: return "not a regular file (a socket)"
        default: return "not a regular file"
        }
    }

    /// True for a regular file (after following symbolic links).
    public static func isRegular(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
