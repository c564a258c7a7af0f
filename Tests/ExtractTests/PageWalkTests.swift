import CLibXML2
@testable import Extract
import Foundation
import Testing

/// Walks that replaced XPath queries or string building on the extraction's hot paths must answer what those
/// did, on every fixture page and real page.
@Suite struct PageWalkTests {
    static func pages() throws -> [(name: String, data: Data)] {
        var pages: [(String, Data)] = []
        for folder in ["fixtures/pages", "fixtures/demo-shop/web", "fixtures/real-pages"] {
            let root = RawTextBodiesTests.repo.appendingPathComponent(folder)
            for file in try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
            where file.hasSuffix(".html") || file.hasSuffix(".html.gz") {
                let url = root.appendingPathComponent(file)
                pages.append(("\(folder)/\(file)", file.hasSuffix(".gz") ? try RawTextBodiesTests.gunzip(url) : try Data(contentsOf: url)))
            }
        }
        return pages
    }

    /// The item-number candidates: the walk selects the elements the XPath it replaced selected, in order.
    @Test func shortLeavesAreWhatTheXPathSelected() throws {
        let xpath = "//body//*[not(*) and string-length(normalize-space(.)) > 1 and string-length(normalize-space(.)) < 60]"
        var compared = 0
        for (name, data) in try Self.pages() {
            guard let tree = MarkupTree(html: data, url: name, encoding: Charset.encoding(for: data, contentType: nil)) else { continue }
            let walked = VisibleIdentifier.shortLeaves(in: tree, limit: 20_001).map(\.pointer)
            let selected = tree.elements(xpath).prefix(20_001).map(\.pointer)
            #expect(walked == Array(selected), "\(name)")
            compared += 1
        }
        #expect(compared > 150)
    }

    /// A link refused as "surely longer than 40 characters" on its bytes really has a longer collapsed text.
    @Test func textSurelyLongerNeverRefusesAShortText() throws {
        var refused = 0
        for (name, data) in try Self.pages() {
            guard let tree = MarkupTree(html: data, url: name, encoding: Charset.encoding(for: data, contentType: nil)) else { continue }
            tree.forEachElementPointer { pointer in
                let node = Node(pointer: pointer, tree: tree)
                if node.textSurelyLonger(than: 40) {
                    refused += 1
                    #expect(node.collapsedText.count > 40, "\(name): \(node.locator)")
                }
                return true
            }
        }
        #expect(refused > 1_000)
    }
}
