import CGMime

/// GMime's process-wide set-up: `g_mime_init` once, and the parser options every read uses (raw 8-bit header
/// bytes read as UTF-8, else windows-1252; lenient RFC 2047).
final class GMimeRuntime: @unchecked Sendable {
    // Safe to share: created once under the `static let` lock, never mutated afterwards; GMime only reads options.
    let options: OpaquePointer

    static let shared = GMimeRuntime()

    private init() {
        g_mime_init()
        let options = g_mime_parser_options_new()!
        g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        let names = ["utf-8", "windows-1252"]
        let pointers = names.map { strdup($0) } + [nil]  // kept for the life of the process
        var constPointers = pointers.map { UnsafePointer($0) }
        constPointers.withUnsafeMutableBufferPointer { buffer in
            g_mime_parser_options_set_fallback_charsets(options, buffer.baseAddress)
        }
        self.options = options
    }
}
