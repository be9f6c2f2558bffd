package org.privacymailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.privacymailbox.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff's page in a real, headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StaffTestSetup.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path DATA = StaffTestSetup.dataDirectory("browser-test");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        StaffTestSetup.settings(registry, DATA);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffTestSetup.Ingester ingester;

    private WebDriver browser;

    @BeforeAll
    void browserAndMail() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed here");
        ingest(TestMail.withAttachment(TestMail.message("kirsten@example.dk", "nordic.dataprivacy@example.com", "Min kvittering",
                        "<" + UUID.randomUUID() + "@example.dk>"), "Mit CPR-nummer er 010180-4321. Se kvitteringen.", "kvittering.pdf",
                "application/pdf", TestMail.pdf("Betalt med Narhvalkort 99887766")));
        String hostile = "From: mallory@example.org\r\nTo: nordic.dataprivacy@example.com\r\nSubject: Blåhval\r\nMessage-ID: <"
                + UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><body><p>Blåhval <b>hilsen</b></p><script>document.title='pwned';alert('x')</script>"
                + "<img src=x onerror=\"document.title='pwned';alert('y')\"><p>&lt;script&gt;alert('z')&lt;/script&gt; som tekst</p></body></html>\r\n";
        ingester.ingest(hostile.getBytes(StandardCharsets.UTF_8));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void ingest(jakarta.mail.internet.MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        ingester.ingest(out.toByteArray());
    }

    private void logIn() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/search");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(Files.readString(DATA.resolve("initial-admin-password")).strip());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void staffFindAWordFromAPdfOpenTheMailAndSeeTheIdentityNumberMasked() throws Exception {
        logIn();
        browser.findElement(By.name("q")).sendKeys("narhvalkort");
        browser.findElement(By.cssSelector(".search-box button")).click();
        browser.findElement(By.linkText("Min kvittering")).click();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("010180-****", "kvittering.pdf", "Narhvalkort").doesNotContainPattern(TestMail.TEST_CPR_SERIAL);

        browser.get("http://127.0.0.1:" + port + "/search?q=bl%C3%A5hval");
        String titleBefore = browser.getTitle();
        browser.findElement(By.linkText("Blåhval")).click();
        String hostile = browser.findElement(By.tagName("main")).getText();
        assertThat(hostile).contains("Blåhval hilsen", "<script>alert('z')</script> som tekst");
        assertThat(browser.getTitle()).isEqualTo("Mail · privacy-mailbox").isNotEqualTo("pwned");
        assertThat(titleBefore).isNotEqualTo("pwned");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getPageSource()).doesNotContain("<script>document.title").doesNotContain("onerror=\"document");
    }
}
