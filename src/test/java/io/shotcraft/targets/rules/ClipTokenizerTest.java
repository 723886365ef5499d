package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLIP tokenizer against the reference. Every expected id list below was produced by openai/CLIP's own
 * clip/simple_tokenizer.py (with ftfy 6.3.1 and the regex module) on the upstream bpe_simple_vocab_16e6.txt.gz; "a photo
 * of a cat" and "a diagram" also match the ids published for openai/clip-vit-base-patch32.
 */
class ClipTokenizerTest {

    private static final ClipTokenizer CLIP = ClipTokenizer.shared();

    /** A typical Stable Diffusion prompt, 294 characters: 81 tokens, past the 75 the encoder reads. */
    static final String LONG_PROMPT = "masterpiece, best quality, (red hair:1.2), 1girl, solo, looking at viewer, detailed eyes, "
            + "cinematic lighting, photorealistic portrait of a young woman standing in a neon-lit Tokyo street at night, rain, "
            + "reflections, bokeh, 35mm film grain, shot on Kodak Portra 400, <lora:film:0.7>, sharp focus";

    static Stream<Arguments> reference() {
        return Stream.of(
                Arguments.of("a photo of a cat",
                        List.of(320, 1125, 539, 320, 2368)),
                Arguments.of("a diagram",
                        List.of(320, 22697)),
                Arguments.of("a photo of a dog",
                        List.of(320, 1125, 539, 320, 1929)),
                Arguments.of("Hello, world!!! What's up?",
                        List.of(3306, 267, 1002, 995, 768, 568, 705, 286)),
                Arguments.of("PHOTOREALISTIC Portrait, UPPER and lower",
                        List.of(1153, 16157, 5352, 267, 7067, 537, 4909)),
                Arguments.of("1920x1080, 4k, 8K UHD, f/1.8, 50mm, 2024",
                        List.of(272, 280, 273, 271, 343, 272, 271, 279, 271, 267, 275, 330, 267, 279, 330, 84,
                                4414, 267, 325, 270, 272, 269, 279, 267, 276, 271, 2848, 267, 273, 271, 273, 275)),
                Arguments.of("it's a dog's life; they're sure we've seen I'm sure you'll say he'd go",
                        List.of(585, 568, 320, 1929, 568, 970, 282, 889, 982, 1650, 649, 1200, 2041, 328, 880, 1650,
                                592, 1342, 1451, 797, 1896, 861)),
                Arguments.of("rock'n'roll, o'clock, '90s",
                        List.of(2172, 262, 333, 262, 3341, 267, 334, 262, 6716, 267, 262, 280, 271, 338)),
                Arguments.of("café crème brûlée, naïve façade, Ünïcödé",
                        List.of(15304, 1075, 12138, 614, 711, 127, 119, 75, 13489, 267, 1097, 35689, 563, 778, 10067, 1928,
                                267, 6522, 77, 35689, 66, 7255, 67, 4166)),
                Arguments.of("東京の夜景, 한국어, привет мир, ελληνικά",
                        List.of(48338, 21078, 105, 21575, 23170, 250, 48132, 363, 267, 15197, 250, 31871, 255, 31625, 368, 267,
                                26302, 16370, 29503, 110, 22176, 141, 480, 38018, 16701, 141, 478, 267, 138, 113, 138, 119,
                                138, 119, 138, 115, 138, 121, 138, 117, 138, 118, 138, 361)),
                Arguments.of("🐱 cat 👍🏽 ❤\ufe0f 🇫🇷",
                        List.of(22979, 2368, 43722, 1752, 16223)),
                Arguments.of("(red hair:1.2), [blue eyes], {masterpiece}, ((best quality)), <lora:film_grain:0.8>",
                        List.of(263, 736, 2225, 281, 272, 269, 273, 2361, 314, 1746, 3095, 34067, 346, 12066, 92, 267,
                                13796, 949, 3027, 8, 2361, 283, 2179, 320, 281, 1860, 318, 12109, 281, 271, 269, 279,
                                285)),
                Arguments.of(LONG_PROMPT,
                        List.of(12066, 267, 949, 3027, 267, 263, 736, 2225, 281, 272, 269, 273, 2361, 272, 1611, 267,
                                5797, 267, 1312, 536, 15061, 267, 12609, 3095, 267, 25602, 5799, 267, 1153, 16157, 5352, 539,
                                320, 1888, 2308, 2862, 530, 320, 13919, 268, 4350, 6667, 2012, 536, 930, 267, 2443, 267,
                                16647, 267, 647, 36983, 267, 274, 276, 2848, 1860, 12109, 267, 2000, 525, 30425, 817, 2483,
                                275, 271, 271, 267, 283, 2179, 320, 281, 1860, 281, 271, 269, 278, 29, 267, 8157,
                                4353)),
                Arguments.of("Don’t stop “believing” ‘now’",
                        List.of(847, 713, 1691, 257, 19551, 257, 262, 692, 262)),
                Arguments.of("Tom &amp; Jerry &lt;3 caf&eacute; &#39;quoted&#39; &#x2764;",
                        List.of(2435, 261, 9164, 283, 274, 15304, 262, 27706, 262, 2720)),
                Arguments.of("ＬＯＵＤ\u3000ＮＯＩＳＥＳ",
                        List.of(7464, 31575)),
                Arguments.of("ﬁne ﬂowers",
                        List.of(3797, 4023)),
                Arguments.of("  multiple   spaces\tand\nnew\r\nlines  ",
                        List.of(6470, 9006, 537, 686, 3418)),
                Arguments.of("<|startoftext|>hello<|endoftext|>",
                        List.of(49406, 3306, 49407)),
                Arguments.of("ΣΊΣΥΦΟΣ ΟΔΟΣ",
                        List.of(139, 225, 138, 107, 139, 225, 139, 227, 139, 228, 138, 123, 139, 480, 138, 123,
                                138, 112, 138, 123, 139, 480)),
                Arguments.of("supercalifragilisticexpialidocious antidisestablishmentarianism",
                        List.of(1642, 2857, 13093, 2076, 5868, 26850, 835, 639, 38466, 3120, 4262, 7726, 12658, 1585, 44351)),
                Arguments.of("a\u00a0b\u3000c\u2003d",
                        List.of(320, 321, 322, 323)),
                Arguments.of("x".repeat(40),
                        List.of(32035, 32035, 32035, 32035, 32035, 32035, 32035, 32035, 32035, 22819)),
                Arguments.of("trending on artstation, octane render, unreal engine 5, volumetric lighting, 8k",
                        List.of(6087, 525, 1486, 2631, 267, 43040, 13024, 267, 15636, 5857, 276, 267, 3563, 19950, 5799, 267,
                                279, 330)));
    }

