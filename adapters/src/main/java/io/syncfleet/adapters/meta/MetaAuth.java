package io.syncfleet.adapters.meta;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;

/**
 * How a call proves who sends it: the system user's access token as the {@code access_token}
 * parameter [V], and, when the connection has the app secret, {@code appsecret_proof}, the
 * lowercase hex HMAC-SHA256 of the token under the app secret [V], which apps with "Require App
 * Secret" switched on demand on every call. System user tokens do not expire unless the merchant
 * chose an expiring one [C], so there is nothing to refresh: an expired token pauses the connection.
 * {@code toString} never shows either value.
 */
record MetaAuth(String accessToken, String appsecretProof) {

  /** The credentials of {@code c}; a missing token pauses the connection. */
  static MetaAuth of(Connection c) {
    String token;
    try {
      token = c.secrets().require(MetaApi.ACCESS_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage() + ": store the Meta system user's access token as '"
          + MetaApi.ACCESS_TOKEN + "'", 0, "missing_credential");
    }
    String proof = c.secrets().get(MetaApi.APP_SECRET).filter(s -> !s.isEmpty())
        .map(secret -> proof(secret, token)).orElse(null);
    return new MetaAuth(token, proof);
  }

  /** {@code appsecret_proof} of {@code accessToken}: HMAC-SHA256 keyed by the app secret, lowercase hex. */
  static String proof(String appSecret, String accessToken) {
    return Hmac.sha256Hex(appSecret, accessToken);
  }

  /** Adds the credentials to a multipart form (POST). */
  MultipartBody.Builder addTo(MultipartBody.Builder form) {
    form.addFormDataPart(MetaApi.ACCESS_TOKEN_PARAM, accessToken);
    if (appsecretProof != null) {
      form.addFormDataPart(MetaApi.APPSECRET_PROOF, appsecretProof);
    }
    return form;
  }

  /** Adds the credentials to a query (GET). */
  HttpUrl.Builder addTo(HttpUrl.Builder url) {
    url.addQueryParameter(MetaApi.ACCESS_TOKEN_PARAM, accessToken);
    if (appsecretProof != null) {
      url.addQueryParameter(MetaApi.APPSECRET_PROOF, appsecretProof);
    }
    return url;
  }

  @Override
  public String toString() {
    return "MetaAuth[accessToken=(redacted), appsecretProof=" + (appsecretProof == null ? "none" : "(redacted)") + "]";
  }
}
