package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractKind.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjectives (and nouns used as adjectives) the extractor knows, each with what it says: a plain attribute
 * (colour, material, size or quality) or an aspect of the shot ("cinematic" is a style, "rainy" the weather,
 * "handheld" a camera move). Unknown adjectives are still read as such from their position.
 */
final class OfflineLexiconModifiers {

    private OfflineLexiconModifiers() {
    }

    /** Normalised modifier to kind. */
    static final Map<String, OfflineExtractKind> KINDS = build();

    private static Map<String, OfflineExtractKind> build() {
        var modifiers = new HashMap<String, OfflineExtractKind>();
        OfflineLexiconLookup.put(modifiers, STYLE, """
                cinematic, photorealistic, photo realistic, hyperrealistic, hyper realistic, realistic, anime, noir,
                cyberpunk, steampunk, surreal, surrealist, impressionist, impressionistic, expressionist, minimalist,
                minimalistic, painterly, cartoonish, cartoon, animated, stylized, stylised, documentary, claymation,
                cel shaded, low poly, pixelated, 8 bit, 16 bit, 4k, 8k, hdr, imax, 35mm, 16mm, 70mm, 8mm, vhs, lo fi,
                grainy, watercolor, watercolour, vaporwave, synthwave, retro futuristic, filmic, analog, analogue,
                hand drawn, 2d, 3d, cgi, ghibli, pixar, dreamlike, slow motion, time lapse
                """);
        OfflineLexiconLookup.put(modifiers, PALETTE, """
                black and white, monochrome, monochromatic, sepia, desaturated, duotone, grayscale, greyscale,
                technicolor, high contrast, low contrast, washed out, teal and orange
                """);
        OfflineLexiconLookup.put(modifiers, MOOD, """
                serene, peaceful, tranquil, calm, tense, eerie, ominous, mysterious, melancholic, melancholy, nostalgic,
                romantic, dreamy, whimsical, playful, joyful, joyous, cheerful, somber, sombre, gloomy, moody, dramatic,
                epic, intense, suspenseful, haunting, cozy, cosy, desolate, hopeful, uplifting, chaotic, frantic,
                energetic, festive, magical, mystical, ethereal, otherworldly, foreboding, menacing, sinister, idyllic,
                contemplative, meditative, introspective, triumphant, heroic, bittersweet, tender, intimate, solemn,
                lonely, wistful, creepy, spooky, relaxing, soothing
                """);
        OfflineLexiconLookup.put(modifiers, WEATHER, """
                rainy, snowy, foggy, misty, stormy, windy, cloudy, overcast, sunny, drizzly, breezy, blustery, humid,
                frosty, wintry, thundery, smoggy, hazy
                """);
        OfflineLexiconLookup.put(modifiers, TIME, """
                nighttime, daytime, nocturnal, morning, evening, afternoon, midnight, sunset, sunrise, twilight, dawn,
                dusk, night
                """);
        OfflineLexiconLookup.put(modifiers, LIGHTING, """
                sunlit, moonlit, candlelit, starlit, backlit, lamplit, firelit, neon lit, dimly lit, brightly lit,
                softly lit, well lit, low key, high key, dim, dark, shadowy, shadowed, luminous, radiant, bright,
                glowing, golden lit
                """);
        OfflineLexiconLookup.put(modifiers, CAMERA, """
                handheld, hand held, tracking, panning, dolly, drone, static, locked off, steadicam, gimbal, orbiting,
                sweeping, fpv, crane, dollying
                """);
        OfflineLexiconLookup.put(modifiers, SHOT, """
                close, wide, medium, long, establishing, aerial, overhead, low angle, high angle, top down, bird eye,
                birds eye, over the shoulder, panoramic, macro, first person, pov, full, tight, profile, dutch,
                wide angle, extreme
                """);
        OfflineLexiconLookup.put(modifiers, PLACE, """
                underwater, indoors, outdoors, indoor, outdoor, offshore, undersea
                """);
        OfflineLexiconLookup.put(modifiers, COLOUR, """
                red, crimson, scarlet, maroon, burgundy, pink, magenta, fuchsia, orange, amber, yellow, golden, gold,
                green, emerald, lime, teal, turquoise, cyan, aqua, blue, navy, azure, cobalt, indigo, violet, purple,
                lavender, lilac, brown, tan, beige, cream, ivory, white, black, grey, gray, silver, bronze, rust,
                charcoal, pastel, neon, reddish, bluish, greenish, colorful, colourful, vibrant, muted, rainbow,
                iridescent, pale, deep, vivid
                """);
        OfflineLexiconLookup.put(modifiers, MATERIAL, """
                wooden, wood, metal, metallic, steel, iron, cast iron, copper, brass, glass, crystal, stone, marble,
                granite, brick, concrete, leather, silk, velvet, wool, woolen, woollen, cotton, linen, denim, lace,
                paper, cardboard, plastic, rubber, ceramic, porcelain, clay, bamboo, wicker, rattan, chrome, titanium,
                aluminum, aluminium, carbon fiber, straw, furry, fluffy, feathered, knitted, woven
                """);
        OfflineLexiconLookup.put(modifiers, QUALITY, """
                tiny, small, little, large, big, huge, giant, gigantic, enormous, massive, towering, tall, short,
                miniature, slender, narrow, thick, thin, fat, chubby, petite, broad, vast, lone, single, solitary, old,
                young, elderly, ancient, aged, new, modern, futuristic, vintage, retro, antique, rustic, ornate,
                weathered, worn, battered, rusty, dusty, dirty, clean, shiny, polished, glossy, matte, smooth, rough,
                soft, hard, wet, dry, sleek, elegant, beautiful, pretty, handsome, cute, hairy, bald, bearded, muscular,
                wrinkled, graceful, empty, half, broken, torn, cracked, shattered, fallen, frozen, hidden, forgotten,
                abandoned, overgrown, bustling, busy, crowded, quiet, silent, noisy, loud, lively, warm, cool, cold,
                hot, heavy, light, gentle, fierce, wild, friendly, angry, happy, sad, curious, sleepy, tired, brave,
                proud, shy, majestic, magnificent, distant, nearby, underground, floating, open, fresh, ripe, rotten,
                iced, frosted, sparkling, glittering, gleaming, flickering, twinkling, shimmering, rolling, winding,
                sprawling, rugged, rocky, sandy, grassy, muddy, icy, leafy, lush, dense, sparse, barren, arid, tropical,
                exotic, urban, rural, industrial, medieval, victorian, gothic, baroque, art deco, slick, reflective,
                translucent, transparent, holographic, digital, electric, mechanical, robotic, cybernetic, burnt, lit,
                spilt, sunken, molten, stolen, shaken, spun, scattered, late, early, slow, fast, quick, steady, subtle,
                rapid, lazy, crisp, fine, rich, faint, harsh, strong, soft focus, shallow, stray, lush green, few,
                several, bare, still, foamy, frothy, steamy, smoky, salty, sweet, spicy, savory, crusty, golden brown,
                sticky, juicy, crumbling, peeling, chipped, faded, neon pink, hot pink
                """);
        return Map.copyOf(modifiers);
    }
}
