package io.syncfleet.adapters.shopify;

/**
 * The GraphQL documents the adapter sends, one named operation each (the name shows in Shopify's
 * logs and lets a simulator tell them apart). Page sizes are variables so {@link ShopifyApi} owns
 * them. Every mutation asks for {@code userErrors} with their {@code field} path, which is how a
 * refusal is traced back to the item that caused it.
 */
final class ShopifyQueries {
  static final String SHOP_INFO = """
      query ShopInfo {
        shop { name myshopifyDomain }
      }""";

  static final String DEFAULT_LOCATION = """
      query DefaultLocation {
        locations(first: 1) { nodes { id name } }
      }""";

  /** The variant fields ShopifyVariantLookup reads, shared so both variant queries ask for the same. */
  private static final String VARIANT_FIELDS = """
      fragment VariantFields on ProductVariant {
        id sku selectedOptions { name value } inventoryItem { id }
      }""";

  /** Shopify's search matches loosely, so callers keep only exact SKU matches. */
  static final String VARIANTS_BY_SKU = """
      query VariantsBySku($query: String!, $first: Int!, $after: String) {
        productVariants(first: $first, after: $after, query: $query) {
          nodes { ...VariantFields product { id variantsCount { count } } }
          pageInfo { hasNextPage endCursor }
        }
      }
      """ + VARIANT_FIELDS;

  /** A product by id or handle (productByIdentifier, 2025-04+ [V]) with a page of its variants; null if none. */
  static final String PRODUCT_VARIANTS = """
      query ProductVariants($identifier: ProductIdentifierInput!, $first: Int!, $after: String) {
        productByIdentifier(identifier: $identifier) {
          id
          variantsCount { count }
          variants(first: $first, after: $after) {
            nodes { ...VariantFields }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
      """ + VARIANT_FIELDS;

  /** With an {@code identifier} it updates that product; without one it creates a product. */
  static final String PRODUCT_SET = """
      mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
        productSet(identifier: $identifier, input: $input, synchronous: true) {
          product { id }
          userErrors { field message code }
        }
      }""";

  static final String INVENTORY_SET = """
      mutation InventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
        inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
          inventoryAdjustmentGroup { id }
          userErrors { field message code }
        }
      }""";

  static final String VARIANT_PRICES = """
      mutation VariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
        productVariantsBulkUpdate(productId: $productId, variants: $variants) {
          productVariants { id }
          userErrors { field message code }
        }
      }""";

  static final String VARIANTS_DELETE = """
      mutation VariantsDelete($productId: ID!, $variantsIds: [ID!]!) {
        productVariantsBulkDelete(productId: $productId, variantsIds: $variantsIds) {
          product { id }
          userErrors { field message code }
        }
      }""";

  /** Plain {@code UserError} has no code. */
  static final String PRODUCT_DELETE = """
      mutation ProductDelete($input: ProductDeleteInput!) {
        productDelete(input: $input) {
          deletedProductId
          userErrors { field message }
        }
      }""";

  /** The line fields {@link ShopifyMapper#lines} reads, shared so both order queries ask for the same. */
  private static final String LINE_ITEM_FIELDS = """
      fragment LineItemFields on LineItem {
        sku title quantity originalUnitPriceSet { shopMoney { amount currencyCode } }
      }""";

  static final String ORDERS_UPDATED_SINCE = """
      query OrdersUpdatedSince($first: Int!, $after: String, $query: String, $lines: Int!) {
        orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
          nodes {
            id
            name
            createdAt
            updatedAt
            cancelledAt
            displayFinancialStatus
            displayFulfillmentStatus
            totalPriceSet { shopMoney { amount currencyCode } }
            lineItems(first: $lines) {
              nodes { ...LineItemFields }
              pageInfo { hasNextPage endCursor }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
      """ + LINE_ITEM_FIELDS;

  /** The rest of an order's lines when it has more than one orders page carries. */
  static final String ORDER_LINE_ITEMS = """
      query OrderLineItems($id: ID!, $first: Int!, $after: String) {
        order(id: $id) {
          lineItems(first: $first, after: $after) {
            nodes { ...LineItemFields }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
      """ + LINE_ITEM_FIELDS;

  private ShopifyQueries() {}
}
