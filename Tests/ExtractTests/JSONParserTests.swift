import Extract
import Testing

@Suite struct JSONParserTests {
    @Test func keepsNumbersAsWritten() throws {
        let value = try JSONParser.parse(#"{"price": 49.90, "qty": 3, "big": 1e3}"#)
        #expect(value["price"] == .number("49.90"))
        #expect(value["qty"]?.text == "3")
    }

    @Test func readsWhatShopsPublishWhenLenient() throws {
        let text = """
            {
              // a comment
              "name": "Tazza \\u00e8 \\ud83d\\ude00", /* block */
              "offers": [{"price": "1,00",},],
              "raw": "a\tb"
            }
            """
        let value = try JSONParser.parse(text)
        #expect(value["name"]?.text == "Tazza è 😀")
        #expect(value["offers"]?.list.count == 1)
        #expect(value["raw"]?.text == "a\tb")
    }

    @Test func strictModeRejectsTrailingCommas() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(#"[1,]"#, lenient: false) }
    }

    @Test func errorsCarryLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 7)
            #expect(error.message.contains("':'"))
        }
    }

    @Test func hostileNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test(arguments: ["", "{", "\"abc", "[1 2]", "tru", "{\"a\":}"])
    func truncatedInputIsAnError(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }
}
