package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Mentions.Token;

/**
 * A kind of attribute that a value carries before its head noun ("teal" robot, "cast iron" skillet), in the order
 * English puts them: size, age, colour, material. A request that names only such words ("to blue", "make it giant")
 * changes that attribute of a value instead of replacing the value.
 */
enum OfflineEditAttribute {

    SIZE("size", "tiny", "small", "little", "big", "large", "huge", "giant", "gigantic", "enormous", "massive",
            "miniature", "mini", "colossal", "towering", "tall", "short", "oversized", "immense"),
    AGE("age", "old", "young", "ancient", "new", "brand new", "vintage", "antique", "modern", "futuristic", "retro",
            "elderly", "aged"),
    COLOR("color", "red", "blue", "green", "yellow", "orange", "purple", "violet", "pink", "black", "white", "grey",
            "gray", "brown", "teal", "turquoise", "cyan", "magenta", "crimson", "scarlet", "maroon", "navy", "indigo",
            "gold", "golden", "silver", "beige", "ivory", "cream", "lavender", "lilac", "mint", "amber", "emerald",
            "ruby", "charcoal", "khaki", "tan", "aqua", "azure", "coral", "peach", "fuchsia", "rainbow",
            "multicolored", "multicoloured", "colorful", "colourful", "chrome"),
    MATERIAL("material", "wooden", "wood", "metal", "metallic", "steel", "stainless steel", "iron", "cast iron",
            "copper", "brass", "bronze", "glass", "plastic", "stone", "marble", "ceramic", "porcelain", "clay", "paper",
            "cardboard", "leather", "wool", "woolen", "woollen", "silk", "cotton", "velvet", "titanium", "crystal",
            "rubber", "concrete", "bamboo", "wicker", "aluminum", "aluminium", "tin", "jade");

    /** Words that only shade a colour: "light blue", "deep red". */
    private static final Set<String> SHADES = Set.of("light", "dark", "pale", "bright", "deep", "vivid", "neon",
            "pastel", "dusty", "dull", "soft", "hot", "navy");

    /** An attribute phrase of a value and where it sits in the value. */
    record Found(String text, int start, int end) {
    }

    final String label;
    private final List<List<String>> terms;

    OfflineEditAttribute(String label, String... terms) {
        this.label = label;
        this.terms = List.of(terms).stream().map(Mentions::words).toList();
    }

    /** The kind of attribute a phrase consists of entirely ("blue", "bright red", "cast iron"), if it does. */
    static Optional<OfflineEditAttribute> of(String phrase) {
        List<String> words = Mentions.words(phrase);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        for (OfflineEditAttribute kind : values()) {
            if (kind.covers(words)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private boolean covers(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            int length = termAt(words, i);
            if (length == 0 && this == COLOR && SHADES.contains(words.get(i)) && i + 1 < words.size()) {
                length = 1;
            }
            if (length == 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /** The number of words of the longest term of this kind starting at {@code i}; 0 if none. */
    private int termAt(List<String> words, int i) {
        int best = 0;
        for (List<String> term : terms) {
            if (term.size() > best && i + term.size() <= words.size()
                    && words.subList(i, i + term.size()).equals(term)) {
                best = term.size();
            }
        }
        return best;
    }

    /** This kind's attribute in a value's head segment ("teal" in "teal robot"), if it has one. */
    Optional<Found> in(String value) {
        String segment = OfflineEditWords.headSegment(value);
        List<Token> tokens = Mentions.tokens(segment);
        List<String> words = tokens.stream().map(Token::word).toList();
        for (int i = 0; i < tokens.size() - 1; i++) {
            int first = i;
            while (this == COLOR && i < tokens.size() - 1 && SHADES.contains(words.get(i))
                    && termAt(words, i + 1) > 0) {
                i++;
            }
            int length = termAt(words, i);
            if (length > 0 && i + length < tokens.size()) {
                int start = tokens.get(first).start();
                int end = tokens.get(i + length - 1).end();
                return Optional.of(new Found(value.substring(start, end), start, end));
            }
            i = first;
        }
        return Optional.empty();
    }

    /**
     * The value with this kind's attribute set to {@code words}: the old attribute replaced, or the new one inserted
     * where English puts it (before attributes of later kinds, else before the head noun and any compound "-ing"
     * word: "red measuring spoons").
     */
    String applyTo(String value, String words) {
        Optional<Found> found = in(value);
        if (found.isPresent()) {
            return value.substring(0, found.get().start()) + words + value.substring(found.get().end());
        }
        int at = insertionPoint(value);
        return value.substring(0, at) + words + " " + value.substring(at);
    }

    private int insertionPoint(String value) {
        List<Token> tokens = Mentions.tokens(OfflineEditWords.headSegment(value));
        if (tokens.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (laterKindAt(tokens, i)) {
                return tokens.get(i).start();
            }
        }
        int head = tokens.size() - 1;
        while (head > 0 && OfflineEditWords.isIng(tokens.get(head - 1).word())) {
            head--;
        }
        return tokens.get(head).start();
    }

    private boolean laterKindAt(List<Token> tokens, int i) {
        List<String> words = tokens.stream().map(Token::word).toList();
        for (OfflineEditAttribute kind : values()) {
            if (kind.ordinal() > ordinal() && kind.termAt(words, i) > 0) {
                return true;
            }
        }
        return false;
    }
}
