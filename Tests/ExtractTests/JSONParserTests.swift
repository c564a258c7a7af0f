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

/// Numbers by the JSON grammar, read exactly.
@Suite struct JSONNumberTests {
    @Test(arguments: [("1.5e2", "150"), ("2E1", "20"), ("1e-2", "0.01"), ("-5", "-5"), ("49.90", "49.90"),
                      ("0", "0"), ("1.25E+1", "12.5"), ("12e-5", "0.00012"), ("-0.5e1", "-5")])
    func plainDecimal(written: String, plain: String) {
        #expect(JSONNumber.plain(written) == plain)
    }

    @Test func hugeExponentsAreRefused() {
        #expect(JSONNumber.plain("1e999") == nil)
        #expect(JSONNumber.plain("1e-41") == nil)
    }

    @Test(arguments: ["1.", "-", "01", "1e", "1e+", "+1", "1.2.3", "--1", "1ee2", ".5"])
    func malformedNumbersAreErrorsWithAPosition(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("{\"a\": \(text)}", lenient: false) }
    }

    @Test func aByteOrderMarkIsNotContent() throws {
        #expect(try JSONParser.parse("\u{FEFF}{\"a\": 1}", lenient: false)["a"] == .number("1"))
    }
}
