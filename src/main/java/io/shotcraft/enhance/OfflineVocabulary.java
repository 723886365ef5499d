package io.shotcraft.enhance;

import static io.shotcraft.enhance.OfflinePhrase.of;
import static io.shotcraft.enhance.OfflineTag.*;

import java.util.List;
import java.util.Map;

/**
 * What the offline enhancer may add, per aspect. Shot types are noun phrases ("low-angle medium shot"), camera
 * movements and motions are clauses ("the camera slowly dollies in", "snowflakes drift down through the frame"),
 * lighting and colour are noun phrases; all start in lower case and end without punctuation.
 */
final class OfflineVocabulary {

    private OfflineVocabulary() {
    }

    private static final List<OfflinePhrase> SHOT_TYPES = List.of(
            of("medium shot"),
            of("low-angle medium shot"),
            of("eye-level medium shot"),
            of("high-angle shot"),
            of("low-angle shot"),
            of("medium close-up", CLOSE_FRAME),
            of("intimate close-up", CLOSE_FRAME, SUBJECT),
            of("full shot", SUBJECT),
            of("wide shot", WIDE_FRAME),
            of("wide establishing shot", WIDE_FRAME),
            of("extreme wide shot", WIDE_FRAME, OUTDOOR),
            of("low-angle wide shot", WIDE_FRAME),
            of("over-the-shoulder shot", HUMAN),
            of("aerial drone shot", AERIAL),
            of("sweeping aerial view", AERIAL));

    private static final List<OfflinePhrase> CAMERA_MOVEMENTS = List.of(
            of("the camera slowly dollies in", MOVE),
            of("the camera pushes in gently", MOVE),
            of("the camera pans gently across the scene", MOVE),
            of("the camera tilts up slowly", MOVE),
            of("the camera slowly zooms in", MOVE),
            of("a handheld camera drifts with a subtle, natural sway", MOVE),
            of("the camera tracks slowly alongside {s}", MOVE, BOLD_MOVE, SUBJECT),
            of("the camera glides smoothly forward", MOVE, BOLD_MOVE),
            of("the camera rises on a slow crane move", MOVE, BOLD_MOVE, ABOVE_WATER),
            of("the camera slowly orbits {s}", MOVE, BOLD_MOVE, SUBJECT),
            of("the camera pulls back slowly to reveal the surroundings", MOVE, BOLD_MOVE),
            of("the camera holds steady on a locked-off tripod"),
            of("the camera stays perfectly still, letting the scene unfold", STATIC));

    private static final List<OfflinePhrase> MOTIONS = List.of(
            of("{s's} hair and clothes ripple in the wind", HUMAN, WIND),
            of("{s's} hair lifts gently in the breeze", HUMAN, WIND),
            of("{s} moves with slow, deliberate gestures", HUMAN, GESTURE),
            of("{s} blinks and breathes softly", HUMAN, GESTURE, DETAIL, ABOVE_WATER),
            of("{s's} fur ruffles in the wind", FUR, WIND, DETAIL),
            of("{s's} feathers ruffle in the breeze", FEATHER, WIND, DETAIL),
            of("{s} moves with calm, unhurried grace", SUBJECT, GESTURE),
            of("{s's} breath clouds in the cold air", BREATHER, BREATH, DETAIL),
            of("snowflakes drift down through the frame", SNOWFALL),
            of("snow swirls softly through the air", SNOWFALL),
            of("raindrops streak past and ripple across puddles", RAINFALL),
            of("rain falls in fine, glittering threads", RAINFALL),
            of("fog curls slowly along the ground", MIST),
            of("wisps of mist drift slowly past", MIST),
            of("waves roll in and break into white foam", SURF, VISTA),
            of("gentle ripples spread across the water", RIPPLE),
            of("leaves sway gently in the breeze", FOLIAGE, WIND),
            of("branches sway and a few leaves flutter down", FOLIAGE, WIND),
            of("tall grass ripples in the wind", GRASS, WIND),
            of("wisps of steam curl up into the air", STEAM),
            of("flames flicker and embers drift upward", FLAME),
            of("dust motes drift lazily through the air", DUST),
            of("fine sand streams across the dunes in the wind", SAND, WIND),
            of("heat shimmer rises off the ground", HEAT, VISTA),
            of("bubbles rise and tiny particles drift in the current", DEEP_WATER),
            of("strands of seaweed sway in the current", DEEP_WATER),
            of("tiny particles float weightlessly past", WEIGHTLESS),
            of("passers-by bustle past in a soft motion blur", CROWD, VISTA),
            of("cars stream past in a soft blur", TRAFFIC, VISTA),
            of("curtains stir gently in a draft", ROOM),
            of("candle flames waver softly", CANDLE),
            of("clouds drift slowly across the sky", SKY, VISTA));

