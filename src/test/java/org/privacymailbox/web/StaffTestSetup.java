package org.privacymailbox.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.privacymailbox.TestMail;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.cases.CaseOpener;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.UnreadableMailException;
import org.privacymailbox.indexing.MailIndexer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the staff-page tests share: a data directory made before Spring starts (its admin password file is read by
 * the tests), embedded servers on free ports that are not polled, and mail indexed the way the pipeline does it.
 */
@TestConfiguration
class StaffTestSetup {

    static Path dataDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void settings(DynamicPropertyRegistry registry, Path data) {
        int imap = TestMail.freePort();
        int smtp = TestMail.freePort();
        registry.add("privacy-mailbox.data-dir", data::toString);
        registry.add("privacy-mailbox.mailbox.port", () -> imap);
        registry.add("privacy-mailbox.smtp.port", () -> smtp);
        registry.add("privacy-mailbox.mailbox.poll-interval", () -> "1h");
    }

    @Bean
    Ingester ingester() {
        return new Ingester();
    }

    /** Archives, opens, reads, classifies and indexes one raw mail, the pipeline's stages without the mailbox. */
    static class Ingester {
        @Autowired
        RawArchive archive;
        @Autowired
        CaseOpener opener;
        @Autowired
        MailParser parser;
        @Autowired
        InquiryClassifier classifier;
        @Autowired
        MailIndexer indexer;

        Inquiry ingest(byte[] raw) throws IOException, UnreadableMailException {
            return indexer.index(classifier.classify(parser.parse(opener.open(archive.store(raw)))));
        }
    }
}
