package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Item images on Shopee are referred to by the ids of images uploaded to Shopee's media space, not
 * by URL [V]. Each listing image is fetched from the merchant's URL and uploaded once; the id is
 * remembered per connection and URL, in memory and bounded, so a repeated upsert does not upload
 * again. Only JPG and PNG of at most 10 MB are accepted [V].
 */
final class ShopeeImages {
  private static final int MAX_REMEMBERED = 20_000;
  private static final MediaType JPEG = MediaType.get("image/jpeg");
  private static final MediaType PNG = MediaType.get("image/png");

  private final MarketplaceHttp http;
  private final ShopeeClient client;
  private final Map<String, String> ids = Collections.synchronizedMap(
      new LinkedHashMap<String, String>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  ShopeeImages(MarketplaceHttp http, ShopeeClient client) {
    this.http = http;
    this.client = client;
  }

  /**
   * The Shopee image ids of {@code urls}, in order. An image that cannot be used is a permanent
   * failure naming it; a passing fault of the image host or of Shopee is transient.
   */
  List<String> ids(Connection c, ShopeeSettings s, List<String> urls) {
    List<String> out = new ArrayList<>(urls.size());
    for (String url : urls) {
      String key = c.id() + '\n' + url;
      String id = ids.get(key);
      if (id == null) {
        id = upload(c, s, url);
        ids.put(key, id);
      }
      out.add(id);
    }
    return out;
  }

  private String upload(Connection c, ShopeeSettings s, String url) {
    byte[] bytes = download(url);
    MediaType type = isJpeg(bytes) ? JPEG : isPng(bytes) ? PNG : null;
    if (type == null) {
      throw new PermanentFailure("image " + url + " is neither JPG nor PNG, the formats Shopee accepts", 0,
          "image_format");
    }
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("scene", ShopeeApi.IMAGE_SCENE)
        .addFormDataPart("image", type == JPEG ? "image.jpg" : "image.png", RequestBody.create(bytes, type))
        .build();
    JsonNode response = client.post(c, s, ShopeeApi.UPLOAD_IMAGE, body).orThrow().response();
    String id = text(response.path("image_info"), "image_id");
    if (id == null || id.isEmpty()) {
      id = text(response.path("image_info_list").path(0).path("image_info"), "image_id");
    }
    if (id == null || id.isEmpty()) {
      throw new TransientFailure("Shopee stored image " + url + " but sent no image_id", 200);
    }
    return id;
  }

  private byte[] download(String url) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new PermanentFailure("image URL '" + url + "' is not an http(s) URL", 0, "image_url");
    }
    HttpResult r;
    try {
      r = http.send(new Request.Builder().url(parsed).get().build(), res -> ErrorDetail.unknown(res.status()));
    } catch (AuthenticationFailure e) {
      // The image host refused us; the merchant's image, not Shopee's credentials, is the problem.
      throw new PermanentFailure("image " + url + " cannot be fetched: " + e.getMessage(), e.httpStatus(),
          "image_unreachable");
    } catch (RateLimitedFailure e) {
      throw new TransientFailure("the host of image " + url + " throttled us", e.httpStatus(), "image_host_busy", e);
    }
    if (!r.isSuccess()) {
      throw new PermanentFailure("image " + url + " cannot be fetched: HTTP " + r.status(), r.status(),
          "image_unreachable");
    }
    if (r.bodyBytes().length > ShopeeApi.MAX_IMAGE_BYTES) {
      throw new PermanentFailure("image " + url + " is larger than Shopee's 10 MB", 0, "image_too_large");
    }
    return r.bodyBytes();
  }

  private static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  private static boolean isPng(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }
}
