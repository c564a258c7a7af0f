import Dispatch
import Foundation
import OmniAudit

/// SIGINT/SIGTERM during an audit: stop fetching, write the partial report (`complete: false`), exit 2.
/// A second signal exits at once.
enum Interrupts {
    /// Installs the handlers; keep the returned sources alive for the audit's duration.
    static func install(_ cancellation: AuditCancellation) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled { exit(AuditExitCode.incomplete.rawValue) }
                Console.error("interrupted: stopping the crawl and writing a partial report")
                cancellation.cancel()
            }
            source.resume()
            return source
        }
    }
}
