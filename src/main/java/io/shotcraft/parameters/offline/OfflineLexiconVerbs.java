package io.shotcraft.parameters.offline;

import java.util.Map;
import java.util.Set;

/** The verbs the extractor knows, in the base form, and the irregular forms that do not reduce to it by rule. */
final class OfflineLexiconVerbs {

    private OfflineLexiconVerbs() {
    }

    static final Set<String> BASE = OfflineLexiconLookup.set("""
            walk, run, rake, park, mow, shovel, vacuum, iron, jog, sprint, dash, dance, sing, play, jump, leap, hop,
            skip, fly, soar, glide, float, drift, swim, dive, surf, sail, row, paddle, ride, drive, race, speed, chase,
            follow, lead, climb, crawl, creep, sneak, stroll, wander, roam, march, hike, trek, skate, ski, cycle, pedal,
            sit, stand, lie, lay, lean, kneel, crouch, squat, rest, sleep, nap, doze, wake, yawn, stretch, dream, eat,
            drink, sip, gulp, cook, bake, chop, slice, dice, mince, peel, stir, mix, whisk, knead, pour, fry, grill,
            roast, boil, simmer, season, taste, serve, plate, garnish, wash, clean, scrub, sweep, mop, wipe, dry, fold,
            sew, knit, weave, paint, draw, sketch, write, type, read, study, work, build, repair, fix, weld, hammer,
            carve, sculpt, dig, plant, water, harvest, pick, gather, collect, carry, hold, grab, grip, clutch, catch,
            throw, toss, kick, hit, punch, strike, swing, wield, brandish, fight, battle, duel, spar, shoot, aim, fire,
            reload, hunt, fish, cast, reel, feed, pet, stroke, hug, embrace, kiss, cuddle, pray, meditate, bow, wave,
            point, clap, cheer, laugh, smile, grin, cry, weep, sob, scream, shout, yell, whisper, talk, speak, chat,
            argue, listen, watch, look, stare, gaze, glance, peer, peek, search, explore, inspect, examine, discover,
            find, open, close, shut, push, pull, drag, lift, raise, lower, drop, place, put, set, arrange, stack, hang,
            light, ignite, blow, burn, melt, freeze, glow, shine, sparkle, shimmer, flicker, twinkle, reflect, rise,
            fall, descend, ascend, land, hover, circle, orbit, spin, twirl, turn, rotate, roll, bounce, slide, slip,
            stumble, trip, tumble, sway, rock, shake, tremble, shiver, breathe, sniff, smell, howl, bark, growl, purr,
            meow, chirp, roar, hiss, buzz, hum, whistle, drum, strum, pluck, perform, pose, prowl, stalk, pounce, graze,
            nibble, chew, bite, lick, perch, nest, flap, flutter, hatch, bloom, blossom, grow, wither, sprout, ripple,
            flow, stream, trickle, drip, splash, crash, break, burst, explode, erupt, collapse, shatter, crack, emerge,
            appear, vanish, disappear, fade, approach, arrive, leave, depart, enter, exit, return, cross, pass,
            navigate, steer, launch, patrol, guard, protect, defend, attack, charge, flee, escape, hide, wait, relax,
            lounge, sunbathe, browse, shop, sell, buy, bargain, deliver, check, scan, adjust, tune, operate, control,
            program, assemble, sort, toast, celebrate, dine, feast, share, brew, steam, sizzle, bubble, whirl, swirl,
            billow, dangle, tower, loom, sprawl, wind, wear, rain, snow, drizzle, hail, sleet, blaze, blanket, die, tie,
            take, make, bring, spit, dress, smoke, text, call, film, record, photograph, snap, juggle, balance,
            practice, practise, train, exercise, duck, dodge, block, tackle, score, win, lose, chant, preach, teach,
            learn, solve, think, ponder, wonder, remember, hesitate, pause, stop, start, begin, continue, keep, try,
            reach, touch, tap, knock, press, scroll, swipe, mend, polish, sharpen, forge, chisel, saw, drill, sand,
            glue, spray, spill, splatter, scatter, sprinkle, flip, mash, grate, squeeze, spread, shape, mold, mould,
            decorate, frost, ice, wrap, unwrap, pack, unpack, load, unload, tow, haul, tug, yank, plough, plow, sow,
            reap, milk, herd, gallop, trot, canter, prance, strut, waddle, scurry, scamper, slither, swoop, dart, zoom,
            zip, whizz, whiz, careen, swerve, skid, cruise, coast, tread, stomp, stride, trudge, limp, shuffle, tiptoe,
            pace, linger, loiter, beam, frown, blink, wink, nod, shrug, gesture, beckon, salute, curtsy, cradle, soothe,
            comfort, console, greet, meet, join, part, separate, huddle, crowd, queue, line, await, overlook, face, dip,
            soak, bathe, shower, drown, sink, submerge, surface, breach, migrate, forage, burrow, groom, preen, lurk,
            spy, observe, survey, document, narrate, illuminate, fill, cover, surround, frame, dot, litter, pile, adorn,
            crown, drape, flank, streak, pierce, filter, glint, gleam, glisten, glitter, dapple, fleck, pan, track,
            dolly, tilt, crane, truck, pedestal, arc
            """);