    private static final List<OfflinePhrase> LIGHTING = List.of(
            of("warm golden-hour sunlight raking low across the scene", SKY, SUN, GOLDEN, COLORFUL),
            of("low golden-hour sun casting long, soft shadows", SKY, SUN, GOLDEN, COLORFUL),
            of("soft, diffused daylight", SKY, DAYLIGHT),
            of("soft overcast light with gentle shadows", SKY, DAYLIGHT),
            of("harsh midday sun casting crisp, hard shadows", SKY, SUN, MIDDAY, CLEAR),
            of("cool blue-hour twilight", SKY, BLUE_HOUR, COLORFUL),
            of("silvery moonlight", SKY, MOON),
            of("cold blue moonlight with warm sodium-vapour highlights", SKY, MOON, STREET, COLORFUL),
            of("pools of sodium-vapour streetlight", STREET, AFTER_DARK),
            of("glowing neon signs in magenta and cyan", NEON, COLORFUL),
            of("soft backlight tracing a glowing rim around every edge", ABOVE_WATER),
            of("dramatic low-key lighting with deep shadows", LOW_KEY, ABOVE_WATER),
            of("soft light spilling in through a window", INTERIOR, DAYLIGHT),
            of("warm practical lamps casting pools of light", INTERIOR, WARM_LIGHT),
            of("flickering candlelight", CANDLE),
            of("soft, even overhead light", INTERIOR),
            of("warm firelight flickering across the scene", FIRELIGHT),
            of("shafts of sunlight filtering down through the water, casting shimmering caustics", CAUSTIC, SUN),
            of("dappled caustic light rippling across the seabed", CAUSTIC),
            of("soft blue ambient light laced with rippling caustics", CAUSTIC, COLORFUL),
            of("stark, unfiltered sunlight against the black of space", COSMIC, SUN),
            of("the soft blue glow of a planet below", COSMIC, COLORFUL));

    private static final List<OfflinePhrase> COLORS_AND_ATMOSPHERES = List.of(
            of("warm amber tones with a soft haze", COLORFUL, WARM_TONE, AIR),
            of("a cool teal-and-orange grade with gentle film grain", COLORFUL),
            of("a muted pastel palette with a dreamy softness", COLORFUL),
            of("a muted, desaturated palette with fine film grain"),
            of("rich, saturated colours under a light volumetric haze", COLORFUL, AIR),
            of("deep blues and steely greys with a quiet, melancholic mood", COLORFUL, COOL_TONE),
            of("soft volumetric light and a faint atmospheric haze", AIR),
            of("a high-contrast look with inky blacks and fine film grain"),
            of("earthy, sun-faded tones in dry, dusty air", COLORFUL, SKY, SUN, DRY),
            of("crisp, clear air and vivid natural colours", COLORFUL, CLEAR, OUTDOOR, AIR),
            of("rain-slicked surfaces glistening with reflections", WET, OUTDOOR),
            of("a cold blue-white palette with a hushed, wintry stillness", COLORFUL, COOL_TONE, WINTRY),
            of("a soft grey palette muffled by drifting fog", MURKY),
            of("murky blue-green water and a dreamlike calm", DEEP_WATER, COLORFUL),
            of("deep teal water fading into darkness", DEEP_WATER, COLORFUL),
            of("inky blackness scattered with pinpoint stars", COSMIC),
            of("neon-soaked magenta and cyan hues", NEON, COLORFUL),
            of("a cosy palette of warm ambers and browns", ROOM, COLORFUL, WARM_TONE),
            of("a moody, low-saturation palette with soft haze", AIR),
            of("a nostalgic, faded film look with gentle grain"));

    private static final Map<OfflineAspect, List<OfflinePhrase>> BY_ASPECT = Map.of(
            OfflineAspect.SHOT_TYPE, SHOT_TYPES,
            OfflineAspect.CAMERA_MOVEMENT, CAMERA_MOVEMENTS,
            OfflineAspect.MOTION, MOTIONS,
            OfflineAspect.LIGHTING, LIGHTING,
            OfflineAspect.COLOR_ATMOSPHERE, COLORS_AND_ATMOSPHERES);

    /** The entries for an aspect, in a fixed order (the seed picks among those that fit the scene). */
    static List<OfflinePhrase> phrases(OfflineAspect aspect) {
        return BY_ASPECT.getOrDefault(aspect, List.of());
    }
}
