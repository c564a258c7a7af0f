import AuditModel
import Extract
import Foundation
import Testing

/// Streaming interprets records on worker threads with a prepared interpreter that finds fields by column; one record
/// interpreted alone finds them by name. Both give the same observations and problems, for every interpreter setting.
@Suite struct FeedInterpreterPathsTests {
    static let csv = """
        g:id,title,link,price,sale_price,sale_price_effective_date,availability,quantity,inventory,brand,item_group_id,gtin,shipping,size,color,store_code
        A-1,"Mug, blue",https://shop.example/p/1?utm_source=x,15.00 EUR,12.00 EUR,2026-11-20/2026-11-30,in stock,7,,Acme,G,4006381333931,"US::Standard:4.95 USD,IT::Std:3.00 EUR",M,blue,S1
        ,,https://Shop.example/P/2,"12,90",,,out of stock,,3,,,,,,,
        B-2,  ,,1.00 EUR,,not a date,maybe,-1,,,,123,IT::Std:3.00 EUR,,,S2
        ,,,,,,,,,,,,,,,
        C-3,Teapot,http://shop.example/p/3#x,abc,0.90 USD,2026-12-01/2026-12-24,preorder,2,,Acme,,,,L,,
        D-4,  Tea  ,https://shop.example/p/4,\u{00A0}4.00 EUR\u{00A0},,,\u{00A0}in stock ,5,,\u{3000},G,,,,,S1

        """

    func alone(_ interpreter: RecordInterpreter) -> (observations: [Observation], problems: [String]) {
        var observations: [Observation] = []
        var problems: [Problem] = []
        _ = DelimitedReader(separator: 0x2C).read(FeedInput(data: Data(Self.csv.utf8)), source: "f.csv") { record in
            if let observation = interpreter.observation(record, source: "f.csv", problems: &problems) { observations.append(observation) }
        }
        return (observations, problems.map(\.description))
    }

    @Test func streamedObservationsAreThoseOfEachRecordAlone() {
        for perStore in [false, true] {
            for country in [nil, "IT", "US"] {
                var interpreter = RecordInterpreter(channel: "feed", defaultCurrency: "EUR", decimalSeparator: ",")
                interpreter.perStore = perStore
                interpreter.country = country
                interpreter.defaultStore = perStore ? "main" : nil
                let streamed = StreamingFeedExtractor(format: .csv, interpreter: interpreter).extract(Data(Self.csv.utf8), source: "f.csv")
                let expected = alone(interpreter)
                #expect(streamed.observations == expected.observations, "perStore \(perStore), country \(country ?? "none")")
                #expect(streamed.problems.map(\.description) == expected.problems, "perStore \(perStore), country \(country ?? "none")")
                #expect(streamed.observations.count == 5)
            }
        }
    }
}
