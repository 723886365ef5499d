package io.shotcraft.targets.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The CLIP byte-level BPE tokenizer that Stable Diffusion's text encoder uses, in pure Java: a port of openai/CLIP's
 * {@code clip/simple_tokenizer.py} with its vocabulary (49,408 tokens built from the first 48,894 merges of
 * {@code bpe_simple_vocab_16e6.txt.gz}; see {@code src/main/resources/clip/README.md} for where the file came from).
 *
 * <p>What it does, step by step, as the reference does:
 * <ol>
 * <li>{@code basic_clean}: ftfy's {@code fix_text} is approximated (see below), then HTML entities are unescaped twice;
 * <li>{@code whitespace_clean} and lower-casing as Python's {@code str.lower} (final sigma included);
 * <li>the pre-tokenizer regex
 * {@code <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+} (case-insensitive),
 * implemented as a hand-written scanner with the same leftmost-alternative semantics ({@code \s} is Unicode White_Space,
 * {@code \p{L}} is {@link Character#isLetter(int)}, {@code \p{N}} the Nd/Nl/No categories);
 * <li>each piece's UTF-8 bytes mapped through {@code bytes_to_unicode}, {@code </w>} appended to its last symbol, and
 * BPE applied by merge rank (lowest rank first, all non-overlapping occurrences left to right).
 * </ol>
 *
 * <p>The ftfy approximation (ftfy 6 defaults) keeps every step of {@code fix_text} except mojibake repair
 * ({@code fix_encoding}: re-decoding text that was decoded with the wrong codec, e.g. "cafÃ©"), which is not done:
 * HTML entities ending in ';' (only where ftfy would: not in or after a line containing '&lt;'), C1 controls read as
 * Windows-1252, Latin ligatures, halfwidth/fullwidth forms, curly quotes to straight ones, lone surrogates to U+FFFD,
 * ANSI terminal escapes and control characters removed, NFC; repeated until nothing changes, as ftfy does. Line-break
 * normalisation is left out because whitespace_clean makes it irrelevant. Text of printable ASCII (plus tab, CR, LF, FF)
 * without '&amp;' skips all of this: none of it can change such text.
 *
 * <p>HTML entities: numeric references exactly as Python's {@code html.unescape}; named ones from the HTML 4 set (the
 * 252 names plus {@code &apos;}, their HTML5 case variants, the no-semicolon legacy forms, and ftfy's all-caps forms such
 * as {@code &EACUTE;}). HTML5-only names (e.g. {@code &checkmark;}) are left as they are, where the reference would
 * decode them.
 *
 * <p>Thread-safe and allocation-light: the vocabulary is immutable after loading, and words already seen are looked up
 * in a bounded, lock-free, direct-mapped cache ({@value #CACHE_SIZE} entries; a colliding word simply replaces the old
 * one). No reflection; the vocabulary is a classpath resource (native image: include {@code clip/**}).
 */
public final class ClipTokenizer {

    /** Tokens the text encoder reads besides {@code <|startoftext|>} and {@code <|endoftext|>}: 77 - 2. */
    public static final int USABLE = 75;
    /** The text encoder's context, start and end tokens included. */
    public static final int CONTEXT_LENGTH = 77;
    public static final int VOCAB_SIZE = 49_408;
    public static final int START_OF_TEXT = 49_406;
    public static final int END_OF_TEXT = 49_407;

    static final int MERGES = 48_894;
    static final String VOCAB_RESOURCE = "clip/bpe_simple_vocab_16e6.merges.txt.gz";
    static final int CACHE_SIZE = 1 << 13;

    private static final String START_TEXT = "<|startoftext|>";
    private static final String END_TEXT = "<|endoftext|>";
    private static final int[] NO_IDS = new int[0];

    // ---- vocabulary (immutable after construction) ----

    /** byte value -> vocabulary id of its bytes_to_unicode symbol (0..255); its end-of-word form is 256 + that id. */
    private final int[] byteSymbol = new int[256];
    /** vocabulary id (below 256) -> byte value. */
    private final int[] symbolByte = new int[256];
    /** open-addressing map (left id << 16 | right id) -> merge rank. */
    private final int[] pairKeys;
    private final int[] pairRanks;
    private final int pairShift;
    /** merge rank -> id of the merged symbol; and its two halves (for decoding). */
    private final int[] mergedId = new int[MERGES];
    private final int[] mergeLeft = new int[MERGES];
    private final int[] mergeRight = new int[MERGES];
    private final int vocabularySize;

    private final Entry[] cache = new Entry[CACHE_SIZE];

    private record Entry(String word, int[] ids) {
    }

    private static final class Holder {
        static final ClipTokenizer SHARED = load();
    }

    /** The one tokenizer of the process, loaded on first use. */
    public static ClipTokenizer shared() {
        return Holder.SHARED;
    }

    static ClipTokenizer load() {
        try (InputStream raw = ClipTokenizer.class.getClassLoader().getResourceAsStream(VOCAB_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("CLIP vocabulary resource missing: " + VOCAB_RESOURCE);
            }
            var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.contains("#version")) {
                throw new IllegalStateException("not a CLIP merges file: " + VOCAB_RESOURCE);
            }
            String[] merges = new String[MERGES * 2];
            for (int r = 0; r < MERGES; r++) {
                String line = reader.readLine();
                int space = line == null ? -1 : line.indexOf(' ');
                if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
                    throw new IllegalStateException("bad merge line " + (r + 2) + " in " + VOCAB_RESOURCE + ": " + line);
                }
                merges[2 * r] = line.substring(0, space);
                merges[2 * r + 1] = line.substring(space + 1);
            }
            return new ClipTokenizer(merges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VOCAB_RESOURCE, e);
        }
    }

    private ClipTokenizer(String[] merges) {
        // bytes_to_unicode: printable Latin-1 bytes map to themselves, in this order; the others to U+0100 onwards.
        char[] byteChar = new char[256];
        int index = 0;
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            if (printableByte(b)) {
                byteChar[b] = (char) b;
            }
        }
        for (int[] range : new int[][] { { '!', '~' }, { 0xA1, 0xAC }, { 0xAE, 0xFF } }) {
            for (int b = range[0]; b <= range[1]; b++) {
                byteSymbol[b] = index++;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (!printableByte(b)) {
                byteChar[b] = (char) (256 + extra++);
                byteSymbol[b] = index++;
            }
        }
        for (int b = 0; b < 256; b++) {
            symbolByte[byteSymbol[b]] = b;
        }
        // vocab = symbols, symbols + '</w>', one per merge, then the two special tokens; ids as Python's dict(zip()).
        Map<String, Integer> encoder = new HashMap<>(VOCAB_SIZE * 2);
        String[] symbols = new String[256];
        for (int b = 0; b < 256; b++) {
            symbols[byteSymbol[b]] = String.valueOf(byteChar[b]);
        }
        int id = 0;
        for (String s : symbols) {
            encoder.put(s, id++);
        }
        for (String s : symbols) {
            encoder.put(s + "</w>", id++);
        }
        for (int r = 0; r < MERGES; r++) {
            encoder.put(merges[2 * r] + merges[2 * r + 1], id++);
        }
        encoder.put(START_TEXT, id++);
        encoder.put(END_TEXT, id++);
        this.vocabularySize = encoder.size();

        int capacity = Integer.highestOneBit(MERGES * 2) << 1; // load factor below 0.4
        this.pairShift = 32 - Integer.numberOfTrailingZeros(capacity);
        this.pairKeys = new int[capacity];
        this.pairRanks = new int[capacity];
        Arrays.fill(pairKeys, -1);
        for (int r = 0; r < MERGES; r++) {
            Integer left = encoder.get(merges[2 * r]);
            Integer right = encoder.get(merges[2 * r + 1]);
            Integer merged = encoder.get(merges[2 * r] + merges[2 * r + 1]);
            mergedId[r] = merged;
            mergeLeft[r] = left == null ? -1 : left;
            mergeRight[r] = right == null ? -1 : right;
            if (left != null && right != null) {
                putPair(left << 16 | right, r); // a later duplicate pair overwrites, as in Python's dict
            }
        }
    }

    private static boolean printableByte(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    private int slot(int key) {
        return (key * 0x9E3779B9) >>> pairShift;
    }

    private void putPair(int key, int rank) {
        int mask = pairKeys.length - 1;
        int i = slot(key);
        while (pairKeys[i] != -1 && pairKeys[i] != key) {
            i = (i + 1) & mask;
        }
        pairKeys[i] = key;
        pairRanks[i] = rank;
    }

    private int rank(int left, int right) {
        int key = left << 16 | right;
        int mask = pairKeys.length - 1;
        int i = slot(key);
        int k;
        while ((k = pairKeys[i]) != -1) {
            if (k == key) {
                return pairRanks[i];
            }
            i = (i + 1) & mask;
        }
        return Integer.MAX_VALUE;
    }

    // ---- public API ----

    /** How many tokens the text encoder sees for this text, without {@code <|startoftext|>} and {@code <|endoftext|>}. */
    public int count(String text) {
        return run(text, null);
    }

    /** The token ids of the text, without {@code <|startoftext|>} and {@code <|endoftext|>}. */
    public List<Integer> encode(String text) {
        var out = new IntBuffer();
        run(text, out);
        var list = new ArrayList<Integer>(out.size);
        for (int i = 0; i < out.size; i++) {
            list.add(out.ids[i]);
        }
        return Collections.unmodifiableList(list);
    }

    /** The text of these ids as simple_tokenizer.py's decode gives it (each word followed by a space). */
    public String decode(List<Integer> ids) {
        var symbols = new StringBuilder();
        for (int id : ids) {
            appendSymbols(id, symbols);
        }
        // symbols holds byte-level characters, with '\uFFFF' standing for each </w>.
        byte[] bytes = new byte[symbols.length()];
        var out = new StringBuilder();
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (c == '\uFFFF') {
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8)).append(' ');
                n = 0;
            } else {
                bytes[n++] = (byte) symbolByte[c];
            }
        }
        return out.append(new String(bytes, 0, n, StandardCharsets.UTF_8)).toString();
    }

    /** The token's own text (byte-level symbols, with {@code </w>}), e.g. 320 -> "a&lt;/w&gt;". Package-private for tests. */
    String tokenText(int id) {
        if (id == START_OF_TEXT) {
            return START_TEXT;
        }
        if (id == END_OF_TEXT) {
            return END_TEXT;
        }
        var symbols = new StringBuilder();
        appendSymbols(id, symbols);
        var text = new StringBuilder();
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            text.append(c == '\uFFFF' ? "</w>" : String.valueOf(byteCharOf(c)));
        }
        return text.toString();
    }

    int vocabularySize() {
        return vocabularySize;
    }

    private char byteCharOf(int symbol) {
        int b = symbolByte[symbol];
        if (printableByte(b)) {
            return (char) b;
        }
        int extra = 0;
        for (int x = 0; x < b; x++) {
            if (!printableByte(x)) {
                extra++;
            }
        }
        return (char) (256 + extra);
    }

    /** Appends the byte symbols (0..255) of a token as chars, '\uFFFF' for its end-of-word mark. */
    private void appendSymbols(int id, StringBuilder out) {
        if (id < 0 || id >= VOCAB_SIZE) {
            throw new IllegalArgumentException("not a CLIP token id: " + id);
        }
        if (id == START_OF_TEXT || id == END_OF_TEXT) {
            String text = id == START_OF_TEXT ? START_TEXT : END_TEXT;
            for (int i = 0; i < text.length(); i++) {
                out.append((char) byteSymbol[text.charAt(i)]);
            }
            return;
        }
        if (id < 256) {
            out.append((char) id);
        } else if (id < 512) {
            out.append((char) (id - 256)).append('\uFFFF');
        } else {
            int r = id - 512;
            appendSymbols(mergeLeft[r], out);
            appendSymbols(mergeRight[r], out);
        }
    }

    // ---- tokenizing ----

    private static final class IntBuffer {
        int[] ids = new int[32];
        int size;

        void add(int[] more) {
            if (size + more.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, ids, size, more.length);
            size += more.length;
        }
    }

    private int run(String text, IntBuffer out) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String s = lower(basicClean(text));
        int n = s.length();
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int kind = c < 128 ? ASCII_KIND[c] : kindOf(s.codePointAt(i));
            if (kind == WHITE) {
                i += c < 128 ? 1 : Character.charCount(s.codePointAt(i));
                continue;
            }
            int end;
            if (c == '<' && (end = special(s, i)) > 0) {
                // exact special tokens map to their ids (simple_tokenizer's cache); case variants are BPE'd whole
            } else if (c == '\'' && (end = contraction(s, i)) > 0) {
                // 's 't 're 've 'm 'll 'd
            } else if (kind == LETTER) {
                end = runOf(s, i, LETTER);
            } else if (kind == NUMBER) {
                end = i + Character.charCount(s.codePointAt(i));
            } else {
                end = runOf(s, i, OTHER);
            }
            int[] ids = word(s, i, end);
            count += ids.length;
            if (out != null) {
                out.add(ids);
            }
            i = end;
        }
        return count;
    }

    /**
     * Python's {@code str.lower()}: simple lower-case mappings, except U+0130 (to "i\u0307") and U+03A3, which becomes
     * final sigma after a cased letter (case-ignorable characters between) when no cased letter follows. Java's own
     * {@code toLowerCase} decides final sigma by word boundaries instead, so it is not used beyond ASCII.
     */
    static String lower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) {
            i++;
        }
        if (i == n) {
            return s.toLowerCase(Locale.ROOT);
        }
        var out = new StringBuilder(n + 4);
        for (int k = 0; k < n;) {
            int cp = s.codePointAt(k);
            if (cp == 0x130) {
                out.append("i\u0307");
            } else if (cp == 0x3A3) {
                out.append(finalSigma(s, k) ? '\u03C2' : '\u03C3');
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
            k += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean finalSigma(String s, int at) {
        int j = at;
        int c = -1;
        while (j > 0) {
            c = s.codePointBefore(j);
            if (!caseIgnorable(c)) {
                break;
            }
            j -= Character.charCount(c);
            c = -1;
        }
        if (c < 0 || !cased(c)) {
            return false;
        }
        j = at + 1;
        while (j < s.length()) {
            c = s.codePointAt(j);
            if (!caseIgnorable(c)) {
                return !cased(c);
            }
            j += Character.charCount(c);
        }
        return true;
    }

    private static boolean cased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode Case_Ignorable: Mn, Me, Cf, Lm, Sk, and the Word_Break classes MidLetter, MidNumLet and Single_Quote. */
    private static boolean caseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL:
                return true;
            default:
                return switch (cp) {
                    case 0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55,
                            0xFF07, 0xFF0E, 0xFF1A -> true;
                    default -> false;
                };
        }
    }

    private static final byte WHITE = 0, LETTER = 1, NUMBER = 2, OTHER = 3;
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_KIND[c] = (byte) kindOf0(c);
        }
    }

    private static int kindOf(int cp) {
        return cp < 128 ? ASCII_KIND[cp] : kindOf0(cp);
    }

    private static int kindOf0(int cp) {
        if (isWhiteSpace(cp)) {
            return WHITE;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
            return NUMBER;
        }
        return OTHER;
    }

    /** Unicode White_Space, which is what the reference's {@code \s} matches. */
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** End of the longest run from i of code points of this kind (OTHER: neither white, letter nor number). */
    private static int runOf(String s, int i, int kind) {
        int n = s.length();
        int end = i;
        while (end < n) {
            char c = s.charAt(end);
            if (c < 128) {
                if (ASCII_KIND[c] != kind) {
                    break;
                }
                end++;
            } else {
                int cp = s.codePointAt(end);
                if (kindOf0(cp) != kind) {
                    break;
                }
                end += Character.charCount(cp);
            }
        }
        return end;
    }

    private static int special(String s, int i) {
        if (s.regionMatches(true, i, START_TEXT, 0, START_TEXT.length())) {
            return i + START_TEXT.length();
        }
        if (s.regionMatches(true, i, END_TEXT, 0, END_TEXT.length())) {
            return i + END_TEXT.length();
        }
        return -1;
    }

    /** End of a contraction at i (s[i] == '\''), or -1. Case-insensitive as the reference ('ſ' folds to 's'). */
    private static int contraction(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) {
            return -1;
        }
        char a = lowerAscii(s.charAt(i + 1));
        if (a == 's' || a == 't' || a == 'm' || a == 'd' || a == 'ſ') {
            return i + 2;
        }
        if (i + 2 < n) {
            char b = lowerAscii(s.charAt(i + 2));
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
                return i + 3;
            }
        }
        return -1;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** The ids of one pre-token s[start, end), from the cache or by BPE. */
    private int[] word(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & (CACHE_SIZE - 1);
        Entry e = cache[slot];
        int len = end - start;
        if (e != null && e.word.length() == len && s.regionMatches(start, e.word, 0, len)) {
            return e.ids;
        }
        String word = s.substring(start, end);
        int[] ids;
        if (word.equals(START_TEXT)) {
            ids = new int[] { START_OF_TEXT };
        } else if (word.equals(END_TEXT)) {
            ids = new int[] { END_OF_TEXT };
        } else {
            ids = bpe(word);
        }
        cache[slot] = new Entry(word, ids); // immutable record: safe to publish through a race
        return ids;
    }

    private int[] bpe(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8); // no lone surrogates here: basicClean replaced them
        int n = bytes.length;
        if (n == 0) {
            return NO_IDS;
        }
        int[] sym = new int[n];
        for (int i = 0; i < n - 1; i++) {
            sym[i] = byteSymbol[bytes[i] & 0xFF];
        }
        sym[n - 1] = 256 + byteSymbol[bytes[n - 1] & 0xFF];
        while (n > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i < n - 1; i++) {
                int r = rank(sym[i], sym[i + 1]);
                if (r < best) {
                    best = r;
                }
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            int left = mergeLeft[best];
            int right = mergeRight[best];
            int merged = mergedId[best];
            int w = 0;
            for (int i = 0; i < n;) {
                if (i < n - 1 && sym[i] == left && sym[i + 1] == right) {
                    sym[w++] = merged;
                    i += 2;
                } else {
                    sym[w++] = sym[i++];
                }
            }
            n = w;
        }
        return n == sym.length ? sym : Arrays.copyOf(sym, n);
    }

    // ---- basic_clean: ftfy.fix_text (approximated, see the class comment), then html.unescape twice ----

    static String basicClean(String text) {
        if (plain(text)) {
            return text;
        }
        String fixed = fixText(text);
        return htmlUnescape(htmlUnescape(fixed));
    }

    /** Printable ASCII, tab, LF, CR, FF and no '&': nothing in basic_clean changes anything the tokens depend on. */
    private static boolean plain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
                return false;
            }
        }
        return true;
    }

    /** ftfy.fix_text: line by line; entities only until the first line holding '<'; each line fixed until stable. */
    static String fixText(String text) {
        var out = new StringBuilder(text.length());
        boolean unescape = true;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            int brk = nl < 0 ? n : nl + 1;
            String segment = text.substring(pos, brk);
            if (unescape && segment.indexOf('<') >= 0) {
                unescape = false;
            }
            out.append(fixSegment(segment, unescape));
            pos = brk;
        }
        return out.toString();
    }

    private static String fixSegment(String s, boolean unescape) {
        for (int round = 0; round < 16; round++) { // ftfy loops until nothing changes; this converges in 2-3 rounds
            String before = s;
            if (unescape) {
                s = ftfyUnescape(s);
            }
            s = mapChars(s);
            s = fixSurrogates(s);
            s = removeTerminalEscapes(s);
            s = removeControlChars(s);
            if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
                s = Normalizer.normalize(s, Normalizer.Form.NFC);
            }
            if (s.equals(before)) {
                break;
            }
        }
        return s;
    }

    /** fix_c1_controls, fix_latin_ligatures, fix_character_width and uncurl_quotes, in ftfy's order, char by char. */
    private static String mapChars(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String mapped = null;
            if (mappable(c)) {
                char c1 = c <= 0x9F ? CP1252[c - 0x80] : c;
                String lig = ligature(c1);
                String chain = lig != null ? lig : String.valueOf(c1);
                var sb = new StringBuilder(chain.length() + 2);
                for (int k = 0; k < chain.length(); k++) {
                    char x = chain.charAt(k);
                    String width = width(x);
                    String w = width != null ? width : String.valueOf(x);
                    for (int m = 0; m < w.length(); m++) {
                        sb.append(uncurl(w.charAt(m)));
                    }
                }
                if (sb.length() != 1 || sb.charAt(0) != c) {
                    mapped = sb.toString();
                }
            }
            if (mapped != null) {
                if (out == null) {
                    out = new StringBuilder(n + 8).append(s, 0, i);
                }
                out.append(mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean mappable(char c) {
        return (c >= 0x80 && c <= 0x9F) || (c >= 0x0132 && c <= 0x01F3) || (c >= 0xFB00 && c <= 0xFB06) || c == 0x3000
                || (c >= 0xFF01 && c < 0xFFF0) || c == 0x02BC || (c >= 0x2018 && c <= 0x201F);
    }

    /** ftfy's "sloppy-windows-1252" for U+0080..U+009F (the five undefined bytes stay as they are). */
    private static final char[] CP1252 = ("\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D"
            + "\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178")
            .toCharArray();

    private static String ligature(char c) {
        return switch (c) {
            case '\u0132' -> "IJ";
            case '\u0133' -> "ij";
            case '\u0149' -> "\u02BCn";
            case '\u01F1' -> "DZ";
            case '\u01F2' -> "Dz";
            case '\u01F3' -> "dz";
            case '\u01C4' -> "D\u017D";
            case '\u01C5' -> "D\u017E";
            case '\u01C6' -> "d\u017E";
            case '\u01C7' -> "LJ";
            case '\u01C8' -> "Lj";
            case '\u01C9' -> "lj";
            case '\u01CA' -> "NJ";
            case '\u01CB' -> "Nj";
            case '\u01CC' -> "nj";
            case '\uFB00' -> "ff";
            case '\uFB01' -> "fi";
            case '\uFB02' -> "fl";
            case '\uFB03' -> "ffi";
            case '\uFB04' -> "ffl";
            case '\uFB05' -> "\u017Ft";
            case '\uFB06' -> "st";
            default -> null;
        };
    }

    /** U+3000 and U+FF01..U+FFEF to their NFKC forms (ftfy's WIDTH_MAP). */
    private static final String[] WIDTH = new String[0xFFF0 - 0xFF01];

    static {
        for (int c = 0xFF01; c < 0xFFF0; c++) {
            String ch = String.valueOf((char) c);
            String nfkc = Normalizer.normalize(ch, Normalizer.Form.NFKC);
            WIDTH[c - 0xFF01] = nfkc.equals(ch) ? null : nfkc;
        }
    }

    private static String width(char c) {
        if (c == '\u3000') {
            return " ";
        }
        return c >= 0xFF01 && c < 0xFFF0 ? WIDTH[c - 0xFF01] : null;
    }

    private static char uncurl(char c) {
        if (c == '\u02BC' || (c >= '\u2018' && c <= '\u201B')) {
            return '\'';
        }
        if (c >= '\u201C' && c <= '\u201F') {
            return '"';
        }
        return c;
    }

    private static String fixSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean lone = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                lone = true;
            } else if (Character.isLowSurrogate(c)) {
                lone = true;
            }
            if (lone && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** ftfy's ANSI_RE: ESC '[' (digit | ';')* letter, removed. */
    private static String removeTerminalEscapes(String s) {
        int esc = s.indexOf('\u001B');
        if (esc < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\u001B' && i + 1 < n && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < n) {
                    int cp = s.codePointAt(j);
                    if (cp == ';' || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                        j += Character.charCount(cp);
                    } else {
                        break;
                    }
                }
                if (j < n && ((s.charAt(j) >= 'a' && s.charAt(j) <= 'z') || (s.charAt(j) >= 'A' && s.charAt(j) <= 'Z'))) {
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** ftfy's CONTROL_CHARS: U+0000..08, 0B, 0E..1F, 7F, 206A..206F, FEFF, FFF9..FFFC. */
    private static boolean controlChar(char c) {
        return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF
                || (c >= 0xFFF9 && c <= 0xFFFC);
    }

    private static String removeControlChars(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (controlChar(c)) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    // ---- HTML entities ----

    /** html5 entities (name, ';' included when it is part of the name) of the HTML 4 set; values as code points. */
    private static final Map<String, String> HTML = entities("""
            AElig=c6 AElig;=c6 AMP=26 AMP;=26 Aacute=c1 Aacute;=c1 Acirc=c2 Acirc;=c2 Agrave=c0 Agrave;=c0 Alpha;=391 
            And;=2a53 Aring=c5 Aring;=c5 Atilde=c3 Atilde;=c3 Auml=c4 Auml;=c4 Beta;=392 COPY=a9 COPY;=a9 Cap;=22d2 
            Ccedil=c7 Ccedil;=c7 Chi;=3a7 Cup;=22d3 Dagger;=2021 Darr;=21a1 Delta;=394 ETH=d0 ETH;=d0 Eacute=c9 
            Eacute;=c9 Ecirc=ca Ecirc;=ca Egrave=c8 Egrave;=c8 Epsilon;=395 Eta;=397 Euml=cb Euml;=cb ForAll;=2200 GT=3e 
            GT;=3e Gamma;=393 Gt;=226b Iacute=cd Iacute;=cd Icirc=ce Icirc;=ce Igrave=cc Igrave;=cc Int;=222c Iota;=399 
            Iuml=cf Iuml;=cf Kappa;=39a LT=3c LT;=3c Lambda;=39b Lang;=27ea Larr;=219e Lt;=226a Mu;=39c Not;=2aec 
            Ntilde=d1 Ntilde;=d1 Nu;=39d OElig;=152 Oacute=d3 Oacute;=d3 Ocirc=d4 Ocirc;=d4 Ograve=d2 Ograve;=d2 
            Omega;=3a9 Omicron;=39f Or;=2a54 Oslash=d8 Oslash;=d8 Otilde=d5 Otilde;=d5 Otimes;=2a37 Ouml=d6 Ouml;=d6 
            Phi;=3a6 Pi;=3a0 Prime;=2033 Psi;=3a8 QUOT=22 QUOT;=22 REG=ae REG;=ae Rang;=27eb Rarr;=21a0 Rho;=3a1 
            Scaron;=160 Sigma;=3a3 Sub;=22d0 Sum;=2211 Sup;=22d1 THORN=de THORN;=de TRADE;=2122 Tau;=3a4 Theta;=398 
            Tilde;=223c Uacute=da Uacute;=da Uarr;=219f Ucirc=db Ucirc;=db Ugrave=d9 Ugrave;=d9 Upsilon;=3a5 Uuml=dc 
            Uuml;=dc Xi;=39e Yacute=dd Yacute;=dd Yuml;=178 Zeta;=396 aacute=e1 aacute;=e1 acirc=e2 acirc;=e2 acute=b4 
            acute;=b4 aelig=e6 aelig;=e6 agrave=e0 agrave;=e0 alefsym;=2135 alpha;=3b1 amp=26 amp;=26 and;=2227 ang;=2220 
            apos;=27 aring=e5 aring;=e5 asymp;=2248 atilde=e3 atilde;=e3 auml=e4 auml;=e4 bdquo;=201e beta;=3b2 brvbar=a6 
            brvbar;=a6 bull;=2022 cap;=2229 ccedil=e7 ccedil;=e7 cedil=b8 cedil;=b8 cent=a2 cent;=a2 chi;=3c7 circ;=2c6 
            clubs;=2663 cong;=2245 copy=a9 copy;=a9 crarr;=21b5 cup;=222a curren=a4 curren;=a4 dArr;=21d3 dagger;=2020 
            darr;=2193 deg=b0 deg;=b0 delta;=3b4 diams;=2666 divide=f7 divide;=f7 eacute=e9 eacute;=e9 ecirc=ea ecirc;=ea 
            egrave=e8 egrave;=e8 empty;=2205 emsp;=2003 ensp;=2002 epsilon;=3b5 equiv;=2261 eta;=3b7 eth=f0 eth;=f0 
            euml=eb euml;=eb euro;=20ac exist;=2203 fnof;=192 forall;=2200 frac12=bd frac12;=bd frac14=bc frac14;=bc 
            frac34=be frac34;=be frasl;=2044 gE;=2267 gamma;=3b3 ge;=2265 gt=3e gt;=3e hArr;=21d4 harr;=2194 hearts;=2665 
            hellip;=2026 iacute=ed iacute;=ed icirc=ee icirc;=ee iexcl=a1 iexcl;=a1 igrave=ec igrave;=ec image;=2111 
            infin;=221e int;=222b iota;=3b9 iquest=bf iquest;=bf isin;=2208 iuml=ef iuml;=ef kappa;=3ba lArr;=21d0 
            lE;=2266 lambda;=3bb lang;=27e8 laquo=ab laquo;=ab larr;=2190 lceil;=2308 ldquo;=201c le;=2264 lfloor;=230a 
            lowast;=2217 loz;=25ca lrm;=200e lsaquo;=2039 lsquo;=2018 lt=3c lt;=3c macr=af macr;=af mdash;=2014 micro=b5 
            micro;=b5 middot=b7 middot;=b7 minus;=2212 mu;=3bc nabla;=2207 nbsp=a0 nbsp;=a0 ndash;=2013 ne;=2260 ni;=220b 
            not=ac not;=ac notin;=2209 nsub;=2284 ntilde=f1 ntilde;=f1 nu;=3bd oacute=f3 oacute;=f3 ocirc=f4 ocirc;=f4 
            oelig;=153 ograve=f2 ograve;=f2 oline;=203e omega;=3c9 omicron;=3bf oplus;=2295 or;=2228 ordf=aa ordf;=aa 
            ordm=ba ordm;=ba oslash=f8 oslash;=f8 otilde=f5 otilde;=f5 otimes;=2297 ouml=f6 ouml;=f6 para=b6 para;=b6 
            part;=2202 permil;=2030 perp;=22a5 phi;=3c6 pi;=3c0 piv;=3d6 plusmn=b1 plusmn;=b1 pound=a3 pound;=a3 
            prime;=2032 prod;=220f prop;=221d psi;=3c8 quot=22 quot;=22 rArr;=21d2 radic;=221a rang;=27e9 raquo=bb 
            raquo;=bb rarr;=2192 rceil;=2309 rdquo;=201d real;=211c reg=ae reg;=ae rfloor;=230b rho;=3c1 rlm;=200f 
            rsaquo;=203a rsquo;=2019 sbquo;=201a scaron;=161 sdot;=22c5 sect=a7 sect;=a7 shy=ad shy;=ad sigma;=3c3 
            sigmaf;=3c2 sim;=223c spades;=2660 sub;=2282 subE;=2ac5 sube;=2286 sum;=2211 sup1=b9 sup1;=b9 sup2=b2 
            sup2;=b2 sup3=b3 sup3;=b3 sup;=2283 supE;=2ac6 supe;=2287 szlig=df szlig;=df tau;=3c4 there4;=2234 theta;=3b8 
            thetasym;=3d1 thinsp;=2009 thorn=fe thorn;=fe tilde;=2dc times=d7 times;=d7 trade;=2122 uArr;=21d1 uacute=fa 
            uacute;=fa uarr;=2191 ucirc=fb ucirc;=fb ugrave=f9 ugrave;=f9 uml=a8 uml;=a8 upsih;=3d2 upsilon;=3c5 uuml=fc 
            uuml;=fc weierp;=2118 xi;=3be yacute=fd yacute;=fd yen=a5 yen;=a5 yuml=ff yuml;=ff zeta;=3b6 zwj;=200d 
            zwnj;=200c            """);

    /** ftfy's all-caps forms of lower-case entity names (e.g. EACUTE; -> É), for the names above. */
    private static final Map<String, String> FTFY_CAPS = entities("""
            AACUTE;=c1 ACIRC;=c2 ACUTE;=b4 AELIG;=c6 AGRAVE;=c0 ALEFSYM;=2135 ALPHA;=391 AND;=2227 ANG;=2220 APOS;=27 
            ARING;=c5 ASYMP;=2248 ATILDE;=c3 AUML;=c4 BDQUO;=201e BETA;=392 BRVBAR;=a6 BULL;=2022 CAP;=2229 CCEDIL;=c7 
            CEDIL;=b8 CENT;=a2 CHI;=3a7 CIRC;=2c6 CLUBS;=2663 CONG;=2245 CRARR;=21b5 CUP;=222a CURREN;=a4 DAGGER;=2020 
            DARR;=2193 DEG;=b0 DELTA;=394 DIAMS;=2666 DIVIDE;=f7 EACUTE;=c9 ECIRC;=ca EGRAVE;=c8 EMPTY;=2205 EMSP;=2003 
            ENSP;=2002 EPSILON;=395 EQUIV;=2261 ETA;=397 EUML;=cb EURO;=20ac EXIST;=2203 FNOF;=191 FORALL;=2200 
            FRAC12;=bd FRAC14;=bc FRAC34;=be FRASL;=2044 GAMMA;=393 GE;=2265 HARR;=2194 HEARTS;=2665 HELLIP;=2026 
            IACUTE;=cd ICIRC;=ce IEXCL;=a1 IGRAVE;=cc IMAGE;=2111 INFIN;=221e INT;=222b IOTA;=399 IQUEST;=bf ISIN;=2208 
            IUML;=cf KAPPA;=39a LAMBDA;=39b LANG;=27e8 LAQUO;=ab LARR;=2190 LCEIL;=2308 LDQUO;=201c LE;=2264 LFLOOR;=230a 
            LOWAST;=2217 LOZ;=25ca LRM;=200e LSAQUO;=2039 LSQUO;=2018 MACR;=af MDASH;=2014 MICRO;=39c MIDDOT;=b7 
            MINUS;=2212 MU;=39c NABLA;=2207 NBSP;=a0 NDASH;=2013 NE;=2260 NI;=220b NOT;=ac NOTIN;=2209 NSUB;=2284 
            NTILDE;=d1 NU;=39d OACUTE;=d3 OCIRC;=d4 OELIG;=152 OGRAVE;=d2 OLINE;=203e OMEGA;=3a9 OMICRON;=39f OPLUS;=2295 
            OR;=2228 ORDF;=aa ORDM;=ba OSLASH;=d8 OTILDE;=d5 OTIMES;=2297 OUML;=d6 PARA;=b6 PART;=2202 PERMIL;=2030 
            PERP;=22a5 PHI;=3a6 PI;=3a0 PIV;=3a0 PLUSMN;=b1 POUND;=a3 PRIME;=2032 PROD;=220f PROP;=221d PSI;=3a8 
            RADIC;=221a RANG;=27e9 RAQUO;=bb RARR;=2192 RCEIL;=2309 RDQUO;=201d REAL;=211c RFLOOR;=230b RHO;=3a1 
            RLM;=200f RSAQUO;=203a RSQUO;=2019 SBQUO;=201a SCARON;=160 SDOT;=22c5 SECT;=a7 SHY;=ad SIGMA;=3a3 SIGMAF;=3a3 
            SIM;=223c SPADES;=2660 SUB;=2282 SUBE;=2286 SUM;=2211 SUP1;=b9 SUP2;=b2 SUP3;=b3 SUP;=2283 SUPE;=2287 
            SZLIG;=53+53 TAU;=3a4 THERE4;=2234 THETA;=398 THETASYM;=398 THINSP;=2009 TILDE;=2dc TIMES;=d7 UACUTE;=da 
            UARR;=2191 UCIRC;=db UGRAVE;=d9 UML;=a8 UPSIH;=3d2 UPSILON;=3a5 UUML;=dc WEIERP;=2118 XI;=39e YACUTE;=dd 
            YEN;=a5 YUML;=178 ZETA;=396 ZWJ;=200d ZWNJ;=200c            """);

    private static Map<String, String> entities(String table) {
        var map = new HashMap<String, String>();
        for (String entry : table.strip().split("\\s+")) {
            int eq = entry.lastIndexOf('=');
            var value = new StringBuilder();
            for (String hex : entry.substring(eq + 1).split("\\+")) {
                value.appendCodePoint(Integer.parseInt(hex, 16));
            }
            map.put(entry.substring(0, eq), value.toString());
        }
        return Map.copyOf(map);
    }

    private static boolean alnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** ftfy's unescape_html: {@code &#?[0-9A-Za-z]{1,24};} replaced when it is a known entity or a whole numeric one. */
    static String ftfyUnescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        int i = amp;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&') {
                int j = i + 1;
                boolean hash = j < n && s.charAt(j) == '#';
                if (hash) {
                    j++;
                }
                int k = j;
                while (k < n && alnum(s.charAt(k))) {
                    k++;
                }
                if (k > j && k - j <= 24 && k < n && s.charAt(k) == ';') {
                    String match = s.substring(i, k + 1);
                    String name = match.substring(1);
                    String value = HTML.get(name);
                    if (value == null || !name.endsWith(";")) {
                        value = FTFY_CAPS.get(name);
                    }
                    if (value == null && hash) {
                        String unescaped = htmlUnescape(match);
                        value = unescaped.indexOf(';') >= 0 ? null : unescaped;
                    }
                    out.append(value != null ? value : match);
                    i = k + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Python's html.unescape, with the entity names above. */
    static String htmlUnescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        int i = amp;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (j < n && s.charAt(j) == '#') {
                int k = j + 1;
                boolean hex = k < n && (s.charAt(k) == 'x' || s.charAt(k) == 'X');
                int digits = k;
                while (digits < n && Character.digit(s.charAt(digits), 10) >= 0 && s.charAt(digits) < 0x80) {
                    digits++;
                }
                if (digits > k) { // #[0-9]+;?
                    int end = digits < n && s.charAt(digits) == ';' ? digits + 1 : digits;
                    out.append(charRef(s, k, digits, 10));
                    i = end;
                    continue;
                }
                if (hex) { // #[xX][0-9a-fA-F]+;?
                    int h = k + 1;
                    while (h < n && s.charAt(h) < 0x80 && Character.digit(s.charAt(h), 16) >= 0) {
                        h++;
                    }
                    if (h > k + 1) {
                        int end = h < n && s.charAt(h) == ';' ? h + 1 : h;
                        out.append(charRef(s, k + 1, h, 16));
                        i = end;
                        continue;
                    }
                }
                out.append(c);
                i++;
                continue;
            }
            // [^\t\n\f <&#;]{1,32};?
            int k = j;
            while (k < n && k - j < 32 && nameChar(s.charAt(k))) {
                k++;
            }
            if (k == j) {
                out.append(c);
                i++;
                continue;
            }
            int end = k < n && s.charAt(k) == ';' ? k + 1 : k;
            String name = s.substring(j, end);
            String value = HTML.get(name);
            if (value != null) {
                out.append(value);
            } else {
                boolean found = false;
                for (int x = name.length() - 1; x > 1; x--) {
                    String prefix = HTML.get(name.substring(0, x));
                    if (prefix != null) {
                        out.append(prefix).append(name, x, name.length());
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    out.append('&').append(name);
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean nameChar(char c) {
        return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
    }

    /** Python's html._replace_charref for the digits s[from, to) in this radix. */
    private static String charRef(String s, int from, int to, int radix) {
        long num = 0;
        for (int i = from; i < to; i++) {
            num = num * radix + Character.digit(s.charAt(i), radix);
            if (num > 0x10FFFF) {
                num = 0x110000; // any larger value gives the same answer
            }
        }
        int cp = (int) num;
        if (cp == 0) {
            return "\uFFFD";
        }
        if (cp == 0x0D) {
            return "\r";
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            return String.valueOf(CP1252[cp - 0x80]);
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return "\uFFFD";
        }
        if ((cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || cp == 0x7F
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "";
        }
        return new String(Character.toChars(cp));
    }
}
