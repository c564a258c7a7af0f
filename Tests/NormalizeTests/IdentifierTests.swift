import Normalize
import Testing

@Suite struct IdentifierTests {
    @Test(arguments: [
        ("8054321010035", "08054321010035"), ("012345678905", "00012345678905"), ("00012345678905", "00012345678905"),
        (" 8054321010035 ", "08054321010035"), ("80-5432-101003-5", "08054321010035"), ("96385074", "00000096385074"),
        ("10012345678902", "10012345678902"),
    ])
    func gtinsHaveOneCanonicalForm(input: String, expected: String) {
        #expect(Identifiers.gtin(input) == expected)
    }

    @Test(arguments: ["", "abc", "0000", "123456789012345"])
    func notAGtin(input: String) {
        #expect(Identifiers.gtin(input) == nil)
    }

    @Test(arguments: [("08054321010035", true), ("8054321010035", true), ("00012345678905", true), ("96385074", true),
                      ("10012345678902", true), ("8054321010036", false), ("1234567", false), ("12a45678", false)])
    func checkDigits(input: String, valid: Bool) {
        #expect(Identifiers.isValidGTIN(input) == valid)
    }

    @Test func skusAreTrimmed() {
        #expect(Identifiers.sku("  BA-1001 ") == "BA-1001")
        #expect(Identifiers.sku("   ") == nil)
    }
}

@Suite struct URLNormalizerTests {
    @Test(arguments: [
        ("https://WWW.Shop.IT/p/x.html?utm_source=news&utm_medium=email#top", "https://www.shop.it/p/x.html"),
        ("https://shop.it/p?id=3&gclid=abc&fbclid=z", "https://shop.it/p?id=3"),
        ("https://shop.it:443", "https://shop.it/"),
        ("http://shop.it:8080/a", "http://shop.it:8080/a"),
    ])
    func trackingParametersAndFragmentsAreDropped(input: String, expected: String) {
        #expect(URLNormalizer.normalize(input) == expected)
    }

    @Test func relativeOrOtherSchemesAreNotURLs() {
        #expect(URLNormalizer.normalize("/prodotti/x.html") == nil)
        #expect(URLNormalizer.normalize("javascript:alert(1)") == nil)
    }
}
