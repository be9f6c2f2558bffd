package org.privacymailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.privacymailbox.TestMail;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.cases.Inquiry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every page and endpoint of the staff's web page, with every role boundary, against a real index and archive. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StaffTestSetup.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffPagesTest {

    private static final String KIRSTEN_CPR = "010180-4321";

    private static final Path dataDir = StaffTestSetup.dataDirectory("staff-pages");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        StaffTestSetup.settings(registry, dataDir);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RawArchive archive;
    @Autowired
    StaffTestSetup.Ingester ingester;

    private final List<String> kirstensArchive = new ArrayList<>();
    private String hostileKey;
    private String kirstensKey;

    private static RequestPostProcessor staff() {
        return user("sofie").roles("STAFF");
    }

    private static RequestPostProcessor admin() {
        return user("anders").roles("ADMIN", "STAFF");
    }

    @BeforeAll
    void mailsOfThreePeople() throws Exception {
        Inquiry first = ingest("kirsten@example.dk", "Indsigt", "Jeg beder om indsigt. Mit CPR-nummer er " + KIRSTEN_CPR + ". Rødspætte.");
        kirstensArchive.add(first.archived().sha256());
        kirstensKey = first.caseFile().mailKey();
        kirstensArchive.add(ingest("kirsten.privat@example.dk", "Opfølgning", "Igen om CPR " + KIRSTEN_CPR + ", se bilag. Rødspætte to.")
                .archived().sha256());
        ingest("ole@example.no", "Purring", "Hvorfor har jeg fått purregebyr? Rødspætte tre.");
        hostileKey = ingest("mallory@example.org", "Hilsen", "<script>alert('x')</script><img src=x onerror=alert(1)> Hornfisk")
                .caseFile().mailKey();
    }

    private Inquiry ingest(String from, String subject, String text) throws Exception {
        String raw = "From: " + from + "\r\nTo: nordic.dataprivacy@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + java.util.UUID.randomUUID() + "@example.org>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
                + "\r\n--b\r\nContent-Type: text/plain; name=bilag.txt\r\nContent-Disposition: attachment; filename=bilag.txt\r\n\r\nbilagstekst\r\n--b--\r\n";
        return ingester.ingest(raw.getBytes(StandardCharsets.UTF_8));
    }

    private String mailPage(String key) throws Exception {
        return mvc.perform(get("/mail").param("key", key).with(staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** {@code url} as a browser would send it; its query parameters are passed decoded, as the server sees them. */
    private String page(String url, RequestPostProcessor who) throws Exception {
        int question = url.indexOf('?');
        var request = get(question < 0 ? url : url.substring(0, question)).with(who);
        if (question >= 0) {
            for (String pair : url.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                request.param(parts[0], java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void anonymousGetsTheLoginPageOrA401() throws Exception {
        mvc.perform(get("/search")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/search").param("q", "x")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
        // open to monitoring without a login: 200 when every part is up, 503 while one is still starting
        int health = mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
        assertThat(health).as("health answers anonymously").isIn(200, 503);
    }

    @Test
    @Order(2)
    void searchShowsHitsFacetsAndMaskedIdentityNumbers() throws Exception {
        String html = page("/search?q=rødspætte", staff());
        assertThat(html).contains("Indsigt", "Purring", "<mark>").doesNotContainPattern(TestMail.TEST_CPR_SERIAL);
        assertThat(html).contains("topic").contains("privacy (");
        assertThat(page("/search?q=rødspætte%20lang:no", staff())).contains("Purring").doesNotContain("Opfølgning");
        assertThat(page("/search?q=has:attachment%20rødspætte&sort=newest", staff())).contains("Indsigt");
        assertThat(page("/search?q=%22unclosed", staff())).contains("could not be understood");
        assertThat(page("/search?q=after:yesterday", staff())).contains("needs a date");
    }

    @Test
    @Order(3)
    void anIdentityNumberTypedIntoSearchFindsEveryMailOfThePerson() throws Exception {
        String html = page("/search?q=" + KIRSTEN_CPR, staff());
        assertThat(html).contains("Indsigt", "Opfølgning").doesNotContain("Purring");
        String bare = page("/person?who=0101804321", staff());
        assertThat(bare).contains("Indsigt", "Opfølgning");
        assertThat(mailPage(kirstensKey)).contains("010180-****").doesNotContainPattern(TestMail.TEST_CPR_SERIAL);
        String api = mvc.perform(get("/api/search").param("q", KIRSTEN_CPR).with(staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"total\":2");
        assertThat(page("/person?who=ole@example.no", staff())).contains("Purring").doesNotContain("Indsigt");
    }

    @Test
    @Order(4)
    void aMailIsShownAsTextWithItsFilesAndHostileHtmlStaysText() throws Exception {
        String html = mailPage(hostileKey);
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(html).contains("bilag.txt", "download .eml");
        mvc.perform(get("/mail/attachment").param("key", hostileKey).param("n", "1").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
        mvc.perform(get("/mail").param("key", hostileKey).with(staff()))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    @Order(5)
    void staffChangeACaseStatusWithCsrfOnly() throws Exception {
        mvc.perform(post("/mail/status").param("key", hostileKey).param("case", "DPO-2026-000004").param("status", "answered").with(staff()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mail/status").param("key", hostileKey).param("case", caseOf(hostileKey)).param("status", "answered")
                .with(staff()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mailPage(hostileKey)).contains("answered");
        assertThat(page("/search?q=hornfisk%20status:answered", staff())).contains("Hilsen", "answered (1)");
        assertThat(page("/search?q=rødspætte%20status:answered", staff())).contains("<strong>0</strong> mails");
    }

    @Test
    @Order(5)
    void theApiServesPersonMailRawFilesAndStatusAsJson() throws Exception {
        String person = mvc.perform(get("/api/person").param("who", "ole@example.no").with(staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(person).contains("\"total\":1", "Purring", "\"facets\"");
        String raw = mvc.perform(get("/api/mail/raw").param("key", kirstensKey).with(staff()))
                .andExpect(header().string("Content-Type", "application/octet-stream")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).contains("Subject: Indsigt");
        mvc.perform(get("/api/mail/attachment").param("key", kirstensKey).param("n", "1").with(staff())).andExpect(status().isOk());
        mvc.perform(get("/api/mail/attachment").param("key", kirstensKey).param("n", "9").with(staff())).andExpect(status().isNotFound());
        mvc.perform(get("/api/mail").param("key", "mid:nobody@example.org").with(staff())).andExpect(status().isNotFound());
        mvc.perform(get("/api/search").param("q", "\"unclosed").with(staff())).andExpect(status().isBadRequest());
        mvc.perform(post("/api/case/status").param("case", "not a reference").param("status", "answered").with(staff()))
                .andExpect(status().isBadRequest());
    }

    private String caseOf(String key) throws Exception {
        String json = mvc.perform(get("/api/mail").param("key", key).with(staff())).andReturn().getResponse().getContentAsString();
        int at = json.indexOf("\"caseReference\":\"") + "\"caseReference\":\"".length();
        return json.substring(at, json.indexOf('"', at));
    }

    @Test
    @Order(6)
    void dashboardShowsInquiriesAndDueCases() throws Exception {
        String html = page("/dashboard", staff());
        assertThat(html).contains("<svg", "Open privacy cases", "inquiries in the last 30 days").containsPattern("DPO-\\d{4}-\\d{6}");
    }

    @Test
    @Order(7)
    void staffCannotExportEraseOrReadTheAuditLog() throws Exception {
        mvc.perform(post("/person/export").param("who", KIRSTEN_CPR).with(staff()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/person/erase").param("who", KIRSTEN_CPR).with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/api/export").param("who", KIRSTEN_CPR).with(staff())).andExpect(status().isForbidden());
        mvc.perform(post("/api/erase").param("who", KIRSTEN_CPR).param("confirm", KIRSTEN_CPR).with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(staff())).andExpect(status().isOk());
    }

    @Test
    @Order(8)
    void exportOfAPersonContainsExactlyTheirMails() throws Exception {
        byte[] zip = mvc.perform(post("/person/export").param("who", KIRSTEN_CPR).with(admin()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> entries = new ArrayList<>();
        String csv = "";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.add(entry.getName());
                if (entry.getName().equals("index.csv")) {
                    csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries.stream().filter(name -> name.endsWith("mail.eml"))).hasSize(2);
        assertThat(entries.stream().filter(name -> name.endsWith("attachments/bilag.txt"))).hasSize(2);
        assertThat(csv).contains("Indsigt", "Opfølgning").doesNotContain("Purring").doesNotContainPattern(TestMail.TEST_CPR_SERIAL);
    }

    @Test
    @Order(9)
    void erasureNeedsConfirmationRemovesThePersonFromSearchAndArchiveAndIsAudited() throws Exception {
        assertThat(page("/person/erase?who=" + KIRSTEN_CPR, admin())).contains("2</strong> mails will be removed");
        String refused = mvc.perform(post("/person/erase").param("who", KIRSTEN_CPR).param("confirm", "something else").with(admin()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("to confirm");
        assertThat(kirstensArchive).allMatch(archive::contains);

        String done = mvc.perform(post("/person/erase").param("who", KIRSTEN_CPR).param("confirm", KIRSTEN_CPR).with(admin()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).contains("2</span> mails were erased");
        assertThat(page("/search?q=rødspætte", staff())).contains("Purring").doesNotContain("Indsigt").doesNotContain("Opfølgning");
        assertThat(kirstensArchive).noneMatch(archive::contains);
        String audit = page("/audit", admin());
        assertThat(audit).contains("erasure", "anders", "2 mails erased", "010180-****").doesNotContainPattern(TestMail.TEST_CPR_SERIAL);
        assertThat(audit).contains("search", "sofie");
        assertThat(Files.readString(dataDir.resolve("audit/audit.log"))).doesNotContainPattern(TestMail.TEST_CPR_SERIAL);
    }

    @Test
    @Order(10)
    void repeatedFailedLoginsLockTheAccount() throws Exception {
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        mvc.perform(formLogin().user("admin").password(password)).andExpect(redirectedUrl("/search"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("admin").password("wrong" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("admin").password(password)).andExpect(redirectedUrl("/login?error"));
    }
}
