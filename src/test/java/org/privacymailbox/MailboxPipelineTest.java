package org.privacymailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;
import static org.privacymailbox.TestMail.containsMessageId;
import static org.privacymailbox.TestMail.countMessageId;
import static org.privacymailbox.TestMail.folder;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.cases.AttemptCounter;
import org.privacymailbox.embedded.EmbeddedMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on embedded defaults: a real (embedded) IMAP/SMTP server, the embedded broker, the Lucene
 * index on disk, and the routes from routes/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PoisonParser.class)
class MailboxPipelineTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private static final Duration PROCESSING = Duration.ofSeconds(60);
    private static final int IMAP = TestMail.freePort();
    private static final int SMTP = TestMail.freePort();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("privacy-mailbox.data-dir", () -> dataDir.toString());
        registry.add("privacy-mailbox.mailbox.port", () -> IMAP);
        registry.add("privacy-mailbox.smtp.port", () -> SMTP);
        registry.add("privacy-mailbox.mailbox.poll-interval", () -> "1s");
    }

    // the server's own choice of port: one picked free beforehand was once taken by another process before the
    // server bound it, and every test of the class failed
    @LocalServerPort
    int httpPort;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    JmsTemplate jms;

    @Autowired
    AttemptCounter attempts;

    @Autowired
    RawArchive archive;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void shortReceiveTimeout() {
        jms.setReceiveTimeout(1000);
    }

    @Test
    void danishMailWithPdfIsSearchableRoutedToPrivacyAcknowledgedAndFiled() throws Exception {
        String customer = "kirsten.ravn@example.dk";
        String messageId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        MimeMessage mail = TestMail.withAttachment(
                TestMail.message(customer, MAILBOX, "Er mine data kompromitteret?", messageId),
                "Goddag. Jeg beder om indsigt i de oplysninger, I har om mig. Mit CPR-nummer er 010180-4321.\n\nVenlig hilsen Kirsten",
                "kvittering.pdf", "application/pdf", TestMail.pdf("Betalingskvittering Zebrafinke 40027788"));

        send(mail);
        awaitProcessed(messageId);

        JsonNode search = searchApi("zebrafinke");
        assertThat(search.get("total").asLong()).isEqualTo(1);
        JsonNode hit = search.get("hits").get(0);
        String caseRef = hit.get("caseRef").asText();
        assertThat(caseRef).matches("DPO-\\d{4}-\\d{6}");
        assertThat(hit.get("messageId").asText()).isEqualTo(messageId);
        assertThat(hit.get("topic").asText()).isEqualTo("privacy");
        assertThat(hit.get("language").asText()).isEqualTo("da");
        assertThat(searchApi("\"010180-4321\"").get("total").asLong()).as("identity numbers are not searchable in clear").isZero();

        List<JsonNode> routed = drain("privacy.inquiries", messageId);
        assertThat(routed).hasSize(1);
        assertThat(routed.get(0).get("caseReference").asText()).isEqualTo(caseRef);
        assertThat(routed.get(0).get("attachments").get(0).asText()).isEqualTo("kvittering.pdf");
        assertThat(routed.get(0).get("identityNumbers").get(0).get("type").asText()).isEqualTo("DK_CPR");
        assertThat(routed.get(0).toString()).doesNotContainPattern(TestMail.TEST_CPR_SERIAL);

        List<MimeMessage> received = awaitAcknowledgements(customer, 1);
        MimeMessage ack = received.get(0);
        assertThat(ack.getSubject()).startsWith("[" + caseRef + "] ");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo(messageId);
        assertThat(ack.getHeader("References", null)).contains(messageId);
        assertThat(ack.isMimeType("text/plain")).as("no attachments ride along").isTrue();
        String ackText = (String) ack.getContent();
        assertThat(ackText).contains(caseRef).doesNotContainPattern(TestMail.TEST_CPR_SERIAL).doesNotContain("Goddag");

        assertThat(countMessageId(folder(IMAP, MAILBOX, MAILBOX, "INBOX"), messageId)).isZero();
    }

    @Test
    void sameMessageIdDeliveredTwiceMakesOneDocumentOneQueueMessageOneAcknowledgement() throws Exception {
        String customer = "lars.holm@example.dk";
        String messageId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        String text = "Hej. Jeg har fået en rykker for faktura 40027799, men jeg har betalt. Ordet Kolibrifjer er her.";
        send(TestMail.withText(TestMail.message(customer, MAILBOX, "Rykker", messageId), text));
        awaitProcessed(messageId);
        // the same Message-ID, other bytes: a client that reuses its ids, or a copy resent with another subject
        send(TestMail.withText(TestMail.message(customer, MAILBOX, "Rykker, sendt igen", messageId), text));
        await("second copy filed", PROCESSING,
                () -> countMessageId(folder(IMAP, MAILBOX, MAILBOX, "Processed"), messageId) == 2);

        assertThat(searchApi("kolibrifjer").get("total").asLong()).isEqualTo(1);
        assertThat(drain("billing.inquiries", messageId)).hasSize(1);
        assertThat(folder(IMAP, customer, customer, "INBOX")).hasSize(1);
        List<String> filed = new ArrayList<>();
        for (MimeMessage copy : folder(IMAP, MAILBOX, MAILBOX, "Processed")) {
            if (messageId.equals(copy.getMessageID())) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                copy.writeTo(raw);
                filed.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray())));
            }
        }
        assertThat(filed).as("two different copies").doesNotHaveDuplicates().hasSize(2)
                .allSatisfy(sha256 -> assertThat(archive.contains(sha256)).as("the archive keeps every copy").isTrue());
    }

    @Test
    void twoCopiesOfAMailInOnePollMakeOneDocumentOneQueueMessageOneAcknowledgement() throws Exception {
        String customer = "mette.lund@example.dk";
        String messageId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        String text = "Hej. Jeg har betalt faktura 40031188 to gange. Ordet Ravnefjer er her.";
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, MAILBOX, MAILBOX);
        try {
            // both copies are in the inbox before the poll that reads them: the stages run side by side
            store.getFolder("INBOX").appendMessages(new MimeMessage[] {
                    TestMail.withText(TestMail.message(customer, MAILBOX, "Dobbelt", messageId), text),
                    TestMail.withText(TestMail.message(customer, MAILBOX, "Dobbelt", messageId), text)});
        } finally {
            store.close();
        }

        await("both copies filed", PROCESSING,
                () -> countMessageId(folder(IMAP, MAILBOX, MAILBOX, "Processed"), messageId) == 2);
        assertThat(searchApi("ravnefjer").get("total").asLong()).isEqualTo(1);
        assertThat(drain("billing.inquiries", messageId)).hasSize(1);
        Thread.sleep(1000);
        assertThat(folder(IMAP, customer, customer, "INBOX")).hasSize(1);
    }

    @Test
    void mailWhoseExtractionThrowsIsQuarantinedWithItsReasonAndTheNextMailIsProcessed() throws Exception {
        String poisonId = "<" + UUID.randomUUID() + "@mail.example.se>";
        String nextId = "<" + UUID.randomUUID() + "@mail.example.se>";
        send(TestMail.withAttachment(TestMail.message("eva@example.se", MAILBOX, "Bilaga", poisonId),
                "Se bilagan.", "poison.bin", "application/octet-stream", new byte[] {1, 2, 3}));
        send(TestMail.withText(TestMail.message("olof@example.se", MAILBOX, "Fråga", nextId),
                "Hej, jag undrar om mina personuppgifter har läckt. Ordet Blåmesvinge finns här."));

        await("poison mail in Quarantine", PROCESSING,
                () -> containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Quarantine"), poisonId));
        awaitProcessed(nextId);
        assertThat(searchApi("blåmesvinge").get("total").asLong()).isEqualTo(1);
        assertThat(containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "INBOX"), poisonId)).isFalse();

        JsonNode records = json.readTree(get("/api/quarantine", adminAuthorization()).body());
        boolean recorded = false;
        for (JsonNode record : records) {
            if (record.get("reason").asText().contains("parser crashed on poison.bin")) {
                recorded = true;
                assertThat(record.get("stage").asText()).isEqualTo("extraction");
                assertThat(archive.contains(record.get("sha256").asText())).as("the quarantined mail is in the archive").isTrue();
                assertThat(record.get("folder").asText()).isEqualTo("Quarantine");
            }
        }
        assertThat(recorded).as("quarantine record with the reason").isTrue();
        assertThat(mailServer.greenMail().getUserManager().getUserByEmail("eva@example.se"))
                .as("no acknowledgement for a quarantined mail").isNull();
    }

    @Test
    void outOfOfficeReplyAndBounceAreNeverAcknowledged() throws Exception {
        String outOfOfficeId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        MimeMessage outOfOffice = TestMail.message("mads.lund@example.dk", MAILBOX, "Automatisk svar: Din henvendelse", outOfOfficeId);
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        send(TestMail.withText(outOfOffice, "Tak for din mail. Jeg er tilbage på kontoret mandag."));

        String bounceId = "<" + UUID.randomUUID() + "@mx.example.org>";
        MimeMessage bounce = TestMail.message("mailer-daemon@example.org", MAILBOX, "Returned mail: see transcript for details", bounceId);
        bounce.setHeader("Return-Path", "<>");
        TestMail.withText(bounce, "The original message was received but could not be delivered: user unknown.");
        GreenMailUser mailbox = mailServer.greenMail().getUserManager().getUserByEmail(MAILBOX);
        mailbox.deliver(bounce); // delivered the way a server's local delivery agent files a bounce

        awaitProcessed(outOfOfficeId);
        awaitProcessed(bounceId);
        // the embedded server creates a customer's mailbox on first delivery: no mailbox means nothing was sent
        assertThat(mailServer.greenMail().getUserManager().getUserByEmail("mads.lund@example.dk")).isNull();
        assertThat(mailServer.greenMail().getUserManager().getUserByEmail("mailer-daemon@example.org")).isNull();
        assertThat(drain("general.inquiries", outOfOfficeId)).isEmpty();
    }

    @Test
    void noMachineListOwnAddressOrForgedSenderIsEverAcknowledged() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        String[][] cases = {
            {"auto1@example.dk", "Re: Din henvendelse", "Auto-Submitted", "auto-generated"},
            {"bulk@example.dk", "Tilbud", "Precedence", "bulk"},
            {"list@example.dk", "Nyhedsbrev", "List-Id", "<news.example.dk>"},
            {"unsub@example.dk", "Ugens tilbud", "List-Unsubscribe", "<mailto:u@example.dk>"},
            {"xauto@example.dk", "Re: Sag", "X-Autoreply", "yes"},
            {"xrespond@example.dk", "Re: Sag", "X-Autorespond", "yes"},
            {"exchange@example.dk", "Re: Sag", "X-Auto-Response-Suppress", "All"},
            {"noreply@bank.example", "Kontoudtog", null, null},
            {"ooo@example.fi", "Poissa toimistolta", null, null},
            {"forged@bank.example", "Bekræft din konto", "Authentication-Results",
                "mx.example.com; spf=fail smtp.mailfrom=bank.example; dmarc=fail (p=reject) header.from=bank.example"},
        };
        for (String[] c : cases) {
            String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
            MimeMessage message = TestMail.withText(TestMail.message(c[0], MAILBOX, c[1], id), "Hej, dette er en test af " + c[1]);
            if (c[2] != null) {
                message.setHeader(c[2], c[3]);
            }
            send(message);
            ids.add(id);
            senders.add(c[0]);
        }
        String ownId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message(MAILBOX, MAILBOX, "Kopi til os selv", ownId), "Intern note"));
        for (String id : ids) {
            awaitProcessed(id);
        }
        awaitProcessed(ownId);
        Thread.sleep(2000); // the outbox is asynchronous: give a wrongly queued acknowledgement time to arrive
        for (String sender : senders) {
            assertThat(mailServer.greenMail().getUserManager().getUserByEmail(sender)).as("acknowledged " + sender).isNull();
        }
        assertThat(countMessageId(folder(IMAP, MAILBOX, MAILBOX, "INBOX"), ownId)).isZero();
        JsonNode forged = searchApi("\"Bekræft din konto\"").get("hits").get(0);
        assertThat(forged.get("notes").toString()).contains("dmarc=fail");
    }

    @Test
    void followUpWithTheCaseReferenceJoinsTheCaseAndIsNotAcknowledgedAgain() throws Exception {
        String customer = "signe.dahl@example.dk";
        String firstId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message(customer, MAILBOX, "Spørgsmål", firstId), "Jeg beder om indsigt i mine oplysninger."));
        awaitProcessed(firstId);
        MimeMessage ack = awaitAcknowledgements(customer, 1).get(0);
        String caseRef = ack.getSubject().substring(1, ack.getSubject().indexOf(']'));

        String followUpId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message(customer, MAILBOX, "Re: " + ack.getSubject(), followUpId),
                "Her er kopien af mit pas, som I bad om. Vandrefalk."));
        String replyId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        MimeMessage reply = TestMail.message("signe.privat@example.dk", MAILBOX, "Svar", replyId);
        reply.setHeader("In-Reply-To", ack.getMessageID());
        send(TestMail.withText(reply, "Jeg skriver fra min anden adresse. Spurvehøg."));
        String strangerId = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message("fremmed@example.dk", MAILBOX, "Re: [" + caseRef + "] snyd", strangerId),
                "Jeg låner en andens sagsnummer. Glente."));
        awaitProcessed(followUpId);
        awaitProcessed(replyId);
        awaitProcessed(strangerId);
        Thread.sleep(2000);

        assertThat(searchApi("vandrefalk").get("hits").get(0).get("caseRef").asText()).isEqualTo(caseRef);
        assertThat(searchApi("spurvehøg").get("hits").get(0).get("caseRef").asText()).as("reply to our acknowledgement").isEqualTo(caseRef);
        assertThat(searchApi("glente").get("hits").get(0).get("caseRef").asText()).as("someone else's reference").isNotEqualTo(caseRef);
        assertThat(folder(IMAP, customer, customer, "INBOX")).as("acknowledgements to the customer").hasSize(1);
        assertThat(mailServer.greenMail().getUserManager().getUserByEmail("signe.privat@example.dk")).isNull();
        assertThat(drain("privacy.inquiries", followUpId)).as("the follow-up goes where its case went").hasSize(1);
    }

    @Test
    void aMailThatRanOutOfMemoryOnceIsReadAgainAtTheNextPollNotQuarantined() throws Exception {
        String customer = "stor.fil@example.dk";
        String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withAttachment(TestMail.message(customer, MAILBOX, "Mine lønsedler", id),
                "Hej, jeg vil gerne have indsigt i mine oplysninger. Ordet Skovsnegl er her.", PoisonParser.SHORT_OF_MEMORY_ONCE,
                "application/octet-stream", new byte[] {1, 2, 3}));
        awaitProcessed(id);
        assertThat(searchApi("skovsnegl").get("total").asLong()).isEqualTo(1);
        assertThat(containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Quarantine"), id)).isFalse();
        assertThat(awaitAcknowledgements(customer, 1)).hasSize(1);
    }

    @Test
    void aMailThatRunsOutOfMemoryEveryTimeIsSetAsideAfterItsAttempts() throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withAttachment(TestMail.message("altid.for.stor@example.dk", MAILBOX, "Scanning", id), "Se bilag.",
                PoisonParser.SHORT_OF_MEMORY_ALWAYS, "application/octet-stream", new byte[] {1, 2, 3}));
        await(id + " in Quarantine", PROCESSING, () -> containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Quarantine"), id));
        assertThat(get("/api/quarantine", adminAuthorization()).body()).contains("began 3 times without ending");
        assertThat(mailServer.greenMail().getUserManager().getUserByEmail("altid.for.stor@example.dk")).isNull();
    }

    @Test
    void aMailThatCrashedTheServiceOnEveryTryIsSetAsideWithItsReason() throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
        // as if the service had died three times while reading this mail: three attempts began, none ended
        for (int crash = 0; crash < 3; crash++) {
            attempts.begin("mid:" + id.substring(1, id.length() - 1));
        }
        send(TestMail.withText(TestMail.message("crash@example.dk", MAILBOX, "Stor fil", id), "Se bilag."));
        await(id + " in Quarantine", PROCESSING, () -> containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Quarantine"), id));
        HttpResponse<String> quarantine = get("/api/quarantine", adminAuthorization());
        assertThat(quarantine.body()).contains("began 3 times without ending");
    }

    @Test
    void erasureAlsoRemovesTheCopyInTheMailbox() throws Exception {
        String customer = "glem.mig@example.dk";
        String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message(customer, MAILBOX, "Sletning", id), "Slet alt om mig. Stenbider."));
        awaitProcessed(id);
        String who = URLEncoder.encode(customer, StandardCharsets.UTF_8);
        HttpResponse<String> erased = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/erase?who=" + who
                + "&confirm=" + who)).header("Authorization", adminAuthorization()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).contains("\"erased\":1");
        assertThat(containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Processed"), id)).as("copy in the mailbox").isFalse();
        assertThat(searchApi("stenbider").get("total").asLong()).isZero();
    }

    @Test
    void metricsCountWhatThePipelineDidForStaffOnly() throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.dk>";
        send(TestMail.withText(TestMail.message("metrik@example.dk", MAILBOX, "Faktura", id), "Hvorfor to fakturaer?"));
        awaitProcessed(id);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", adminAuthorization());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("privacymailbox_mails_received_total", "privacymailbox_mails_processed_total",
                "privacymailbox_queue_sends_total{queue=\"billing.inquiries\"}").doesNotContain("metrik@example.dk");
        for (String timer : List.of("privacymailbox_extraction_time_seconds_count", "privacymailbox_index_lag_seconds_count")) {
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("(?m)^" + timer + "\\S* ([0-9.]+)$").matcher(metrics.body());
            assertThat(count.find()).as(timer).isTrue();
            assertThat(Double.parseDouble(count.group(1))).as(timer).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void searchApiAnswersOnlyStaff() throws Exception {
        assertThat(get("/api/search?q=anything", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/search?q=anything", "Basic " + base64("admin:wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = get("/api/search?q=anything", adminAuthorization());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(allowed.body()).get("total").asLong()).isZero();
        assertThat(get("/api/search?q=%22unclosed", adminAuthorization()).statusCode()).isEqualTo(400);
    }

    private void send(MimeMessage message) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(SMTP));
        Session session = Session.getInstance(properties);
        MimeMessage copy = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes(message)));
        // sendMessage, not Transport.send: the latter saves changes and so would replace the Message-ID
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(copy, copy.getAllRecipients());
        }
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private void awaitProcessed(String messageId) throws Exception {
        try {
            await(messageId + " in Processed", PROCESSING, () -> containsMessageId(folder(IMAP, MAILBOX, MAILBOX, "Processed"), messageId));
        } catch (AssertionError e) {
            List<String> ids = new ArrayList<>();
            for (MimeMessage m : folder(IMAP, MAILBOX, MAILBOX, "Processed")) {
                ids.add(m.getMessageID());
            }
            throw new AssertionError(e.getMessage() + "; folders: " + TestMail.describeFolders(IMAP, MAILBOX, MAILBOX) + " ids " + ids);
        }
    }

    private List<MimeMessage> awaitAcknowledgements(String customer, int count) throws Exception {
        await(count + " acknowledgements to " + customer, PROCESSING, () -> mailServer.greenMail().getUserManager().getUserByEmail(customer) != null
                && folder(IMAP, customer, customer, "INBOX").size() >= count);
        return folder(IMAP, customer, customer, "INBOX");
    }

    /** Every message now on the queue, and those among them for one mail. */
    private List<JsonNode> drain(String queue, String messageId) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        Message message;
        while ((message = jms.receive(queue)) != null) {
            JsonNode body = json.readTree(((TextMessage) message).getText());
            if (messageId.equals(body.get("messageId").asText())) {
                matching.add(body);
            }
        }
        return matching;
    }

    private JsonNode searchApi(String query) throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), adminAuthorization());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminAuthorization() throws Exception {
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        return "Basic " + base64("admin:" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
