package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.storage.ScratchDirectory;

class TesseractParserTest {

    @TempDir
    Path data;

    private Path scratch;
    private TesseractParser parser;

    @BeforeEach
    void tesseractIsInstalled() {
        assumeTrue(TikaTextExtractor.Ocr.detect(true, "eng", 60, null).available(), "Tesseract is not installed here");
        ScratchDirectory directory = ScratchDirectory.forThisProcess(data.resolve("tmp"));
        scratch = directory.path();
        parser = new TesseractParser(directory);
    }

    private String read(byte[] image, Duration timeout) throws Exception {
        BodyContentHandler text = new BodyContentHandler();
        ParseContext context = new ParseContext();
        context.set(TesseractParser.Request.class, new TesseractParser.Request("eng", timeout));
        parser.parse(new ByteArrayInputStream(image), text, new Metadata(), context);
        return text.toString();
    }

    @Test
    void theTextComesBackAndNoFileIsLeft() throws Exception {
        assertThat(read(Attachments.png("Receipt 4711 paid"), Duration.ofSeconds(60))).contains("4711");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void anImageThatTakesTooLongIsAbandonedWithItsProgramAndFile() throws Exception {
        byte[] page = Attachments.png("Receipt 4711 paid ".repeat(3));
        assertThatThrownBy(() -> read(page, Duration.ofMillis(30))).isInstanceOf(TikaException.class).hasMessageContaining("abandoned");
        assertThat(scratch).isEmptyDirectory();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().command().orElse("").endsWith("tesseract"))
                // this test's, not another test's running beside it or the check whether Tesseract is installed
                .filter(child -> List.of(child.info().arguments().orElse(new String[0])).stream().anyMatch(argument -> argument.startsWith(scratch.toString()))))
                .isEmpty();
    }

    @Test
    void bytesThatAreNoImageAreAnErrorNotText() {
        assertThatThrownBy(() -> read("not an image".getBytes(), Duration.ofSeconds(60)))
                .isInstanceOf(TikaException.class).hasMessageContaining("tesseract ended with");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void everyTypeTikasOwnOcrTookIsTakenAsTheImageFormatToo() {
        Set<MediaType> tikas = new TesseractOCRParser().getSupportedTypes(new ParseContext());
        assertThat(TesseractParser.TYPES).containsAll(tikas);
        assertThat(TesseractParser.TYPES).contains(MediaType.image("png"), MediaType.image("jpeg"), MediaType.image("bmp"));
    }

    @Test
    void withoutARequestAnImageIsNotRead() throws Exception {
        BodyContentHandler text = new BodyContentHandler();
        parser.parse(new ByteArrayInputStream(Attachments.png("Receipt 4711")), text, new Metadata(), new ParseContext());
        assertThat(text.toString()).isBlank();
        assertThat(scratch).isEmptyDirectory();
    }
}
