package org.mhconnect.problems.json;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much JSON one request may bring, under {@code mhc.json}.
 *
 * @param maxDocumentSize the largest JSON document read (journal-service raises it for whole-journal imports)
 */
@ConfigurationProperties("mhc.json")
public record JsonLimits(@DefaultValue("2MB") DataSize maxDocumentSize) {
}
