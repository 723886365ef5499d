package io.shotcraft.learning.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    @ParameterizedTest(name = "colour type {0}, {1} bits")
    @CsvSource({ "0,1", "0,2", "0,4", "0,8", "0,16", "2,8", "2,16", "3,1", "3,2", "3,4", "3,8", "4,8", "4,16", "6,8", "6,16" })
    void decodesEveryColourTypeAndDepthExactly(int colourType, int bitDepth) {
        var sample = TestPng.random(37, 23, colourType, bitDepth, 31L * colourType + bitDepth);

        var image = ImageDecoder.decode(sample.png(), "image/png").orElseThrow();

        assertThat(image.width()).isEqualTo(37);
        assertThat(image.height()).isEqualTo(23);
        assertThat(image.rgb()).isEqualTo(sample.rgb());
    }

    @Test
    void otherFormatsAreSkipped() {
        byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(ImageDecoder.decode(jpeg, "image/jpeg")).isEmpty();
        assertThat(ImageDecoder.decode(webp, "image/webp")).isEmpty();
        assertThat(ImageDecoder.decode(new byte[0], null)).isEmpty();
    }

    @Test
    void aPngIsReadWhateverItsLabelAndAMislabelledNonPngIsRefused() {
        var png = TestPng.rgb(2, 1, new int[] { 0xff0000, 0x00ff00 });

        assertThat(ImageDecoder.decode(png, "application/octet-stream")).isPresent();
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[] { 1, 2, 3 }, "image/png"))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("not a PNG");
    }

    @Test
    void interlacedPngsAreRefusedClearly() {
        var png = TestPng.encode(4, 4, 2, 8, new byte[4][12], new int[0], true);

        assertThatThrownBy(() -> ImageDecoder.decode(png, "image/png"))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("interlaced");
    }

    @Test
    void invalidDepthsTruncatedDataAndBadCrcsAreRefused() {
        var sixteenBitPalette = TestPng.encode(2, 2, 3, 16, new byte[2][4], new int[] { 0 }, false);
        var png = TestPng.rgb(8, 8, new int[64]);
        var truncated = Arrays.copyOf(png, png.length - 20);
        var damaged = png.clone();
        damaged[40] ^= 0x55;

        assertThatThrownBy(() -> ImageDecoder.decode(sixteenBitPalette, "image/png"))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("bit depth 16");
        assertThatThrownBy(() -> ImageDecoder.decode(truncated, "image/png")).isInstanceOf(UnreadableImageException.class);
        assertThatThrownBy(() -> ImageDecoder.decode(damaged, "image/png")).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void imagesOverFortyMegapixelsAreRefusedBeforeAnyDecoding() {
        var huge = TestPng.encode(8000, 5001, 2, 8, new byte[0][], new int[0], false);

        assertThatThrownBy(() -> ImageDecoder.decode(huge, "image/png"))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("40 megapixels");
    }

    @Test
    void largeImagesAreBoxFilteredToTheFeatureSide() {
        int[] pixels = new int[1024 * 512];
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 1024;
            int y = i / 1024;
            pixels[i] = (x + y) % 2 == 0 ? 0xffffff : 0x000000;
        }
        var image = ImageDecoder.decode(TestPng.rgb(1024, 512, pixels), "image/png").orElseThrow();

        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(128);
        // each output pixel averages a 4×4 block of the checkerboard: half white, half black
        assertThat(Arrays.stream(image.rgb()).distinct()).containsExactly(0x808080);
    }

    @Test
    void smallImagesPassThroughAtFullSize() {
        var sample = TestPng.random(256, 3, 2, 8, 7);

        assertThat(ImageDecoder.decode(sample.png(), "image/png").orElseThrow().rgb()).isEqualTo(sample.rgb());
    }
}
