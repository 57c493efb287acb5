package org.twittner.notification.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.twittner.platform.JsonParts;

/**
 * A Google service account key file (the JSON that the Firebase console downloads): the
 * project, the account's e-mail, its RSA key, and the token endpoint. It signs the JWT that
 * is exchanged for an access token (OAuth 2.0 JWT bearer grant, RFC 7523), so the server
 * needs no Google library.
 */
record ServiceAccount(String projectId, String clientEmail, PrivateKey key, String tokenUri) {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final int MAX_FILE_BYTES = 64 * 1024;

    static ServiceAccount read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than a service account key file");
        }
        JsonObject json;
        try (JsonReader reader = JsonParts.reader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        } catch (RuntimeException notJson) {
            throw new IOException(file + " is not JSON: " + notJson.getMessage());
        }
        String projectId = json.getString("project_id", "");
        String email = json.getString("client_email", "");
        String pem = json.getString("private_key", "");
        if (projectId.isEmpty() || email.isEmpty() || pem.isEmpty()) {
            throw new IOException(file + " lacks project_id, client_email or private_key");
        }
        try {
            String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new ServiceAccount(projectId, email, key,
                    json.getString("token_uri", "https://oauth2.googleapis.com/token"));
        } catch (GeneralSecurityException | IllegalArgumentException badKey) {
            throw new IOException(file + ": private_key is not an RSA key in PKCS#8 PEM: " + badKey.getMessage());
        }
    }

    /** The signed assertion for {@code audience} (the token endpoint), valid for an hour. */
    String assertion(String audience, long nowSeconds) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(JsonParts.object()
                .add("iss", clientEmail).add("scope", SCOPE).add("aud", audience)
                .add("iat", nowSeconds).add("exp", nowSeconds + 3600).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", impossible);
        }
    }
}
