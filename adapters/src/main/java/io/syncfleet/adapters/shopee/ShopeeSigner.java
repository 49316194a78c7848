package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.http.Hmac;

/**
 * Shopee v2 request signatures [V]: the lowercase 64-character hex HMAC-SHA256, keyed with the
 * partner key's UTF-8 bytes (not hex-decoded), of {@code partner_id + api path + timestamp}, followed
 * for shop calls by {@code access_token + shop_id}. No separators; the path has no host.
 */
final class ShopeeSigner {
  private ShopeeSigner() {}

  /** The sign of a public (partner-level) call such as a token refresh. */
  static String publicCall(String partnerKey, long partnerId, String path, long timestamp) {
    return Hmac.sha256Hex(partnerKey, partnerId + path + timestamp);
  }

  /** The sign of a shop call. */
  static String shopCall(String partnerKey, long partnerId, String path, long timestamp, String accessToken,
      long shopId) {
    return Hmac.sha256Hex(partnerKey, partnerId + path + timestamp + accessToken + shopId);
  }
}
