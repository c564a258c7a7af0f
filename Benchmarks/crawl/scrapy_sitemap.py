"""Scrapy reference: a SitemapSpider that fetches every page and parses its JSON-LD (crawl + extract).

usage: scrapy runspider scrapy_sitemap.py -a sitemap=URL [-a extract=0] -s CONCURRENT_REQUESTS=16 -s CONCURRENT_REQUESTS_PER_DOMAIN=16
"""
import json

from scrapy.spiders import SitemapSpider


class ShopSpider(SitemapSpider):
    name = "shop"
    custom_settings = {"LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": True, "TELNETCONSOLE_ENABLED": False,
                       "COOKIES_ENABLED": False}

    def __init__(self, sitemap, extract="1", **kwargs):
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap]
        self.extract = extract == "1"
        self.products = 0

    def parse(self, response):
        if not self.extract:
            return
        for block in response.xpath('//script[@type="application/ld+json"]/text()').getall():
            data = json.loads(block)
            if data.get("@type") == "Product":
                self.products += 1
                yield {"sku": data.get("sku"), "price": data.get("offers", {}).get("price")}

    def closed(self, reason):
        print("scrapy products:", self.products)
