package org.privacymailbox.benchmark;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.privacymailbox.TestMail;

/**
 * Writes the benchmark's Maildirs (scripts/benchmark):
 * <ul>
 * <li>{@code spamassassin SOURCE COPIES MAILDIR}: every message of the SpamAssassin corpus COPIES times, each copy
 * with a Message-ID of its own, so that the same real mail makes a corpus of any size;</li>
 * <li>{@code privacy-mix COUNT MAILDIR}: generated inquiries in the mix a privacy mailbox sees after a breach notice:
 * 40 % plain text, 30 % HTML, 15 % with a PDF receipt or letter, 10 % with a DOCX form, 5 % forwarding a mail; in
 * Danish, Swedish, Norwegian, Finnish and English; some with identity numbers and invoice numbers.</li>
 * </ul>
 */
public final class BenchmarkCorpora {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:.*(\\r?\\n[ \\t].*)*(\\r?\\n|\\z)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\r?\\n");

    private BenchmarkCorpora() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("spamassassin")) {
            int written = spamAssassin(Path.of(args[1]), Integer.parseInt(args[2]), maildir(Path.of(args[3])));
            System.out.println("spamassassin corpus: " + written + " mails in " + args[3]);
        } else if (args.length == 3 && args[0].equals("privacy-mix")) {
            int written = privacyMix(Integer.parseInt(args[1]), maildir(Path.of(args[2])), new Random(20261129));
            System.out.println("privacy-mix corpus: " + written + " mails in " + args[2]);
        } else {
            System.err.println("usage: spamassassin SOURCE COPIES MAILDIR | privacy-mix COUNT MAILDIR");
            System.exit(2);
        }
    }

    private static Path maildir(Path root) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(root.resolve(sub));
        }
        return root;
    }

    private static void write(Path maildir, int number, byte[] mail) throws IOException {
        Files.write(maildir.resolve("cur").resolve(String.format(Locale.ROOT, "%d.M%dP1.benchmark:2,S", 1_700_000_000 + number, number)), mail);
    }

    static int spamAssassin(Path source, int copies, Path maildir) throws IOException {
        List<Path> messages;
        try (Stream<Path> files = Files.walk(source)) {
            messages = files.filter(path -> path.toString().endsWith(".txt")).sorted().toList();
        }
        int number = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (Path message : messages) {
                write(maildir, ++number, withMessageId(Files.readAllBytes(message), "<sa-" + copy + "-" + number + "@benchmark.invalid>"));
            }
        }
        return number;
    }

    /** The mail with its Message-ID replaced (or added), every other byte as it was. */
    static byte[] withMessageId(byte[] mail, String messageId) {
        // ISO-8859-1 maps every byte to one char and back, so 8-bit mail survives unchanged
        String text = new String(mail, StandardCharsets.ISO_8859_1);
        if (text.startsWith("From ")) {
            // the mbox separator line of the corpus files has no place in a Maildir file
            text = text.substring(text.indexOf('\n') + 1);
        }
        Matcher blankLine = BLANK_LINE.matcher(text);
        int headerEnd = blankLine.find() ? blankLine.start() : text.length();
        String header = MESSAGE_ID.matcher(text.substring(0, headerEnd)).replaceAll("").replaceFirst("\\r?\\n\\z", "");
        return ("Message-ID: " + messageId + "\n" + header + text.substring(headerEnd)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Language(String code, String[] privacy, String[] billing, String greeting, String signature) {
    }

    private static final List<Language> LANGUAGES = List.of(
            new Language("da", new String[] {
                "Jeg beder om indsigt i alle de personoplysninger, I har om mig, efter jeres brud på datasikkerheden.",
                "Slet venligst alle mine oplysninger. Jeg vil ikke længere være kunde hos jer.",
                "Er mine oplysninger blevet stjålet i ransomware-angrebet? Jeg er meget bekymret."},
                new String[] {
                "Jeg har fået faktura %s to gange og har allerede betalt den første. Hvornår får jeg pengene tilbage?",
                "Hvorfor har jeg fået et rykkergebyr på faktura %s? Jeg betalte den til tiden."},
                "Hej", "Venlig hilsen"),
            new Language("sv", new String[] {
                "Jag begär ett registerutdrag över alla personuppgifter ni har om mig efter dataintrånget.",
                "Radera alla mina uppgifter, jag vill inte längre vara kund hos er.",
                "Har mina uppgifter läckt i attacken mot ert datacenter? Jag är orolig."},
                new String[] {
                "Jag har fått faktura %s två gånger och har redan betalat den första. När får jag tillbaka pengarna?",
                "Varför har jag fått en påminnelseavgift på faktura %s? Jag betalade i tid."},
                "Hej", "Med vänliga hälsningar"),
            new Language("no", new String[] {
                "Jeg ber om innsyn i alle personopplysninger dere har om meg etter sikkerhetsbruddet.",
                "Vennligst slett alle opplysningene mine. Jeg ønsker ikke lenger å være kunde.",
                "Er opplysningene mine lekket i løsepengevirusangrepet? Jeg er bekymret."},
                new String[] {
                "Jeg har fått faktura %s to ganger og har allerede betalt den første. Når får jeg pengene tilbake?",
                "Hvorfor har jeg fått purregebyr på faktura %s? Jeg betalte i tide."},
                "Hei", "Med vennlig hilsen"),
            new Language("fi", new String[] {
                "Pyydän pääsyä kaikkiin minua koskeviin henkilötietoihin tietomurron jälkeen.",
                "Poistakaa kaikki tietoni, en halua enää olla asiakkaanne.",
                "Onko tietojani vuotanut kiristyshaittaohjelmahyökkäyksessä? Olen huolissani."},
                new String[] {
                "Sain laskun %s kahteen kertaan ja maksoin jo ensimmäisen. Milloin saan rahani takaisin?",
                "Miksi sain muistutusmaksun laskusta %s? Maksoin ajallaan."},
                "Hei", "Ystävällisin terveisin"),
            new Language("en", new String[] {
                "I request access to all personal data you hold about me following the data breach.",
                "Please erase all my personal data. I no longer wish to be your customer.",
                "Was my data stolen in the ransomware attack on your data centre provider? I am worried."},
                new String[] {
                "I received invoice %s twice and already paid the first one. When will I get a refund?",
                "Why was I charged a reminder fee on invoice %s? I paid on time."},
                "Hello", "Kind regards"));

    private static final String[] NAMES = {"Kirsten Ravn", "Lars Holm", "Eva Lind", "Olof Berg", "Ingrid Dahl", "Matti Virtanen",
        "Aino Korhonen", "Sarah Jones", "Nils Strand", "Mette Jensen"};

    static int privacyMix(int count, Path maildir, Random random) throws Exception {
        Session session = Session.getInstance(new Properties());
        for (int number = 1; number <= count; number++) {
            Language language = LANGUAGES.get(number % LANGUAGES.size());
            String name = NAMES[random.nextInt(NAMES.length)];
            boolean billing = random.nextInt(100) < 35;
            String invoice = Integer.toString(40_000_000 + random.nextInt(9_000_000));
            String request = billing ? String.format(language.billing()[random.nextInt(language.billing().length)], invoice)
                    : language.privacy()[random.nextInt(language.privacy().length)];
            String identity = random.nextInt(100) < 20 ? "\n" + identityNumber(language.code(), random) : "";
            String text = language.greeting() + ",\n\n" + request + identity + "\n\n" + language.signature() + "\n" + name + "\n";
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("customer" + number + "@example." + (language.code().equals("en") ? "com" : language.code()), name, "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, "nordic.dataprivacy@example.com");
            message.setSubject((billing ? "Faktura " + invoice : "Data breach") + " #" + number, "UTF-8");
            message.setSentDate(new java.util.Date(1_772_000_000_000L + number * 60_000L));
            int kind = random.nextInt(100);
            if (kind < 40) {
                message.setText(text, "UTF-8");
            } else if (kind < 70) {
                message.setContent("<html><body><p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "</p><p>").replace("\n", "<br>")
                        + "</p><div style=\"display:none\">tracking " + number + "</div></body></html>", "text/html; charset=UTF-8");
            } else if (kind < 85) {
                // each customer's own receipt or form, as in a real mailbox: the service reads an attachment it has seen before
                // only once, and files shared by many mails would measure that saving instead of reading them
                message.setContent(withAttachment(text, "kvittering.pdf", "application/pdf", TestMail.pdf("Betalingskvittering faktura "
                        + invoice + " betalt " + (1 + number % 28) + ".03.2026 beløb " + (199 + random.nextInt(2000)) + " kr")));
            } else if (kind < 95) {
                message.setContent(withAttachment(text, "anmodning.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestMail.docx("Anmodning om indsigt. Navn: "
                        + name + ". Kundenummer " + (880_000 + number) + ". Jeg ønsker en kopi af alle oplysninger om mig.")));
            } else {
                MimeMessage original = new MimeMessage(session);
                original.setFrom(new InternetAddress("noreply@breach-notice.example.com"));
                original.setSubject("Important information about a security incident", "UTF-8");
                original.setText("We are writing to inform you that a ransomware attack at our data centre provider may have exposed your data.", "UTF-8");
                original.saveChanges();
                ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
                original.writeTo(forwarded);
                message.setContent(withAttachment("Fwd: what does this mean for me?\n\n" + text, "notice.eml", "message/rfc822", forwarded.toByteArray()));
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<mix-" + number + "@example.invalid>");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            write(maildir, number, out.toByteArray());
        }
        return count;
    }

    private static MimeMultipart withAttachment(String text, String fileName, String type, byte[] content) throws Exception {
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        multipart.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
        file.setFileName(fileName);
        multipart.addBodyPart(file);
        return multipart;
    }

    /** A well-formed number of the language's country (valid check digits are not needed for load, only the shape). */
    private static String identityNumber(String language, Random random) {
        String date = String.format(Locale.ROOT, "%02d%02d%02d", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100));
        return switch (language) {
            case "da" -> "CPR-nr. " + date + "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            case "sv" -> "Personnummer " + date + "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            case "no" -> "Fødselsnummer " + date + " " + String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
            case "fi" -> "Henkilötunnus " + date + "-" + String.format(Locale.ROOT, "%03d", random.nextInt(1000)) + "A";
            default -> "Customer number " + random.nextInt(1_000_000);
        };
    }

}
