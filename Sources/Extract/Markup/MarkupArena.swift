import CLibXML2
import CMarkupArena

/// Runs the reading of one page with libxml2 allocating from a per-thread arena (`CMarkupArena`): a page's
/// tree is tens of thousands of small blocks, and taking them from one reused block, then dropping them all at
/// once instead of freeing each, saves about a fifth of the parse.
///
/// Everything libxml2 allocates inside a session must be gone when it ends: the trees, XPath results and
/// strings made there stay inside the session (a `MarkupTree` made in one never leaves it, nor does any `Node`).
/// Outside a session libxml2 uses the C library's allocator as before, on every thread.
enum MarkupArena {
    /// libxml2 is initialised (its global tables allocated normally) before its allocator is replaced, once.
    private static let installed: Bool = {
        xmlInitParser()
        xmlMemSetup(omniaudit_arena_free, omniaudit_arena_malloc, omniaudit_arena_realloc, omniaudit_arena_strdup)
        return true
    }()

    /// Runs `body` in a session on the calling thread (a nested call joins the running session).
    static func session<Result>(_ body: () throws -> Result) rethrows -> Result {
        _ = installed
        let started = omniaudit_arena_begin() == 1
        defer {
            // libxml2 keeps a copy of the thread's last error: it must not point into the arena afterwards.
            if started { xmlResetLastError() }
            omniaudit_arena_end()
        }
        return try body()
    }

    /// True when the pointer was allocated in the calling thread's arena (the session drops it).
    static func owns(_ pointer: UnsafeRawPointer) -> Bool { omniaudit_arena_owns(pointer) != 0 }
}
