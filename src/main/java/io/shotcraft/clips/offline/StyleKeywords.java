package io.shotcraft.clips.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;

/**
 * The style vocabulary every clip prompt of a job shares: 5–10 canonical, lower-case keywords drawn from a scene
 * plan's style (visual style, mood, lighting, cinematography, then the palette's feel), and their injection into a
 * prompt as one natural closing phrase ("…, in a cyberpunk moody style with neon lighting."). Immutable tables;
 * safe to share.
 */
public final class StyleKeywords {

    static final int MIN = 5;
    static final int MAX = 10;
    /** At most this many keywords come from any one style field, so that one long field cannot crowd out the rest. */
    private static final int PER_FIELD = 3;
    private static final int MAX_APPLIED = 4;

    /** How a keyword reads in a prompt: as a style adjective, a kind of lighting, or a camera technique. */
    private enum Role {
        STYLE, LIGHTING, CAMERA
    }

    /** A canonical keyword, its role, and how it reads after "with" in a prompt (for lighting and camera). */
    private record Keyword(String name, Role role, String phrase) {
    }

    /** Canonical keyword by the phrase (its words, space-separated) that names it. */
    private static final Map<String, Keyword> TERMS = new HashMap<>();
    private static final Map<String, Keyword> KEYWORDS = new HashMap<>();
    private static final int LONGEST_TERM;
    /** Words that say nothing about a style on their own ("watercolor aesthetic" is "watercolor"). */
    private static final Set<String> FILLER;

    static {
        var vocabulary = Vocabulary.of("style-keywords");
        for (Vocabulary.Entry entry : vocabulary.entries()) {
            switch (entry.key()) {
                case "STYLE", "LIGHTING", "CAMERA" -> add(keyword(entry), entry.fields().get(1));
                // Not terms: a plan's own text naming them keeps meaning what the table says.
                case "PADDING" -> entry.terms().forEach(
                        padding -> KEYWORDS.putIfAbsent(padding, new Keyword(padding, Role.LIGHTING, padding)));
                case "FILLER" -> { }
                default -> throw entry.malformed("unknown key");
            }
        }
        FILLER = vocabulary.set("FILLER");
        LONGEST_TERM = TERMS.keySet().stream().mapToInt(term -> term.split(" ").length).max().orElse(1);
    }

    private StyleKeywords() {
    }

    /**
     * 5–10 canonical, lower-case, distinct keywords for a style, in a fixed order: visual style, mood, lighting,
     * cinematography (at most three from each, in the order the text gives them), then the palette's feel; padded
     * with defaults suited to that feel when fewer than five. A field naming nothing in the vocabulary contributes
     * its own text when that is one to three words. Any argument may be null.
     */
    public static List<String> extract(String visualStyle, String mood, String lighting, String cinematography,
            List<String> palette) {
        var keywords = new LinkedHashSet<String>();
        keywords.addAll(fromField(visualStyle, true));
        keywords.addAll(fromField(mood, true));
        keywords.addAll(fromField(lighting, false));
        keywords.addAll(fromField(cinematography, false));
        ColorNames.Feel feel = ColorNames.feel(palette);
        List<String> feelWords = switch (feel) {
            case NEON -> List.of("vibrant", "neon", "saturated colors");
            case DARK -> List.of("dark", "low-key", "deep shadows");
            case PASTEL -> List.of("pastel", "soft", "airy");
            case MUTED -> List.of("muted", "desaturated", "subtle tones");
            case NONE -> List.of();
        };
        if (!feelWords.isEmpty()) {
            keywords.add(feelWords.get(0));
        }
        var pads = new ArrayList<>(feelWords);
        pads.addAll(List.of("cinematic", "atmospheric", "expressive", "detailed", "polished"));
        for (int i = 0; keywords.size() < MIN && i < pads.size(); i++) {
            keywords.add(pads.get(i));
        }
        return List.copyOf(keywords).subList(0, Math.min(MAX, keywords.size()));
    }

