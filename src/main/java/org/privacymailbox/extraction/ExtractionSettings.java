package org.privacymailbox.extraction;

import java.time.Duration;
import org.privacymailbox.settings.InvalidSettingException;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on reading mail. Each one, when hit, is recorded on the document; none stops the service.
 *
 * @param maxMailSize a larger mail is indexed by its headers and text; its attachments are not read
 * @param maxAttachmentSize a larger attachment is listed but not read
 * @param maxCharacters text kept per attachment, including everything inside it
 * @param maxDepth how deep mail parts, forwarded mails and archives inside archives are followed
 * @param maxCompressionRatio an archive expanding more than this is taken for a zip bomb
 * @param timeout time per attachment; a parser still busy after it is abandoned
 * @param ocr whether images are read with Tesseract (when it is installed)
 * @param ocrLanguages Tesseract language packs, joined with +
 * @param textCacheSize text of attachments kept after reading them, so that the same attachment in another mail is
 *     not read again (0 reads every one)
 */
@ConfigurationProperties("privacy-mailbox.extraction")
public record ExtractionSettings(
        @DefaultValue("50MB") DataSize maxMailSize,
        @DefaultValue("30MB") DataSize maxAttachmentSize,
        @DefaultValue("2000000") int maxCharacters,
        @DefaultValue("10") int maxDepth,
        @DefaultValue("100") long maxCompressionRatio,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("true") boolean ocr,
        @DefaultValue("dan+swe+nor+fin+eng") String ocrLanguages,
        @DefaultValue("16MB") DataSize textCacheSize) {

    public ExtractionSettings {
        Settings.requirePositive("privacy-mailbox.extraction.max-mail-size", maxMailSize.toBytes());
        Settings.requirePositive("privacy-mailbox.extraction.max-attachment-size", maxAttachmentSize.toBytes());
        Settings.requirePositive("privacy-mailbox.extraction.max-characters", maxCharacters);
        Settings.requirePositive("privacy-mailbox.extraction.max-depth", maxDepth);
        Settings.requirePositive("privacy-mailbox.extraction.max-compression-ratio", maxCompressionRatio);
        Settings.requireAtLeast("privacy-mailbox.extraction.timeout", timeout, Duration.ofSeconds(1));
        if (textCacheSize.toBytes() < 0) {
            throw new InvalidSettingException("privacy-mailbox.extraction.text-cache-size", "must be 0 or more, was " + textCacheSize);
        }
        if (ocrLanguages == null || !ocrLanguages.matches("[a-z_]{3,}(\\+[a-z_]{3,})*")) {
            throw new InvalidSettingException("privacy-mailbox.extraction.ocr-languages",
                    "must be Tesseract language codes joined with +, such as dan+swe+nor+fin+eng");
        }
    }
}
