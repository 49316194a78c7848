package io.syncfleet.demo;

import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A made-up but valid catalog for the demo: every tenth product comes in two sizes (variants). */
final class DemoCatalog {
  private static final String[] NOUNS = {"Trail Shoe", "Rain Jacket", "Wool Beanie", "Desk Lamp",
      "Coffee Grinder", "Yoga Mat", "Water Bottle", "Camping Stove", "Backpack", "Phone Case"};
  private static final String[] BRANDS = {"Northwind", "Fabrikam", "Contoso", "Tailspin", "Litware"};

  private DemoCatalog() {}

  static List<Listing> generate(int products, long seed) {
    Random random = new Random(seed);
    List<Listing> out = new ArrayList<>();
    for (int i = 0; out.size() < products; i++) {
      String noun = NOUNS[i % NOUNS.length];
      String brand = BRANDS[i % BRANDS.length];
      BigDecimal price = BigDecimal.valueOf(5 + random.nextInt(200)).add(new BigDecimal("0.99"));
      String title = brand + " " + noun + " model " + (100 + i);
      List<String> images = List.of("https://images.example.com/" + i + "/front.jpg",
          "https://images.example.com/" + i + "/side.jpg");
      Listing base = Listing.of("DEMO-" + i, title, price, "USD", random.nextInt(60))
          .withImages(images)
          .withDetails("The " + title + ", part of the demo catalog.", brand, "9355");
      if (i % 10 == 0 && out.size() + 2 <= products) {
        out.add(copy(base, "DEMO-" + i + "-M", "M", price, random));
        out.add(copy(base, "DEMO-" + i + "-L", "L", price.add(new BigDecimal("2")), random));
      } else {
        out.add(base);
      }
    }
    return out;
  }

  private static Listing copy(Listing base, String sku, String size, BigDecimal price, Random random) {
    return new Listing(sku, base.title() + " size " + size, base.description(), base.brand(), base.mpn(),
        base.gtin(), base.condition(), price.setScale(2, RoundingMode.HALF_UP), base.currency(),
        random.nextInt(60), base.imageUrls(), base.categoryId(), base.attributes(), base.sku(),
        Map.of("Size", size));
  }
}
