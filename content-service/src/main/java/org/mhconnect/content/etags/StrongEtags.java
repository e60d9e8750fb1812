package org.mhconnect.content.etags;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong ETags for public answers: the SHA-256 of the answer's JSON, in lower-case hex, quoted. Returned on a
 * {@code ResponseEntity}, Spring MVC answers a matching {@code If-None-Match} with 304 itself.
 */
@Component
public class StrongEtags {

    private final JsonMapper json;

    StrongEtags(JsonMapper json) {
        this.json = json;
    }

    public String of(Object answer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(answer));
            return "\"" + HexFormat.of().formatHex(digest) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
