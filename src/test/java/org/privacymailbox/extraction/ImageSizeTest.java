package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSizeTest {

    private static byte[] image(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void sizeIsReadFromTheHeaderOfCommonFormats() throws Exception {
        for (String format : new String[] {"png", "gif", "jpeg", "bmp"}) {
            byte[] bytes = image(format, 144, 20);
            assertThat(ImageSize.of(bytes, bytes.length)).as(format).contains(new ImageSize(144, 20));
        }
    }

    @Test
    void spacersAndPixelsAreTooSmallForTextAButtonIsNot() throws Exception {
        assertThat(new ImageSize(1, 1).tooSmallForText()).isTrue();
        assertThat(new ImageSize(600, 6).tooSmallForText()).isTrue();
        assertThat(new ImageSize(144, 20).tooSmallForText()).isFalse();
    }

    @Test
    void aHeaderCutShortOrNoImageLeavesTheSizeUnknown() throws Exception {
        byte[] png = image("png", 300, 200);
        assertThat(ImageSize.of(Arrays.copyOf(png, 10), 10)).isEmpty();
        byte[] text = "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageSize.of(text, text.length)).isEmpty();
    }
}