    /**
     * A prompt with 2–4 of the keywords (those it does not already mention, taken in order, at most two of a kind)
     * woven into a closing phrase: "…, in a cyberpunk moody style with neon lighting and handheld camerawork." The
     * result ends with a single period; with no keywords to add the prompt is returned unchanged.
     */
    public static String apply(String basePrompt, List<String> keywords) {
        String prompt = basePrompt == null ? "" : basePrompt.strip();
        if (keywords == null || keywords.isEmpty()) {
            return basePrompt;
        }
        var mentioned = PromptText.mentionsIn(prompt);
        var missing = new ArrayList<Keyword>();
        for (String name : new LinkedHashSet<>(keywords)) {
            if (name != null && !Mentions.words(name).isEmpty() && !mentioned.test(name)) {
                String key = name.strip().toLowerCase(Locale.ROOT);
                missing.add(KEYWORDS.getOrDefault(key, new Keyword(key, Role.STYLE, key)));
            }
        }
        // Two of style, one of lighting, one of camera; then, if that gave fewer than two, whatever is left.
        var chosen = new ArrayList<Keyword>();
        choose(missing, chosen, Map.of(Role.STYLE, 2, Role.LIGHTING, 1, Role.CAMERA, 1));
        if (chosen.size() < 2) {
            choose(missing, chosen, Map.of(Role.STYLE, 2, Role.LIGHTING, 2, Role.CAMERA, 2));
        }
        if (chosen.isEmpty()) {
            return basePrompt;
        }
        List<String> style = names(chosen, Role.STYLE);
        List<String> lighting = names(chosen, Role.LIGHTING);
        var with = new ArrayList<String>();
        if (!lighting.isEmpty()) {
            boolean plain = chosen.stream().filter(k -> k.role() == Role.LIGHTING)
                    .allMatch(k -> k.phrase().equals(k.name() + " lighting"));
            with.add(plain ? ColorNames.join(lighting) + " lighting" : ColorNames.join(phrases(chosen, Role.LIGHTING)));
        }
        with.addAll(phrases(chosen, Role.CAMERA));
        var phrase = new StringBuilder();
        if (!style.isEmpty()) {
            phrase.append("in a ").append(String.join(" ", style)).append(" style");
        }
        if (!with.isEmpty()) {
            phrase.append(phrase.isEmpty() ? "" : " ").append("with ").append(ColorNames.join(with));
        }
        String body = trimEnd(prompt);
        return body.isEmpty() ? capitalise(phrase) + "." : body + ", " + phrase + ".";
    }

    /** The field's keywords; a style or mood field naming none gives its own short text instead. */
    private static List<String> fromField(String field, boolean ownWords) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> words = Mentions.words(field);
        var found = new LinkedHashSet<String>();
        int start = 0;
        while (start < words.size() && found.size() < PER_FIELD) {
            int matched = 0;
            for (int end = Math.min(words.size(), start + LONGEST_TERM); end > start && matched == 0; end--) {
                Keyword keyword = TERMS.get(String.join(" ", words.subList(start, end)));
                if (keyword != null) {
                    found.add(keyword.name());
                    matched = end - start;
                }
            }
            start += Math.max(1, matched);
        }
        if (found.isEmpty() && ownWords) {
            var own = new ArrayList<>(words);
            own.removeIf(FILLER::contains);
            if (!own.isEmpty() && own.size() <= 3) {
                found.add(String.join(" ", own));
            }
        }
        return List.copyOf(found);
    }

    private static void choose(List<Keyword> missing, List<Keyword> chosen, Map<Role, Integer> caps) {
        for (Keyword keyword : missing) {
            long ofRole = chosen.stream().filter(k -> k.role() == keyword.role()).count();
            if (chosen.size() < MAX_APPLIED && !chosen.contains(keyword) && ofRole < caps.get(keyword.role())) {
                chosen.add(keyword);
            }
        }
        // Keep the keywords' own order whichever pass chose them.
        chosen.sort(Comparator.comparingInt(missing::indexOf));
    }

    private static List<String> names(List<Keyword> keywords, Role role) {
        return keywords.stream().filter(k -> k.role() == role).map(Keyword::name).toList();
    }

    private static List<String> phrases(List<Keyword> keywords, Role role) {
        return keywords.stream().filter(k -> k.role() == role).map(Keyword::phrase).toList();
    }

    private static String trimEnd(String prompt) {
        int end = prompt.length();
        while (end > 0 && ".,;:!?… ".indexOf(prompt.charAt(end - 1)) >= 0) {
            end--;
        }
        return prompt.substring(0, end);
    }

    private static String capitalise(CharSequence text) {
        String s = text.toString();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "keyword; terms" or "keyword; terms; phrase": a lighting keyword reads as "keyword lighting" by default. */
    private static Keyword keyword(Vocabulary.Entry entry) {
        List<String> fields = entry.fields();
        Role role = entry.key(Role.class);
        if (fields.size() < 2 || fields.size() > 3 || role == Role.CAMERA && fields.size() != 3) {
            throw entry.malformed("expected 'keyword; term, term' or 'keyword; term, term; phrase'");
        }
        String name = fields.getFirst();
        String phrase = fields.size() == 3 ? fields.get(2) : role == Role.LIGHTING ? name + " lighting" : name;
        return new Keyword(name, role, phrase);
    }

    private static void add(Keyword keyword, String terms) {
        KEYWORDS.putIfAbsent(keyword.name(), keyword);
        for (String term : terms.split(",")) {
            TERMS.putIfAbsent(String.join(" ", Mentions.words(term)), keyword);
        }
        TERMS.putIfAbsent(String.join(" ", Mentions.words(keyword.name())), keyword);
    }
}
