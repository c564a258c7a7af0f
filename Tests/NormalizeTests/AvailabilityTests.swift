import AuditModel
import Testing

@testable import Normalize

@Suite("Availability and stock")
struct AvailabilityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let availability: Availability?
        var count: Int? = nil
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // schema.org, URL and short forms
        Case(text: "https://schema.org/InStock", availability: .inStock),
        Case(text: "http://schema.org/OutOfStock", availability: .outOfStock),
        Case(text: "schema:PreOrder", availability: .preorder),
        Case(text: "BackOrder", availability: .backorder),
        Case(text: "LimitedAvailability", availability: .limited),
        Case(text: "Discontinued", availability: .discontinued),
        Case(text: "SoldOut", availability: .outOfStock),
        Case(text: "InStoreOnly", availability: .inStock),
        // Merchant values
        Case(text: "in stock", availability: .inStock), Case(text: "in_stock", availability: .inStock),
        Case(text: "out of stock", availability: .outOfStock), Case(text: "out_of_stock", availability: .outOfStock),
        Case(text: "preorder", availability: .preorder), Case(text: "backorder", availability: .backorder),
        Case(text: "available for order", availability: .preorder),
        // Italian
        Case(text: "Disponibile", availability: .inStock), Case(text: "Esaurito", availability: .outOfStock),
        Case(text: "Non disponibile", availability: .outOfStock), Case(text: "Ultimi 3 pezzi", availability: .limited, count: 3),
        Case(text: "solo 8 rimasti", availability: .limited, count: 8),
        Case(text: "Disponibilità immediata", availability: .inStock),
        Case(text: "Disponibile su ordinazione", availability: .backorder),
        Case(text: "Preordine", availability: .preorder), Case(text: "Ultimo pezzo!", availability: .limited),
        Case(text: "Disponibili: 12 pezzi", availability: .inStock, count: 12),
        Case(text: "Fuori produzione", availability: .discontinued),
        // English
        Case(text: "Only 2 left in stock", availability: .limited, count: 2),
        Case(text: "In Stock", availability: .inStock), Case(text: "Sold out", availability: .outOfStock),
        Case(text: "Currently unavailable.", availability: .outOfStock), Case(text: "Pre-order now", availability: .preorder),
        Case(text: "Only 1 left!", availability: .limited, count: 1),
        // German
        Case(text: "Nur noch 2 auf Lager", availability: .limited, count: 2), Case(text: "Auf Lager", availability: .inStock),
        Case(text: "Ausverkauft", availability: .outOfStock), Case(text: "Derzeit nicht verfügbar", availability: .outOfStock),
        Case(text: "Sofort lieferbar", availability: .inStock), Case(text: "Vorbestellbar", availability: .preorder),
        // French
        Case(text: "En stock", availability: .inStock), Case(text: "Rupture de stock", availability: .outOfStock),
        Case(text: "Plus que 3 en stock", availability: .limited, count: 3), Case(text: "Épuisé", availability: .outOfStock),
        Case(text: "Précommande", availability: .preorder),
        // Spanish
        Case(text: "Agotado", availability: .outOfStock), Case(text: "En existencia", availability: .inStock),
        Case(text: "Quedan 4 unidades", availability: .limited, count: 4), Case(text: "Sin stock", availability: .outOfStock),
        Case(text: "Disponible", availability: .inStock),
        // counts alone, zero, nothing
        Case(text: "0 pezzi disponibili", availability: .outOfStock, count: 0),
        Case(text: "Colore: rosso", availability: nil), Case(text: "", availability: nil),
    ]

    @Test("phrases and machine values map to availability and a stated count", arguments: cases)
    func phrase(_ row: Case) {
        let result = AvailabilityParser.parse(row.text)
        #expect(result.availability == row.availability)
        #expect(result.stockCount == row.count)
    }
}
