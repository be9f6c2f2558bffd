package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacymailbox.classification.AutomatedMailDetector;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.classification.LanguageDetector;
import org.privacymailbox.classification.TopicClassifier;
import org.privacymailbox.classification.Vocabulary;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.extraction.SizeLimitedTextExtractor;
import org.privacymailbox.extraction.TextLanguage;
import org.privacymailbox.extraction.TikaTextExtractor;
import org.privacymailbox.extraction.TimeLimitedTextExtractor;
import org.privacymailbox.extraction.UnreadableMailException;
import org.privacymailbox.privacy.IdentityNumberDetector;

/**
 * Every message of three public test collections (Apache James mime4j, Apache James mailbox, Apache Tika), pulled in
 * as test-scoped Maven artifacts, goes through extraction and classification: each is read or set aside with a
 * reason, none crashes the reading.
 */
class ThirdPartyMailCollectionsTest {

    private static final Map<String, ParsedMail> READ = new LinkedHashMap<>();
    private static final Map<String, String> UNREADABLE = new LinkedHashMap<>();

    @BeforeAll
    static void readEveryMessage() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.off();
        try (var extractor = new SizeLimitedTextExtractor(
                new TimeLimitedTextExtractor(new TikaTextExtractor(2_000_000, 10, 100, ocr), Duration.ofSeconds(60)), 30L << 20)) {
            MailParser parser = new MailParser(extractor, 50L << 20, 10, TextLanguage.UNKNOWN);
            InquiryClassifier classifier = new InquiryClassifier(new AutomatedMailDetector("privacy@example.com"), new LanguageDetector(),
                    new TopicClassifier(Vocabulary.read(ThirdPartyMailCollectionsTest.class.getResourceAsStream("/classification/vocabulary.txt"), "vocabulary")),
                    new IdentityNumberDetector());
            read("/testmsgs/basic-plain.msg", name -> name.startsWith("testmsgs/") && name.endsWith(".msg"), parser, classifier);
            read("/mimetools-testmsgs/README.txt", name -> name.startsWith("mimetools-testmsgs/") && name.endsWith(".msg"), parser, classifier);
            read("/eml/charset.eml", name -> name.startsWith("eml/") && name.endsWith(".eml"), parser, classifier);
            read("/test-documents/testRFC822", name -> name.startsWith("test-documents/") && !name.endsWith("/")
                    && !name.endsWith(".xml") && !name.endsWith(".txt"), parser, classifier);
        }
        System.out.printf("third-party mail collections: %d messages, %d read, %d set aside with a reason%n",
                READ.size() + UNREADABLE.size(), READ.size(), UNREADABLE.size());
        UNREADABLE.forEach((name, reason) -> System.out.println("  set aside: " + name + ": " + reason));
    }

    /** Reads the messages of the jar that holds {@code marker}; mbox files are split into their messages. */
    private static void read(String marker, Predicate<String> messages, MailParser parser, InquiryClassifier classifier) throws IOException {
        URL url = ThirdPartyMailCollectionsTest.class.getResource(marker);
        assertThat(url).as("test collection with " + marker + " on the test class path").isNotNull();
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : jar.stream().filter(e -> messages.test(e.getName())).toList()) {
                byte[] content = jar.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".mbox")) {
                    Iterator<byte[]> mbox = new MboxReader(new ByteArrayInputStream(content));
                    int number = 0;
                    while (mbox.hasNext()) {
                        readOne(entry.getName() + "#" + ++number, mbox.next(), parser, classifier);
                    }
                } else {
                    readOne(entry.getName(), content, parser, classifier);
                }
            }
        }
    }

    private static void readOne(String name, byte[] raw, MailParser parser, InquiryClassifier classifier) {
        try {
            ParsedMail mail = parser.parse(raw);
            classifier.classify(mail);
            READ.put(name, mail);
        } catch (UnreadableMailException e) {
            assertThat(e.getMessage()).as("reason for " + name).isNotBlank();
            UNREADABLE.put(name, e.getMessage());
        }
    }

    private static ParsedMail mail(String name) {
        assertThat(READ).as("messages read").containsKey(name);
        return READ.get(name);
    }

    @Test
    void everyMessageIsReadOrSetAsideWithAReason() {
        assertThat(READ.size() + UNREADABLE.size()).as("messages in the three collections").isEqualTo(160);
        assertThat(UNREADABLE.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(READ.size()).as("messages read").isGreaterThanOrEqualTo((READ.size() + UNREADABLE.size()) * 95 / 100);
    }

    @Test
    void plainBodiesAreRead() {
        assertThat(mail("testmsgs/basic-plain.msg").body()).startsWith("This is a very simple message with a simple body");
        assertThat(mail("eml/charset.eml").body()).isEqualTo("Will be better for me, thx");
    }

    @Test
    void encodedFileNamesAreDecoded() {
        assertThat(mail("mimetools-testmsgs/attachment-filename-encoding-Latin1.msg").attachmentNames()).contains("attachment.äöü");
        assertThat(mail("eml/messageWithNonASCIIFilenameAttachment.eml").attachmentNames()).contains("ديناصور.odt");
    }

    @Test
    void uuencodedFilesAreAttachments() {
        assertThat(mail("mimetools-testmsgs/uu-zeegee.msg").attachmentNames()).contains("up.gif", "zeegee.gif");
    }

    @Test
    void quotedTextIsNotTheWritersOwn() {
        ParsedMail jira = mail("test-documents/testRFC822");
        assertThat(jira.body()).contains("I'll have a look at mime4j", "Presented with an RFC822 message");
        assertThat(jira.ownText()).contains("I'll have a look at mime4j").doesNotContain("Presented with an RFC822 message");
    }

    @Test
    void mboxFilesAreSplitIntoTheirMessages() {
        assertThat(READ.keySet().stream().filter(name -> name.startsWith("test-documents/complex.mbox#")).toList()).hasSize(3);
        List<String> simple = READ.keySet().stream().filter(name -> name.startsWith("test-documents/simple.mbox#")).toList();
        assertThat(simple).hasSize(2);
    }
}
