package org.privacymailbox.classification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** {@code vocabulary}: where the topic stems are read from at start, e.g. {@code file:/etc/privacy-mailbox/vocabulary.txt}. */
@ConfigurationProperties("privacy-mailbox.classification")
public record ClassificationSettings(@DefaultValue("classpath:classification/vocabulary.txt") Resource vocabulary) {
}