    /** Irregular past tenses and participles, and the states that read as actions ("asleep"). */
    static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("ran", "run"), Map.entry("flew", "fly"), Map.entry("flown", "fly"), Map.entry("swam", "swim"),
            Map.entry("swum", "swim"), Map.entry("sat", "sit"), Map.entry("stood", "stand"), Map.entry("rode", "ride"),
            Map.entry("ridden", "ride"), Map.entry("drove", "drive"), Map.entry("driven", "drive"),
            Map.entry("threw", "throw"), Map.entry("thrown", "throw"), Map.entry("caught", "catch"),
            Map.entry("held", "hold"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
            Map.entry("rose", "rise"), Map.entry("risen", "rise"), Map.entry("took", "take"),
            Map.entry("taken", "take"), Map.entry("wore", "wear"), Map.entry("worn", "wear"), Map.entry("ate", "eat"),
            Map.entry("eaten", "eat"), Map.entry("drank", "drink"), Map.entry("drunk", "drink"),
            Map.entry("sang", "sing"), Map.entry("sung", "sing"), Map.entry("spun", "spin"), Map.entry("hung", "hang"),
            Map.entry("lay", "lie"), Map.entry("lain", "lie"), Map.entry("dug", "dig"), Map.entry("fought", "fight"),
            Map.entry("brought", "bring"), Map.entry("bought", "buy"), Map.entry("struck", "strike"),
            Map.entry("swung", "swing"), Map.entry("slid", "slide"), Map.entry("shone", "shine"),
            Map.entry("knelt", "kneel"), Map.entry("leapt", "leap"), Map.entry("crept", "creep"),
            Map.entry("slept", "sleep"), Map.entry("wept", "weep"), Map.entry("swept", "sweep"),
            Map.entry("built", "build"), Map.entry("lit", "light"), Map.entry("blew", "blow"),
            Map.entry("blown", "blow"), Map.entry("drew", "draw"), Map.entry("drawn", "draw"),
            Map.entry("grew", "grow"), Map.entry("grown", "grow"), Map.entry("woke", "wake"),
            Map.entry("broke", "break"), Map.entry("broken", "break"), Map.entry("froze", "freeze"),
            Map.entry("frozen", "freeze"), Map.entry("shook", "shake"), Map.entry("made", "make"),
            Map.entry("found", "find"), Map.entry("left", "leave"), Map.entry("led", "lead"), Map.entry("fed", "feed"),
            Map.entry("met", "meet"), Map.entry("sped", "speed"), Map.entry("spat", "spit"), Map.entry("sank", "sink"),
            Map.entry("sunk", "sink"), Map.entry("shot", "shoot"), Map.entry("wove", "weave"),
            Map.entry("woven", "weave"), Map.entry("strode", "stride"), Map.entry("bit", "bite"),
            Map.entry("bitten", "bite"), Map.entry("hid", "hide"), Map.entry("hidden", "hide"),
            Map.entry("cast", "cast"), Map.entry("set", "set"), Map.entry("put", "put"), Map.entry("spread", "spread"),
            Map.entry("burnt", "burn"), Map.entry("spilt", "spill"), Map.entry("dove", "dive"),
            Map.entry("lying", "lie"), Map.entry("dying", "die"), Map.entry("tying", "tie"),
            Map.entry("asleep", "sleep"), Map.entry("awake", "wake"), Map.entry("adrift", "drift"),
            Map.entry("afloat", "float"), Map.entry("aglow", "glow"), Map.entry("ablaze", "blaze"));
}
