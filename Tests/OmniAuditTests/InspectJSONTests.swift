import Foundation
import OmniAudit
import Testing

/// `omniaudit inspect --format json` streams its document (`Inspector.writeJSON`): each page is encoded by the
/// worker that read it. The stream must be the document `Result.json()` encodes in one go, byte for byte.
@Suite struct InspectJSONTests {
    static func streamed(_ inspector: Inspector, _ inputs: [String]) -> (text: String, observations: Int, problems: Int) {
        var data = Data()
        let counts = inspector.writeJSON(inputs) { data += $0 }
        return (String(decoding: data, as: UTF8.self), counts.observations, counts.problems)
    }

    @Test(arguments: [
        ["fixtures/demo-shop/web"],
        ["fixtures/pages"],
        ["fixtures/demo-shop/web/index.html", "/nonexistent/page.html"],
        ["/nonexistent/page.html"],
    ])
    func pagesStreamAsTheWholeDocument(_ inputs: [String]) {
        let paths = inputs.map { $0.hasPrefix("/") ? $0 : Paths.repo($0) }
        let inspector = Inspector(kind: .page)
        let whole = inspector.inspect(paths)
        let stream = Self.streamed(inspector, paths)
        #expect(stream.text == whole.json())
        #expect(stream.observations == whole.observations.count)
        #expect(stream.problems == whole.problems.count)
    }

    @Test func feedsStreamAsTheWholeDocument() {
        let paths = [Paths.repo("fixtures/demo-shop/feeds")]
        let inspector = Inspector(kind: .feed)
        let whole = inspector.inspect(paths)
        #expect(whole.observations.count > 10)
        #expect(Self.streamed(inspector, paths).text == whole.json())
    }
}
