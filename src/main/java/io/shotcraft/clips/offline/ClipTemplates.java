package io.shotcraft.clips.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shotcraft.platform.text.Words;

/**
 * The deterministic prompt of a clip, used as the model's base and as the fallback. Fragments come in the design's
 * order — action, motion, camera, style, colour, lighting, quality modifiers, reference hints — with the clip's
 * scene and characters after the action and the previous shot's context after the camera; the job's style keywords
 * close it. A prompt over the word limit first loses its least important fragments (quality modifiers, hints,
 * continuity…), and is cut only when the essentials alone are too long. Pure functions.
 */
public final class ClipTemplates {

    public static final String FALLBACK_DESCRIPTION = "Wide shot of the main scene consistent with the overall style";
    public static final String QUALITY = "cinematic lighting, highly detailed, professional cinematography, 4K, 16:9 aspect ratio";
    public static final String SCENE_HINT = "match the look and composition of the established scene reference image";
    public static final String CHARACTER_HINT = "keep character appearance consistent with earlier shots";

    private static final int DESCRIPTION_WORDS = 16;
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "his", "her",
            "their", "its", "our", "my", "your", "one", "two", "three", "four", "some", "many", "several", "every", "each");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s,]+");
    private static final Pattern FAST = Pattern.compile("(?i)\\b(fast|quick|rapid|energetic|dynamic|frenetic|explosive|whip)");
    private static final Pattern CALM = Pattern.compile("(?i)\\b(slow|calm|gentle|static|still|subtle|smooth|drift)");

    /** A fragment of the prompt and how long it survives trimming (higher stays longer). */
    private record Fragment(String text, int keep) {
    }

    private ClipTemplates() {
    }

    /** Camera and subject motion for a clip whose script names none, by how hard the beat hits. */
    public static String defaultMotion(String beatIntensity) {
        return switch (beatIntensity == null ? "medium" : beatIntensity) {
            case "high" -> "dynamic tracking shot, handheld camera";
            case "low" -> "static camera, slow subtle movement";
            default -> "smooth tracking shot";
        };
    }

    public static String build(ClipContext clip) {
        var fragments = fragments(clip);
        while (true) {
            var text = StyleKeywords.apply(join(fragments), clip.styleKeywords());
            if (Words.count(text) <= clip.maxWords()) {
                return text;
            }
            var weakest = fragments.stream().filter(f -> f.keep() < 80).min(Comparator.comparingInt(Fragment::keep));
            if (weakest.isEmpty()) {
                return PromptText.truncate(text, clip.maxWords());
            }
            fragments.remove(weakest.get());
        }
    }

    private static List<Fragment> fragments(ClipContext clip) {
        var fragments = new ArrayList<Fragment>();
        var action = present(clip.visualDescription()) ? clip.visualDescription() : FALLBACK_DESCRIPTION;
        fragments.add(new Fragment(PromptText.sentenceCase(PromptText.trimEnd(action)), 100));
        if (present(clip.sceneDescription())) {
            fragments.add(new Fragment("set in " + withArticle(inline(clip.sceneDescription())), 60));
        }
        var characters = clip.characterDescriptions().stream().filter(ClipTemplates::present)
                .map(description -> withArticle(inline(description))).toList();
        if (!characters.isEmpty()) {
            fragments.add(new Fragment("featuring " + ColorNames.join(characters), 70));
        }
        boolean hasMotion = present(clip.motion());
        fragments.add(new Fragment(hasMotion ? paced(PromptText.trimEnd(clip.motion()), clip.beatIntensity())
                : defaultMotion(clip.beatIntensity()), 90));
        if (present(clip.cameraAngle())) {
            fragments.add(new Fragment(PromptText.trimEnd(clip.cameraAngle()), 85));
        } else if (hasMotion) {
            fragments.add(new Fragment(defaultMotion(clip.beatIntensity()), 85));
        }
        if (present(clip.previousShot())) {
            fragments.add(new Fragment("continuing from the previous shot where " + inline(clip.previousShot()), 30));
        }
        var style = stylePhrase(clip);
        if (!style.isEmpty()) {
            fragments.add(new Fragment(style, 50));
        }
        if (present(clip.palette())) {
            fragments.add(new Fragment(clip.palette(), 45));
        }
        if (present(clip.lighting())) {
            var lighting = PromptText.trimEnd(clip.lighting());
            fragments.add(new Fragment(lighting.toLowerCase(Locale.ROOT).contains("light") ? lighting : lighting + " lighting", 40));
        }
        fragments.add(new Fragment(QUALITY, 10));
        if (clip.sceneReference()) {
            fragments.add(new Fragment(SCENE_HINT, 20));
        }
        if (clip.characterReference()) {
            fragments.add(new Fragment(CHARACTER_HINT, 25));
        }
        return fragments;
    }

    /** "in a cyberpunk style that feels melancholic, with wide shots"; parts the style lacks are left out. */
    private static String stylePhrase(ClipContext clip) {
        var phrase = new StringBuilder();
        if (present(clip.visualStyle())) {
            var style = PromptText.trimEnd(clip.visualStyle());
            phrase.append(startsWithVowel(style) ? "in an " : "in a ").append(style).append(" style");
        }
        if (present(clip.mood())) {
            phrase.append(phrase.isEmpty() ? "feeling " : " that feels ").append(PromptText.trimEnd(clip.mood()));
        }
        if (present(clip.cinematography())) {
            phrase.append(phrase.isEmpty() ? "with " : ", with ").append(PromptText.trimEnd(clip.cinematography()));
        }
        return phrase.toString();
    }

    /** Motion that says how the beat drives it: faster on a hard beat, calmer on a soft one, unless it already does. */
    private static String paced(String motion, String beatIntensity) {
        if ("high".equals(beatIntensity) && !FAST.matcher(motion).find()) {
            return motion + ", fast and energetic";
        }
        if ("low".equals(beatIntensity) && !CALM.matcher(motion).find()) {
            return motion + ", slow and calm";
        }
        return motion;
    }

    private static String join(List<Fragment> fragments) {
        return PromptText.tidy(String.join(", ", fragments.stream().map(Fragment::text).toList()));
    }

    /**
     * A description inside a sentence: shortened, without trailing stops, its first letter lower-case unless it starts
     * with an acronym ("NYC rooftop"). Plans write descriptions as sentences, so a capital first word is rarely a name.
     */
    private static String inline(String description) {
        var text = PromptText.shorten(description, DESCRIPTION_WORDS);
        boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isUpperCase(text.charAt(1));
        return acronym || text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** "a rooftop above the city", but "the rooftop", "neon signs", "Tokyo" and "two dancers" as they are. */
    static String withArticle(String phrase) {
        var words = WORD_BREAK.split(phrase.toLowerCase(Locale.ROOT), 3);
        var first = words[0];
        // "neon signs", "stairs": a plural head noun (one of the first two words, roughly) takes no article.
        boolean plural = java.util.Arrays.stream(words).limit(2).anyMatch(w -> w.endsWith("s") && !w.endsWith("ss"));
        if (first.isEmpty() || DETERMINERS.contains(first) || plural || !Character.isLowerCase(phrase.charAt(0))) {
            return phrase;
        }
        return (startsWithVowel(first) ? "an " : "a ") + phrase;
    }

    private static boolean startsWithVowel(String text) {
        return !text.isEmpty() && "aeiouAEIOU".indexOf(text.charAt(0)) >= 0;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
