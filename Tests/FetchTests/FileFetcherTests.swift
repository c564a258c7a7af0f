import Fetch
import Foundation
import Testing

@Suite struct FileFetcherTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "omniaudit-fetch-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/a.html", contents: Data("<p>a</p>".utf8))
        FileManager.default.createFile(atPath: path + "/sub/b.htm", contents: Data("<p>b</p>".utf8))
        FileManager.default.createFile(atPath: path + "/c.txt", contents: Data("c".utf8))
        return path
    }()

    @Test func readsPathsAndFileURLs() throws {
        #expect(try FileFetcher().fetch(folder + "/a.html").body == Data("<p>a</p>".utf8))
        #expect(try FileFetcher().fetch("file://" + folder + "/a.html").body == Data("<p>a</p>".utf8))
    }

    @Test func missingFilesNameTheInput() {
        #expect(throws: FetchError.notFound(folder + "/nope.html")) { try FileFetcher().fetch(folder + "/nope.html") }
        #expect(FetchError.notFound("x.html").description == "x.html: not found")
    }

    @Test func foldersAndOversizedFilesAreRefused() {
        #expect(throws: FetchError.unreadable(folder, reason: "it is a folder")) { try FileFetcher().fetch(folder) }
        #expect(throws: FetchError.tooLarge(folder + "/a.html", limit: 4)) { try FileFetcher(maxBytes: 4).fetch(folder + "/a.html") }
    }

    @Test func otherSchemesAreUnsupported() {
        #expect(throws: FetchError.unsupportedScheme("imap://host/INBOX")) { try FileFetcher().fetch("imap://host/INBOX") }
    }

    @Test func listsFilesRecursivelyInStableOrder() throws {
        let files = try FileFetcher().files(in: folder, extensions: ["html", "htm"])
        #expect(files == [folder + "/a.html", folder + "/sub/b.htm"])
    }
}