    @ParameterizedTest
    @MethodSource("reference")
    void encodesAsTheReferenceImplementation(String text, List<Integer> ids) {
        assertThat(CLIP.encode(text)).as(text).containsExactlyElementsOf(ids);
        assertThat(CLIP.count(text)).as(text).isEqualTo(ids.size());
    }

    @Test
    void countsWithoutStartAndEndTokens() {
        assertThat(CLIP.count("a photo of a cat")).isEqualTo(5);
        assertThat(CLIP.count("")).isZero();
        assertThat(CLIP.count(" \t\n ")).isZero();
        assertThat(CLIP.count(null)).isZero();
        assertThat(CLIP.encode("")).isEmpty();
        assertThat(CLIP.count(LONG_PROMPT)).isEqualTo(81).isGreaterThan(ClipTokenizer.USABLE);
        assertThat(ClipTokenizer.USABLE).isEqualTo(ClipTokenizer.CONTEXT_LENGTH - 2).isEqualTo(75);
    }

    @Test
    void theVocabularyIsClipsOwn() throws Exception {
        assertThat(CLIP.vocabularySize()).isEqualTo(ClipTokenizer.VOCAB_SIZE).isEqualTo(49_408);
        assertThat(CLIP.tokenText(0)).isEqualTo("!");
        assertThat(CLIP.tokenText(320)).isEqualTo("a</w>");
        assertThat(CLIP.tokenText(512)).isEqualTo("in"); // the first merge, "i n"
        assertThat(CLIP.tokenText(1125)).isEqualTo("photo</w>");
        assertThat(CLIP.tokenText(2368)).isEqualTo("cat</w>");
        assertThat(CLIP.tokenText(49_405)).isEqualTo("jekyll</w>"); // the 48,894th merge, "jeky ll</w>"
        assertThat(CLIP.tokenText(ClipTokenizer.START_OF_TEXT)).isEqualTo("<|startoftext|>");
        assertThat(CLIP.tokenText(ClipTokenizer.END_OF_TEXT)).isEqualTo("<|endoftext|>");

        // The resource is the first 48,895 lines of upstream's file (see src/main/resources/clip/README.md).
        try (InputStream in = new GZIPInputStream(
                getClass().getClassLoader().getResourceAsStream(ClipTokenizer.VOCAB_RESOURCE))) {
            byte[] text = in.readAllBytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)))
                    .isEqualTo("685491abbdad36159d094ecdc23bebc0dd53f8d1df35c4d74ef6036db2ba7572");
            assertThat(new String(text, 0, 50, "UTF-8")).startsWith("\"bpe_simple_vocab_16e6.txt#version: 0.2\ni n\n");
        }
    }

    @Test
    void decodesAsTheReference() {
        assertThat(CLIP.decode(CLIP.encode("A photo of a CAT!"))).isEqualTo("a photo of a cat ! ");
        assertThat(CLIP.decode(CLIP.encode("東京の夜景 🐱"))).isEqualTo("東京の夜景 🐱 ");
        assertThat(CLIP.decode(List.of(ClipTokenizer.START_OF_TEXT, 320, ClipTokenizer.END_OF_TEXT)))
                .isEqualTo("<|startoftext|>a <|endoftext|>");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        // More distinct words than the cache holds, so threads keep replacing each other's cache entries.
        var random = new Random(42);
        var prompts = new ArrayList<String>();
        for (int p = 0; p < 600; p++) {
            var prompt = new StringBuilder();
            while (prompt.length() < 300) {
                int length = 2 + random.nextInt(9);
                for (int c = 0; c < length; c++) {
                    prompt.append((char) ('a' + random.nextInt(26)));
                }
                prompt.append(random.nextInt(4) == 0 ? ", " : " ");
            }
            prompts.add(prompt.toString());
        }
        reference().forEach(arguments -> prompts.add((String) arguments.get()[0]));
        // Expected values from a fresh instance whose cache no other thread touches.
        ClipTokenizer fresh = ClipTokenizer.load();
        var expected = prompts.stream().map(fresh::encode).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 37;
                tasks.add(() -> {
                    assertThat(ClipTokenizer.shared()).isSameAs(CLIP);
                    int checked = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < prompts.size(); i++) {
                            int k = (i + offset) % prompts.size();
                            assertThat(CLIP.encode(prompts.get(k))).isEqualTo(expected.get(k));
                            assertThat(CLIP.count(prompts.get(k))).isEqualTo(expected.get(k).size());
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(8 * 5 * prompts.size());
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void costOfACount() {
        // Not an assertion: prints what one count() of a 300-character prompt costs on this machine.
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += CLIP.count(LONG_PROMPT);
        }
        int calls = 100_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += CLIP.count(LONG_PROMPT);
        }
        double micros = (System.nanoTime() - start) / 1e3 / calls;
        System.out.printf("ClipTokenizer.count(%d chars) = %d tokens: %.2f us per call (warm cache) [%d]%n",
                LONG_PROMPT.length(), CLIP.count(LONG_PROMPT), micros, sink);
    }
}
